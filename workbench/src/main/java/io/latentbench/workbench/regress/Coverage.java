package io.latentbench.workbench.regress;

import java.util.List;
import java.util.Locale;

/**
 * How much of the baseline the current run measured. A run that silently lost benchmarks (a suite left out,
 * a crashed shard, an empty file) has nothing to regress on, so a gate must not pass it: more missing than
 * the stated tolerance fails the gate.
 *
 * @param baselineMeasurements measurements in the baseline
 * @param missing              of those, the ones the current run lacks
 */
public record Coverage(int baselineMeasurements, List<MeasurementId> missing) {

    /** The default tolerance: every baseline measurement must be in the current run. */
    public static final double DEFAULT_MAX_MISSING_PERCENT = 0;

    public Coverage {
        missing = List.copyOf(missing);
    }

    public static Coverage of(ComparisonReport report) {
        return new Coverage(report.baselineSide().measurements().size(), report.missing());
    }

    public double missingPercent() {
        return baselineMeasurements == 0 ? 0 : 100.0 * missing.size() / baselineMeasurements;
    }

    /** Whether more than {@code maxMissingPercent} percent of the baseline went unmeasured. */
    public boolean exceeds(double maxMissingPercent) {
        return missingPercent() > maxMissingPercent;
    }

    /** E.g. "3 of 106 baseline measurements (2.8 %) were not measured in the current run; tolerated: 0 %". */
    public String describe(double maxMissingPercent) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%d of %d baseline measurements (%.1f %%) were not measured in the current run; tolerated: %s %%",
                missing.size(), baselineMeasurements, missingPercent(), format(maxMissingPercent)));
        int shown = Math.min(5, missing.size());
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? " (" : ", ").append(missing.get(i));
        }
        if (shown > 0) {
            s.append(missing.size() > shown ? ", ...)" : ")");
        }
        return s.toString();
    }

    private static String format(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
