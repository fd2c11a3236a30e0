package io.latentbench.workbench.regress;

import java.util.Locale;

/**
 * Which {@code [thresholds]} entry governs a measurement. The mapping is explicit and by
 * rule, first match wins:
 *
 * <ol>
 *   <li>memory metrics: bytes per operation (gc.alloc.rate.norm, B/op) use
 *       {@code memory.allocation_count}; sizes (peak or retained MB) use {@code memory.peak_usage};</li>
 *   <li>suite {@code throughput}: a benchmark whose name mentions knn, search or parallel uses
 *       {@code throughput.parallel_search}; every other one (batch add, batch attention) uses
 *       {@code throughput.batch_operations};</li>
 *   <li>knnBatch, or a knn/search benchmark with a {@code batch} or {@code queries} parameter
 *       above 1 (the matrix's batched knn), uses {@code throughput.parallel_search};</li>
 *   <li>any other name mentioning {@code knn} or {@code search} (latency knn, distance
 *       comparison, matrix at batch 1, peers' knn) uses {@code latency.knn_search};</li>
 *   <li>a name mentioning {@code attention}, {@code flash}, {@code moe} or
 *       {@code multihead} uses {@code latency.attention};</li>
 *   <li>a name starting with {@code add} or {@code insert} uses {@code latency.add_embedding};</li>
 *   <li>everything else (space creation, distance kernels, foreign benchmarks) uses {@code default}.</li>
 * </ol>
 *
 * A config entry that is absent falls back to {@code default}: the most specific entry present wins.
 */
public final class ThresholdMapping {

    private ThresholdMapping() {}

    /** A batch or queries parameter above 1: many queries at once (the matrix's batched knn). */
    private static boolean batched(Measurement m) {
        for (String key : new String[] {"batch", "queries"}) {
            String v = m.params().get(key);
            if (v != null) {
                try {
                    return Integer.parseInt(v.trim()) > 1;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    public static ThresholdEntry entryFor(Measurement m) {
        MetricKind kind = MetricKind.of(m.id(), m.unit());
        if (kind == MetricKind.ALLOCATION) {
            return ThresholdEntry.ALLOCATION_COUNT;
        }
        if (kind == MetricKind.FOOTPRINT) {
            return ThresholdEntry.PEAK_USAGE;
        }
        String suite = m.suite().toLowerCase(Locale.ROOT);
        String name = m.name().toLowerCase(Locale.ROOT);
        boolean searchLike = name.contains("knn") || name.contains("search");
        if (suite.equals("throughput") || suite.endsWith(".throughput") || name.contains("parallel")) {
            return searchLike || name.contains("parallel") ? ThresholdEntry.PARALLEL_SEARCH : ThresholdEntry.BATCH_OPERATIONS;
        }
        if (name.contains("knnbatch") || (searchLike && batched(m))) {
            return ThresholdEntry.PARALLEL_SEARCH;
        }
        if (searchLike) {
            return ThresholdEntry.KNN_SEARCH;
        }
        if (name.contains("attention") || name.contains("flash") || name.contains("moe") || name.contains("multihead")) {
            return ThresholdEntry.ATTENTION;
        }
        if (name.startsWith("add") || name.startsWith("insert")) {
            return ThresholdEntry.ADD_EMBEDDING;
        }
        return ThresholdEntry.DEFAULT;
    }
}
