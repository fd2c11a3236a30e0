package io.latentbench.workbench.results;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One benchmark at one point of its parameter matrix: a row of {@code results.json}.
 *
 * @param suite      the suite it belongs to ("latency", "peers", ...), or the JMH class for foreign files
 * @param name       the benchmark method, e.g. {@code knn}
 * @param params     the JMH {@code @Param} values, sorted by name
 * @param mode       JMH mode: thrpt, avgt, sample, ss
 * @param primary    the primary metric
 * @param secondary  secondary metrics by name, without JMH's old "·" prefix
 * @param tags       what the row means (reference or ours, threshold entry, speed-up, charts)
 */
public record BenchmarkResult(
        String suite,
        String name,
        SortedMap<String, String> params,
        String mode,
        Metric primary,
        Map<String, Metric> secondary,
        RowTags tags) {

    public BenchmarkResult {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(name, "name");
        params = params == null ? new TreeMap<>() : new TreeMap<>(params);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(primary, "primary");
        secondary = secondary == null ? Map.of() : Map.copyOf(secondary);
        Objects.requireNonNull(tags, "tags");
    }

    /** A row that came without tags (a foreign JMH file, an old file): its tags are {@link ForeignRows#guess}ed. */
    public BenchmarkResult(String suite, String name, SortedMap<String, String> params, String mode, Metric primary,
            Map<String, Metric> secondary) {
        this(suite, name, params, mode, primary, secondary,
                ForeignRows.guess(Objects.requireNonNull(suite, "suite"), Objects.requireNonNull(name, "name"),
                        params == null ? Map.of() : params));
    }

    /** The same row with other tags. */
    public BenchmarkResult withTags(RowTags newTags) {
        return new BenchmarkResult(suite, name, params, mode, primary, secondary, newTags);
    }

    /** The same row with other secondary metrics, its tags kept. */
    public BenchmarkResult withSecondary(Map<String, Metric> newSecondary) {
        return new BenchmarkResult(suite, name, params, mode, primary, newSecondary, tags);
    }

    /**
     * A stable identity across runs: suite, name and params, e.g.
     * {@code latency.knn[dim=128,k=10]}. Baselines and comparisons join on it.
     */
    public String key() {
        return key(suite, name, params);
    }

    /** The form of {@link #key()} for any parameters, in their map's order (charts show only some). */
    public static String key(String suite, String name, Map<String, String> params) {
        String p = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        return suite + "." + name + (p.isEmpty() ? "" : "[" + p + "]");
    }

    public String unit() {
        return primary.unit();
    }

    public Direction direction() {
        return primary.direction();
    }
}
