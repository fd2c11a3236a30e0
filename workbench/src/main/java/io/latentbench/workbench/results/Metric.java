package io.latentbench.workbench.results;

import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

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
 * @param percentiles  JMH's score percentiles (0..100 to value); for SampleTime they describe
 *                     the distribution of single invocations, elsewhere that of iterations. May be empty.
 */
public record Metric(
        String unit,
        double score,
        double error,
        double ciLow,
        double ciHigh,
        List<List<Double>> forkSamples,
        NavigableMap<Double, Double> percentiles) {

    public Metric {
        Objects.requireNonNull(unit, "unit");
        forkSamples = forkSamples == null ? List.of() : forkSamples.stream().map(List::copyOf).toList();
        percentiles = percentiles == null
                ? java.util.Collections.unmodifiableNavigableMap(new TreeMap<>())
                : java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(percentiles));
    }

    /** A metric without percentiles (the original shape of this record). */
    public Metric(String unit, double score, double error, double ciLow, double ciHigh, List<List<Double>> forkSamples) {
        this(unit, score, error, ciLow, ciHigh, forkSamples, null);
    }

    /** A single value without samples or interval, e.g. a derived speedup. */
    public static Metric of(String unit, double value) {
        return new Metric(unit, value, Double.NaN, Double.NaN, Double.NaN, List.of(List.of(value)));
    }

    /** What {@link #unit} means. */
    public ScoreUnit scoreUnit() {
        return ScoreUnit.of(unit);
    }

    public Direction direction() {
        return scoreUnit().direction();
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

    /**
     * The median: JMH's 50th percentile where it gave one (SampleTime: of single calls),
     * otherwise the median of all iteration samples; NaN without either.
     */
    public double median() {
        Double p50 = percentiles.get(50.0);
        if (p50 != null) {
            return p50;
        }
        return Stats.median(allSamples());
    }

    /** The sample standard deviation of all iteration samples (NaN with fewer than two). */
    public double stdDev() {
        return Stats.stdDev(allSamples());
    }

    /** The median absolute deviation of all iteration samples, unscaled (NaN without samples). */
    public double mad() {
        return Stats.mad(allSamples());
    }

    /** Package-private arithmetic on sample arrays; kept here so the record stays self-contained. */
    static final class Stats {
        private Stats() {}

        static double median(double[] xs) {
            if (xs.length == 0) {
                return Double.NaN;
            }
            double[] s = xs.clone();
            Arrays.sort(s);
            int mid = s.length / 2;
            return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
        }

        static double stdDev(double[] xs) {
            if (xs.length < 2) {
                return Double.NaN;
            }
            double mean = Arrays.stream(xs).average().orElseThrow();
            double ss = 0;
            for (double x : xs) {
                ss += (x - mean) * (x - mean);
            }
            return Math.sqrt(ss / (xs.length - 1));
        }

        static double mad(double[] xs) {
            if (xs.length == 0) {
                return Double.NaN;
            }
            double m = median(xs);
            return median(Arrays.stream(xs).map(x -> Math.abs(x - m)).toArray());
        }
    }
}
