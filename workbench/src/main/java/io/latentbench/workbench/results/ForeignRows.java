package io.latentbench.workbench.results;

import java.util.Locale;
import java.util.Map;

/**
 * The one place that guesses from names: the suite and the {@link RowTags} of a row that came
 * without tags, which is a raw JMH file (ours or another project's) or a results.json, baseline
 * or relative.json written before rows carried tags. Rows our runner writes carry the tags their
 * suite declares ({@code bench.SuiteTags}), and nothing else reads a suite's name; for our suites
 * as they were when tags came in, the guess gives exactly the declared tags (a bench test holds
 * the two together), so old files are judged as before.
 */
public final class ForeignRows {

    /** Where our suites live: a raw JMH file of them is keyed like the results.json written from it. */
    static final String OUR_SUITES_PACKAGE = "io.latentbench.workbench.bench.suites";
    static final String CLASS_SUFFIX = "Benchmarks";

    private static final String SPEEDUP_METRIC = "speedup_vs_standard";

    private ForeignRows() {}

    /**
     * The suite of a JMH class name: {@code <OUR_SUITES_PACKAGE>.AttentionComparisonBenchmarks}
     * is {@code attention_comparison}; a suite split by family keeps its classes in a package named
     * for its label, so {@code <OUR_SUITES_PACKAGE>.peers.KnnScanBenchmarks} is {@code peers}; any
     * other class keeps its fully qualified name.
     */
    public static String suiteOf(String benchmarkClass) {
        int dot = benchmarkClass.lastIndexOf('.');
        String pkg = dot < 0 ? "" : benchmarkClass.substring(0, dot);
        String simple = benchmarkClass.substring(dot + 1);
        if (!simple.endsWith(CLASS_SUFFIX) || simple.length() == CLASS_SUFFIX.length()) {
            return benchmarkClass;
        }
        if (pkg.equals(OUR_SUITES_PACKAGE)) {
            return snakeCase(simple.substring(0, simple.length() - CLASS_SUFFIX.length()));
        }
        String family = pkg.startsWith(OUR_SUITES_PACKAGE + ".") ? pkg.substring(OUR_SUITES_PACKAGE.length() + 1) : "";
        if (!family.isEmpty() && family.indexOf('.') < 0) {
            return family;
        }
        return benchmarkClass;
    }

    /**
     * The tags of a row without any, from its suite, benchmark name and parameters:
     * <ul>
     *   <li>role: in the peers suite the plain read and the scalar loop measure the machine, Lucene
     *       and the peers outside Java ({@code peer} parameter) are references; every other row is ours;</li>
     *   <li>threshold, first match wins: suite {@code throughput} (or a name with {@code parallel}):
     *       search-like names {@code throughput.parallel_search}, others {@code throughput.batch_operations};
     *       knnBatch, or a knn/search with a {@code batch} or {@code queries} parameter above 1,
     *       {@code throughput.parallel_search}; other knn/search names {@code latency.knn_search};
     *       attention, flash, moe, multihead {@code latency.attention}; names starting with add or
     *       insert {@code latency.add_embedding}; everything else {@code default};</li>
     *   <li>speed-up: a row with a {@code type} parameter has {@code speedup_vs_standard};</li>
     *   <li>charts: latency knn and the matrix's knn at batch 1 plot against k, the attention
     *       comparison its speed-ups, memory rows with a {@code dataset} against dataset size.</li>
     * </ul>
     */
    public static RowTags guess(String suite, String name, Map<String, String> params) {
        RowTags tags = RowTags.ours(threshold(suite, name, params)).withRole(role(suite, name, params));
        if (params.containsKey("type")) {
            tags = tags.withSpeedup(SPEEDUP_METRIC);
        }
        boolean knn = name.equals("knn");
        if ((suite.equals("latency") && knn)
                || (suite.equals("matrix") && knn && "1".equals(params.getOrDefault("batch", "1")))) {
            tags = tags.withChart(RowTags.Chart.LATENCY_VS_K);
        }
        if (suite.equals("attention_comparison") && params.containsKey("type")) {
            tags = tags.withChart(RowTags.Chart.ATTENTION_SPEEDUPS);
        }
        if (suite.equals("memory") && params.containsKey("dataset")) {
            tags = tags.withChart(RowTags.Chart.MEMORY_VS_DATASET);
        }
        return tags;
    }

    private static RowTags.Role role(String suite, String name, Map<String, String> params) {
        if (!suite.equals("peers")) {
            return RowTags.Role.OURS;
        }
        return RowTags.Role.ofPeer(name, params);
    }

    private static String threshold(String suiteName, String benchmark, Map<String, String> params) {
        String suite = suiteName.toLowerCase(Locale.ROOT);
        String name = benchmark.toLowerCase(Locale.ROOT);
        boolean searchLike = name.contains("knn") || name.contains("search");
        if (suite.equals("throughput") || suite.endsWith(".throughput") || name.contains("parallel")) {
            return searchLike || name.contains("parallel") ? "throughput.parallel_search" : "throughput.batch_operations";
        }
        if (name.contains("knnbatch") || (searchLike && batched(params))) {
            return "throughput.parallel_search";
        }
        if (searchLike) {
            return "latency.knn_search";
        }
        if (name.contains("attention") || name.contains("flash") || name.contains("moe") || name.contains("multihead")) {
            return "latency.attention";
        }
        if (name.startsWith("add") || name.startsWith("insert")) {
            return "latency.add_embedding";
        }
        return RowTags.DEFAULT_THRESHOLD;
    }

    /** A batch or queries parameter above 1: many queries at once (the matrix's batched knn). */
    private static boolean batched(Map<String, String> params) {
        for (String key : new String[] {"batch", "queries"}) {
            String v = params.get(key);
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

    static String snakeCase(String camel) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
