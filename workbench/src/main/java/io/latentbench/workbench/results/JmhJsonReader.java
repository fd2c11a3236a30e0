package io.latentbench.workbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the JSON JMH writes with {@code -rf json}, from any project and JMH version: an array
 * of runs, each with {@code benchmark}, {@code mode}, optional {@code params} and a
 * {@code primaryMetric} plus {@code secondaryMetrics}.
 *
 * <p>Tolerated on purpose: non-finite numbers as the strings "NaN", "+INF", "-INF" (in scores,
 * errors and secondary metrics; a primary metric's samples are measurements and must be finite
 * and at least 0, see {@link #readMetric}); params
 * absent, empty, or with non-string values; the "·" prefix secondary metrics carried before
 * JMH 1.37; SampleTime runs, which have {@code rawDataHistogram} ([fork][iteration][[value,
 * count]...]) instead of {@code rawData} ([fork][iteration]); missing score errors and
 * confidence intervals (single-iteration runs).
 */
public final class JmhJsonReader {

    /** JMH before 1.37 prefixed secondary metric names with a middle dot. */
    private static final char OLD_SECONDARY_PREFIX = '\u00b7';

    private JmhJsonReader() {}

    /**
     * Converts a parsed JMH JSON array into rows.
     *
     * @param root   the array JMH wrote
     * @param source a name for error messages (usually the file)
     */
    public static List<BenchmarkResult> read(JsonNode root, String source) {
        if (root == null || !root.isArray()) {
            throw new ResultFileException(source + ": a JMH result file is a JSON array of runs, found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        List<BenchmarkResult> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode run : root) {
            rows.add(readRun(run, source + ": run #" + index));
            index++;
        }
        return rows;
    }

    /** The JVM version the first run names ({@code jdkVersion}, else {@code vmVersion}), or "unknown". */
    public static String jdkOf(JsonNode root) {
        if (root != null && root.isArray() && !root.isEmpty()) {
            JsonNode first = root.get(0);
            for (String field : new String[] {"jdkVersion", "vmVersion"}) {
                JsonNode v = first.get(field);
                if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                    return v.textValue();
                }
            }
        }
        return "unknown";
    }

    private static BenchmarkResult readRun(JsonNode run, String where) {
        if (!run.isObject()) {
            throw new ResultFileException(where + " is " + run.getNodeType() + "; expected an object");
        }
        String benchmark = requiredText(run, "benchmark", where);
        where = where + " (" + benchmark + ")";
        String mode = run.hasNonNull("mode") ? run.get("mode").asText() : "unknown";

        TreeMap<String, String> params = new TreeMap<>();
        JsonNode p = run.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new ResultFileException(where + ": params is " + p + "; expected an object of name to value");
            }
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                params.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
        }

        JsonNode primaryNode = run.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw new ResultFileException(where + ": primaryMetric is missing; expected an object with score and scoreUnit");
        }
        Metric primary = readMetric(primaryNode, where + ": primaryMetric", true);

        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode sec = run.get("secondaryMetrics");
        if (sec != null && sec.isObject()) {
            for (Map.Entry<String, JsonNode> e : sec.properties()) {
                String name = stripOldPrefix(e.getKey());
                secondary.put(name, readMetric(e.getValue(), where + ": secondaryMetrics." + name, false));
            }
        }
        return row(benchmark, mode, params, primary, secondary);
    }

    /**
     * A run of the benchmark {@code class.method} as a row, the same whether JMH's JSON or its in-memory
     * result ({@link JmhRuns}) says it: the suite comes from the class ({@link ForeignRows#suiteOf}), the
     * tags are guessed until the runner puts its suite's declared ones on the row.
     */
    static BenchmarkResult row(String benchmark, String mode, SortedMap<String, String> params, Metric primary,
            Map<String, Metric> secondary) {
        int dot = benchmark.lastIndexOf('.');
        String className = dot < 0 ? "" : benchmark.substring(0, dot);
        String method = benchmark.substring(dot + 1);
        String suite = className.isEmpty() ? benchmark : ForeignRows.suiteOf(className);
        return new BenchmarkResult(suite, method, params, mode, primary, secondary);
    }

    static String stripOldPrefix(String name) {
        int i = 0;
        while (i < name.length() && (name.charAt(i) == OLD_SECONDARY_PREFIX || name.charAt(i) == ':')) {
            i++;
        }
        return name.substring(i);
    }

    /**
     * One metric. A primary metric's samples must be measurements ({@link ForkSamples}); secondary metrics
     * (profilers, counters) may be anything JMH writes.
     */
    static Metric readMetric(JsonNode m, String where, boolean primary) {
        MetricJson.requireObject(m, where);
        String unit = m.hasNonNull("scoreUnit") ? m.get("scoreUnit").asText() : "";
        List<List<Double>> forks;
        if (m.has("rawData") && !m.get("rawData").isNull()) {
            forks = MetricJson.forks(m.get("rawData"), where + ".rawData", primary);
        } else if (m.has("rawDataHistogram") && !m.get("rawDataHistogram").isNull()) {
            forks = readHistograms(m.get("rawDataHistogram"), where + ".rawDataHistogram", primary);
        } else {
            forks = List.of();
        }
        return MetricJson.read(m, unit, forks, where);
    }

    /** SampleTime keeps each iteration as a histogram, {@code [[value, count]...]}, of single-call times. */
    private static List<List<Double>> readHistograms(JsonNode raw, String where, boolean measurement) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < MetricJson.requireArray(raw, where).size(); f++) {
            JsonNode fork = MetricJson.requireArray(raw.get(f), where + "[" + f + "]");
            List<Double> its = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                String at = where + "[" + f + "][" + i + "]";
                JsonNode bins = MetricJson.requireArray(fork.get(i), at);
                ForkSamples.Histogram histogram = new ForkSamples.Histogram(at, measurement);
                for (int b = 0; b < bins.size(); b++) {
                    JsonNode bin = MetricJson.requireArray(bins.get(b), at + "[" + b + "]");
                    if (bin.size() != 2) {
                        throw new ResultFileException(at + "[" + b + "] is " + bin + "; expected [value, count]");
                    }
                    histogram.add(JsonNumbers.read(bin.get(0), at + "[" + b + "][0]"),
                            JsonNumbers.read(bin.get(1), at + "[" + b + "][1]"), at + "[" + b + "]");
                }
                its.add(histogram.mean());
            }
            forks.add(its);
        }
        if (measurement) {
            ForkSamples.requireForks(forks, where);
        }
        return forks;
    }

    private static String requiredText(JsonNode obj, String field, String where) {
        JsonNode v = obj.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new ResultFileException(where + ": \"" + field + "\" is " + (v == null ? "missing" : v)
                    + "; expected the benchmark's name, e.g. \"org.example.MyBench.method\"");
        }
        return v.textValue();
    }
}
