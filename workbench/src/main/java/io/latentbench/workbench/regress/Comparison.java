package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.Direction;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a comparison report.
 *
 * @param entry             the threshold entry that governed it
 * @param thresholdPercent  its value
 * @param baseline          the baseline measurement in the baseline's unit, absent for a new benchmark
 * @param current           the current measurement converted to the baseline's unit
 * @param reason            why this verdict, in words (for the report)
 * @param statistics        the evidence, absent for a new benchmark
 */
public record Comparison(
        MeasurementId id,
        ThresholdEntry entry,
        double thresholdPercent,
        Optional<Measurement> baseline,
        Measurement current,
        Verdict verdict,
        String reason,
        Optional<ChangeStatistics> statistics) {

    public Comparison {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(statistics, "statistics");
    }

    public Direction direction() {
        return current.direction();
    }

    public MetricKind kind() {
        return MetricKind.of(id, current.unit());
    }
}
