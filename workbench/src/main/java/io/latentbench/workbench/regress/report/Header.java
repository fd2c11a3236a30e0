package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.PairedComparer;
import java.util.List;

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
                "Method:   " + r.method(),
                "Config:   " + r.configSource());
    }

    static String side(MeasurementSet s) {
        return s.source() + ", testbed " + (s.testbed() == null ? "unspecified" : s.testbed())
                + ", commit " + s.gitCommit() + ", " + s.timestamp();
    }
}
