package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementSet;
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
                        ? " (each speed relative to the reference measured in the same run)" : " (absolute scores)"),
                "Method:   " + method(r),
                "Config:   " + r.configSource());
    }

    static String method(ComparisonReport r) {
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
