package io.latentbench.workbench.results;

import java.util.List;
import java.util.Objects;

/**
 * One measured quantity of a benchmark: the primary score or a secondary metric such as
 * {@code gc.alloc.rate.norm}.
 *
 * @param unit         as JMH reports it ("us/op", "ops/s", "B/op", "MB")
 * @param score        the mean over all iterations of all forks; NaN when JMH had none
 * @param error        half-width of the 99.9 % confidence interval JMH reports (NaN if unknown)
 * @param ciLow        lower end of that interval
 * @param ciHigh       upper end of that interval
 * @param forkSamples  measurement iterations, one list per fork: the fork is the unit of replication
 */
public record Metric(
        String unit, double score, double error, double ciLow, double ciHigh, List<List<Double>> forkSamples) {

    public Metric {
        Objects.requireNonNull(unit, "unit");
        forkSamples = forkSamples == null ? List.of() : forkSamples.stream().map(List::copyOf).toList();
    }

    public Direction direction() {
        return Direction.fromUnit(unit);
    }

    public int forks() {
        return forkSamples.size();
    }

    /** The mean of each fork's iterations: the independent samples a comparison may use. */
    public double[] forkMeans() {
        return forkSamples.stream()
                .filter(f -> !f.isEmpty())
                .mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))
                .toArray();
    }

    /** Every iteration of every fork, flattened. */
    public double[] allSamples() {
        return forkSamples.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }
}
