package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.Direction;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calibrated mode: every speed measurement is expressed relative to a reference benchmark
 * measured in the same run (for example the plain read of the same bytes), so that a baseline
 * survives a machine that is uniformly slower or busier.
 *
 * <p>A time is divided by the reference's time (or multiplied by the reference's rate); a rate
 * is multiplied by the reference's time (or divided by its rate). The result keeps its
 * direction. Memory metrics are left alone: bytes do not scale with machine speed. The
 * reference itself is dropped from the comparison, it is 1 by construction.
 */
public final class Calibration {

    private Calibration() {}

    public static MeasurementSet apply(MeasurementSet set, String referenceKey, String side) {
        Measurement reference = set.get(MeasurementId.primary(referenceKey)).orElseThrow(() -> new IllegalArgumentException(
                "calibration reference '" + referenceKey + "' is not in the " + side + " file (" + set.source()
                        + "); expected the key of a benchmark measured in the same run"));
        double ref = reference.forks() > 0 ? reference.forkMeans().stream().mapToDouble(Double::doubleValue).average().orElseThrow()
                : reference.score();
        if (!(ref > 0) || !Double.isFinite(ref)) {
            throw new IllegalArgumentException("calibration reference '" + referenceKey + "' has score " + ref
                    + " in the " + side + " file; expected a positive number");
        }
        Map<MeasurementId, Measurement> out = new TreeMap<>();
        for (Measurement m : set.measurements().values()) {
            if (m.id().equals(reference.id())) {
                continue;
            }
            if (MetricKind.of(m.id(), m.unit()) != MetricKind.SPEED) {
                out.put(m.id(), m);
                continue;
            }
            boolean sameDirection = m.direction() == reference.direction();
            double factor = sameDirection ? 1 / ref : ref;
            // the label keeps the original direction: a rate times a time is still "higher is better"
            Measurement scaled = m.scaled(factor, m.direction() == Direction.HIGHER_IS_BETTER ? "ops/ref" : "x ref");
            out.put(m.id(), scaled);
        }
        return set.withMeasurements(out);
    }
}
