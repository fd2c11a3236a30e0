package io.latentbench.workbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields a metric object has in JMH's JSON and in results.json alike ({@code score},
 * {@code scoreError}, {@code scoreConfidence}, {@code scorePercentiles}) and their samples as an
 * array of forks of iterations (JMH's {@code rawData}, results.json's {@code forkSamples}). Each
 * format's reader says where the unit and the samples are; this reads what they share.
 */
final class MetricJson {

    private MetricJson() {}

    /** The metric object itself; anything else is an error naming {@code where}. */
    static JsonNode requireObject(JsonNode m, String where) {
        if (m == null || !m.isObject()) {
            throw new ResultFileException(where + " is " + m + "; expected an object");
        }
        return m;
    }

    /** The metric of {@code m} with the unit and samples its format's reader found. */
    static Metric read(JsonNode m, String unit, List<List<Double>> forks, String where) {
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
        return new Metric(unit, score, error, lo, hi, forks, percentiles);
    }

    /**
     * Samples as {@code [fork][iteration]}; with {@code measurement} (a primary metric) they must obey
     * {@link ForkSamples#requireMeasured}.
     */
    static List<List<Double>> forks(JsonNode raw, String where, boolean measurement) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < requireArray(raw, where).size(); f++) {
            JsonNode fork = requireArray(raw.get(f), where + "[" + f + "]");
            List<Double> its = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                its.add(JsonNumbers.read(fork.get(i), where + "[" + f + "][" + i + "]"));
            }
            forks.add(its);
        }
        if (measurement) {
            ForkSamples.requireMeasured(forks, where);
        }
        return forks;
    }

    static JsonNode requireArray(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new ResultFileException(where + " is " + node + "; expected an array");
        }
        return node;
    }
}
