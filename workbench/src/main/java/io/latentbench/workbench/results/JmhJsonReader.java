package io.latentbench.workbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

        int dot = benchmark.lastIndexOf('.');
        String className = dot < 0 ? "" : benchmark.substring(0, dot);
        String method = benchmark.substring(dot + 1);
        String suite = className.isEmpty() ? benchmark : ForeignRows.suiteOf(className);

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
     * One metric. A primary metric's samples are measurements of time or rate: each must be a finite number
     * of at least 0, and rawData, when present, must hold at least one fork with at least one iteration; a
     * file that breaks this is corrupt, and a comparison built on it would judge nothing. Secondary metrics
     * (profilers, counters) may be anything JMH writes.
     */
    static Metric readMetric(JsonNode m, String where, boolean primary) {
        if (!m.isObject()) {
            throw new ResultFileException(where + " is " + m + "; expected an object");
        }
        String unit = m.hasNonNull("scoreUnit") ? m.get("scoreUnit").asText() : "";
        double score = JsonNumbers.read(m.get("score"), where + ".score");
        double error = JsonNumbers.read(m.get("scoreError"), where + ".scoreError");
        double lo = Double.NaN;
        double hi = Double.NaN;
        JsonNode ci = m.get("scoreConfidence");
        if (ci != null && ci.isArray() && ci.size() == 2) {
            lo = JsonNumbers.read(ci.get(0), where + ".scoreConfidence[0]");
            hi = JsonNumbers.read(ci.get(1), where + ".scoreConfidence[1]");
        }
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        JsonNode pct = m.get("scorePercentiles");
        if (pct != null && pct.isObject()) {
            for (Map.Entry<String, JsonNode> e : pct.properties()) {
                double at;
                try {
                    at = Double.parseDouble(e.getKey());
                } catch (NumberFormatException ex) {
                    throw new ResultFileException(where + ".scorePercentiles has the key \"" + e.getKey()
                            + "\"; expected a percentile such as \"50.0\"");
                }
                percentiles.put(at, JsonNumbers.read(e.getValue(), where + ".scorePercentiles." + e.getKey()));
            }
        }
        List<List<Double>> forks;
        if (m.has("rawData") && !m.get("rawData").isNull()) {
            forks = readRawData(m.get("rawData"), where + ".rawData", primary);
        } else if (m.has("rawDataHistogram") && !m.get("rawDataHistogram").isNull()) {
            forks = readHistograms(m.get("rawDataHistogram"), where + ".rawDataHistogram", primary);
        } else {
            forks = List.of();
        }
        return new Metric(unit, score, error, lo, hi, forks, percentiles);
    }

    private static List<List<Double>> readRawData(JsonNode raw, String where, boolean measurement) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < requireArray(raw, where).size(); f++) {
            JsonNode fork = requireArray(raw.get(f), where + "[" + f + "]");
            List<Double> its = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                String at = where + "[" + f + "][" + i + "]";
                double v = JsonNumbers.read(fork.get(i), at);
                if (measurement) {
                    requireMeasurement(v, at);
                }
                its.add(v);
            }
            forks.add(its);
        }
        if (measurement) {
            requireSamples(forks, where);
        }
        return forks;
    }

    private static void requireMeasurement(double v, String where) {
        if (!Double.isFinite(v) || v < 0) {
            throw new ResultFileException("corrupt sample: " + where + " is " + v
                    + "; a measured time or rate is a finite number >= 0");
        }
    }

    private static void requireSamples(List<List<Double>> forks, String where) {
        if (forks.isEmpty()) {
            throw new ResultFileException("corrupt samples: " + where + " is empty; expected one array of iterations per fork");
        }
        for (int f = 0; f < forks.size(); f++) {
            if (forks.get(f).isEmpty()) {
                throw new ResultFileException("corrupt samples: " + where + "[" + f + "] is empty; a fork has at least one iteration");
            }
        }
    }

    /**
     * SampleTime keeps each iteration as a histogram of single-call times; an iteration's sample
     * is its count-weighted mean, the same statistic JMH's score averages.
     */
    private static List<List<Double>> readHistograms(JsonNode raw, String where, boolean measurement) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < requireArray(raw, where).size(); f++) {
            JsonNode fork = requireArray(raw.get(f), where + "[" + f + "]");
            List<Double> its = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                String at = where + "[" + f + "][" + i + "]";
                JsonNode bins = requireArray(fork.get(i), at);
                double sum = 0;
                double count = 0;
                for (int b = 0; b < bins.size(); b++) {
                    JsonNode bin = requireArray(bins.get(b), at + "[" + b + "]");
                    if (bin.size() != 2) {
                        throw new ResultFileException(at + "[" + b + "] is " + bin + "; expected [value, count]");
                    }
                    double value = JsonNumbers.read(bin.get(0), at + "[" + b + "][0]");
                    double n = JsonNumbers.read(bin.get(1), at + "[" + b + "][1]");
                    if (measurement) {
                        requireMeasurement(value, at + "[" + b + "][0]");
                        requireMeasurement(n, at + "[" + b + "][1]");
                    }
                    sum += value * n;
                    count += n;
                }
                if (measurement && count <= 0) {
                    throw new ResultFileException("corrupt samples: " + at + " counts no call");
                }
                its.add(count > 0 ? sum / count : Double.NaN);
            }
            forks.add(its);
        }
        if (measurement) {
            requireSamples(forks, where);
        }
        return forks;
    }

    private static JsonNode requireArray(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new ResultFileException(where + " is " + node + "; expected an array");
        }
        return node;
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
