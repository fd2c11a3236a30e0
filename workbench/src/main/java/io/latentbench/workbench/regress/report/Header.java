package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.PairedComparer;
import java.util.List;
import java.util.Locale;

/** The lines every report starts with: what was compared with what, and how. */
final class Header {

    private Header() {}

    static List<String> lines(ComparisonReport r) {
        return List.of(
                "Baseline: " + side(r.baselineSide()),
                "Current:  " + side(r.currentSide()),
                "Mode:     " + r.mode() + (r.mode().startsWith("calibrated")
                        ? " (each speed relative to the reference measured in the same run)"
                        : r.mode().startsWith(PairedComparer.MODE_PREFIX) ? "" : " (absolute scores)"),
                "Method:   " + method(r),
                "Config:   " + r.configSource());
    }

    static String method(ComparisonReport r) {
        if (r.mode().startsWith(PairedComparer.MODE_PREFIX)) {
            return String.format(Locale.ROOT, "geometric mean of the paired ratios head/base (a log ratio per fork"
                    + " pair, iterations averaged within it) with a %.0f%% Student t interval over the pairs; a paired"
                    + " t test on the log ratios. Regression: p < %s and the estimate worse than the threshold;"
                    + " Improvement: p < %s and the whole interval better than half of it", r.confidence() * 100, r.alpha(), r.alpha())
                    + (r.mode().contains(PairedComparer.CONFIRMED) ? "; the first pairs only select: a benchmark whose"
                            + " first estimate is past its threshold either way is measured again and judged on the"
                            + " fresh pairs alone, alpha divided by the number measured again; the others are NoChange"
                            : "");
        }
        return String.format(Locale.ROOT,
                "Mann-Whitney U on per-fork means (alpha %s) and a %.0f%% bootstrap interval of the ratio of means;"
                        + " a regression needs the whole interval past the threshold, an improvement past half of it",
                r.alpha(), r.confidence() * 100);
    }

    static String side(MeasurementSet s) {
        return s.source() + ", testbed " + (s.testbed() == null ? "unspecified" : s.testbed())
                + ", commit " + s.gitCommit() + ", " + s.timestamp();
    }
}
