package io.latentbench.workbench.regress;

import java.util.Comparator;
import java.util.Objects;

/**
 * What a comparison joins on: a benchmark key ({@code latency.knn[dim=128,k=10]}) and the
 * metric of it, empty for the primary score or a secondary metric name such as
 * {@code gc.alloc.rate.norm}.
 */
public record MeasurementId(String benchmark, String metric) implements Comparable<MeasurementId> {

    public static final String PRIMARY = "";

    private static final Comparator<MeasurementId> ORDER =
            Comparator.comparing(MeasurementId::benchmark).thenComparing(MeasurementId::metric);

    public MeasurementId {
        Objects.requireNonNull(benchmark, "benchmark");
        metric = metric == null ? PRIMARY : metric;
    }

    public static MeasurementId primary(String benchmark) {
        return new MeasurementId(benchmark, PRIMARY);
    }

    public boolean isPrimary() {
        return metric.isEmpty();
    }

    /** {@code key} for a primary score, {@code key:metric} for a secondary one. */
    @Override
    public String toString() {
        return isPrimary() ? benchmark : benchmark + ":" + metric;
    }

    @Override
    public int compareTo(MeasurementId other) {
        return ORDER.compare(this, other);
    }
}
