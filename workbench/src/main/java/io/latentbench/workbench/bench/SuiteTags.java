package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.RowTags;
import io.latentbench.workbench.results.RowTags.Chart;
import io.latentbench.workbench.results.RowTags.Role;
import java.util.Map;

/**
 * What the rows of each suite mean, declared once, by suite and JMH benchmark method: which rows
 * are references (not our code: reported, never judged), the threshold entry of
 * regression_config.toml that judges a row's speed, the speed-up the run derives for it, and the
 * charts it belongs on. The runner writes these as the tags of every row of results.json and of
 * every benchmark of relative.json; the results, the gate, its reports and the charts read the
 * tags, so a new suite is declared here (the switch over {@link Suite} does not compile without
 * it) and nowhere below.
 */
public final class SuiteTags {

    static final String DEFAULT = RowTags.DEFAULT_THRESHOLD;
    static final String KNN_SEARCH = "latency.knn_search";
    static final String ADD_EMBEDDING = "latency.add_embedding";
    static final String ATTENTION = "latency.attention";
    static final String BATCH_OPERATIONS = "throughput.batch_operations";
    static final String PARALLEL_SEARCH = "throughput.parallel_search";

    private SuiteTags() {}

    public static RowTags of(BenchPoint point) {
        return of(point.suite(), point.method(), point.params());
    }

    /**
     * The tags of a row of {@code suite}'s benchmark {@code method} at {@code params}.
     *
     * @throws IllegalArgumentException when the suite declares no such method
     */
    public static RowTags of(Suite suite, String method, Map<String, String> params) {
        return switch (suite) {
            case LATENCY -> switch (method) {
                case "create" -> ours(DEFAULT);
                case "add" -> ours(ADD_EMBEDDING);
                case "knn" -> ours(KNN_SEARCH).withChart(Chart.LATENCY_VS_K);
                case "attention" -> ours(ATTENTION).withSpeedup(Speedups.METRIC);
                default -> undeclared(suite, method);
            };
            case THROUGHPUT -> switch (method) {
                case "batchAdd" -> ours(BATCH_OPERATIONS);
                // flash only by default; with -p type=standard,... the run derives speed-ups too
                case "batchAttention" -> ours(BATCH_OPERATIONS).withSpeedup(Speedups.METRIC);
                case "parallelKnn" -> ours(PARALLEL_SEARCH);
                default -> undeclared(suite, method);
            };
            // The build's time is judged by the default entry; its bytes and sizes by their unit.
            case MEMORY -> switch (method) {
                case "buildScaling", "buildByDimension" -> ours(DEFAULT).withChart(Chart.MEMORY_VS_DATASET);
                default -> undeclared(suite, method);
            };
            case MATRIX -> switch (method) {
                // many queries at once is a parallel search; one query a plain knn, and a point against k
                case "knn" -> batch(params) > 1 ? ours(PARALLEL_SEARCH)
                        : ours(KNN_SEARCH).withChart(Chart.LATENCY_VS_K);
                default -> undeclared(suite, method);
            };
            case ATTENTION_COMPARISON -> switch (method) {
                case "attention" -> ours(ATTENTION).withSpeedup(Speedups.METRIC).withChart(Chart.ATTENTION_SPEEDUPS);
                default -> undeclared(suite, method);
            };
            case DISTANCE_COMPARISON -> switch (method) {
                case "knn" -> ours(KNN_SEARCH);
                default -> undeclared(suite, method);
            };
            case FLASH_VS_STANDARD -> switch (method) {
                case "attention" -> ours(ATTENTION).withSpeedup(Speedups.METRIC);
                default -> undeclared(suite, method);
            };
            case PEERS -> peers(suite, method, params);
        };
    }

    /**
     * The peers suite measures our kernels against the scalar loop, Lucene's VectorUtil, numpy and
     * FAISS, and a plain read of the bytes. Those are there to divide by ({@link Role#ofPeer}): the
     * plain read and a kernel's scalar loop measure the machine, the others a library that is not ours.
     */
    private static RowTags peers(Suite suite, String method, Map<String, String> params) {
        RowTags tags = switch (method) {
            case "dotProduct", "squareDistance", "cosine", "manhattan", "hyperbolic", "speciesDot",
                    "scanSquareDistance", "plainRead", "buildPeak" -> ours(DEFAULT);
            case "knn", "knnOneAtATime", "knnOneAtATimeTwoThreads", "pythonKnn" -> ours(KNN_SEARCH);
            case "knnBatch", "pythonKnnBatch" -> ours(PARALLEL_SEARCH);
            case "add" -> ours(ADD_EMBEDDING);
            default -> undeclared(suite, method);
        };
        return tags.withRole(Role.ofPeer(method, params));
    }

    private static RowTags ours(String threshold) {
        return RowTags.ours(threshold);
    }

    private static int batch(Map<String, String> params) {
        String v = params.getOrDefault("batch", "1");
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the matrix's batch parameter is '" + v + "'; expected a whole number", e);
        }
    }

    private static RowTags undeclared(Suite suite, String method) {
        throw new IllegalArgumentException("the " + suite.label() + " suite declares no benchmark '" + method
                + "'; declare what its rows mean in SuiteTags");
    }
}
