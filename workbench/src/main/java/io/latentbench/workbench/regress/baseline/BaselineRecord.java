package io.latentbench.workbench.regress.baseline;

import io.latentbench.workbench.results.ForeignRows;
import io.latentbench.workbench.results.RowTags;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark's baseline: the summary fields (name, dimension, mean, std_dev, median,
 * throughput, memory_peak_mb, timestamp, git_commit) plus what a sound comparison
 * needs: suite, params, mode, unit, per-fork samples and the memory secondary metrics.
 *
 * @param name          the benchmark key, {@code suite.method[params]}
 * @param dimension     the {@code dim}/{@code dimension} parameter when there is one
 * @param mean          mean of all iterations, in {@code unit}
 * @param stdDev        sample standard deviation of all iterations
 * @param median        median of all iterations
 * @param samples       measurement iterations, one list per fork
 * @param throughput    the score when the unit is a rate (ops per time), else null
 * @param memoryPeakMb  a peak-memory metric in MB when the benchmark has one, else null
 * @param secondary     memory metrics such as gc.alloc.rate.norm
 * @param tags          what the row means, as its results.json row said (guessed for records stored before tags)
 */
public record BaselineRecord(
        String name,
        String suite,
        String benchmark,
        SortedMap<String, String> params,
        Integer dimension,
        String mode,
        String unit,
        double mean,
        double stdDev,
        double median,
        List<List<Double>> samples,
        Double throughput,
        Double memoryPeakMb,
        Map<String, BaselineMetric> secondary,
        String timestamp,
        String gitCommit,
        RowTags tags) {

    public BaselineRecord {
        Objects.requireNonNull(name, "name");
        params = params == null ? new TreeMap<>() : new TreeMap<>(params);
        samples = samples == null ? List.of() : samples.stream().map(List::copyOf).toList();
        secondary = secondary == null ? Map.of() : Map.copyOf(new TreeMap<>(secondary));
        Objects.requireNonNull(tags, "tags");
    }

    /** A record without tags (stored before rows carried them): its tags are guessed from its names. */
    public BaselineRecord(String name, String suite, String benchmark, SortedMap<String, String> params,
            Integer dimension, String mode, String unit, double mean, double stdDev, double median,
            List<List<Double>> samples, Double throughput, Double memoryPeakMb, Map<String, BaselineMetric> secondary,
            String timestamp, String gitCommit) {
        this(name, suite, benchmark, params, dimension, mode, unit, mean, stdDev, median, samples, throughput,
                memoryPeakMb, secondary, timestamp, gitCommit, guess(name, suite, benchmark, params));
    }

    private static RowTags guess(String name, String suite, String benchmark, SortedMap<String, String> params) {
        Objects.requireNonNull(name, "name");
        String s = suite == null || suite.isEmpty() ? Baselines.suiteOf(name) : suite;
        String b = benchmark == null || benchmark.isEmpty() ? name : benchmark;
        return ForeignRows.guess(s, b, params == null ? Map.of() : params);
    }

    public double[] forkMeans() {
        return forkMeans(samples);
    }

    static double[] forkMeans(List<List<Double>> samples) {
        return samples.stream()
                .filter(f -> !f.isEmpty())
                .mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .filter(Double::isFinite)
                .toArray();
    }
}
