package io.latentbench.workbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The normalized {@code results.json}: one object with the run's provenance and one row per
 * benchmark x params. Field names follow JMH's where they mean the same thing, so a reader
 * of either needs little translation.
 *
 * <pre>{@code
 * {"format": "latentbench-results", "version": 1,
 *  "run": {"timestamp", "gitCommit", "profile", "jdk", "cpu", "cores", "testbed"},
 *  "results": [{"key", "suite", "name", "params": {..}, "mode", "unit", "direction",
 *               "score", "scoreError", "scoreConfidence": [lo, hi], "scorePercentiles": {..},
 *               "forkSamples": [[..], ..], "secondary": {"gc.alloc.rate.norm": {"unit", ...}},
 *               "tags": {"role", "threshold", "speedup", "charts": [..]}}],
 *  "failed": [{"key", "message"}]}
 * }</pre>
 *
 * A row without {@code tags} (written before rows carried them) is read with guessed tags;
 * {@code failed} is there only when the run could not measure some benchmarks.
 */
final class ResultsJson {

    static final String FORMAT = "latentbench-results";
    static final int VERSION = 1;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResultsJson() {}

    /** Whether a parsed document is ours rather than JMH's. */
    static boolean isResultsJson(JsonNode root) {
        return root != null && root.isObject() && FORMAT.equals(root.path("format").asText(null));
    }

    static ObjectNode toJson(ResultSet set) {
        ObjectNode root = F.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        RunInfo info = set.info();
        ObjectNode run = root.putObject("run");
        run.put("timestamp", info.timestamp() == null ? null : info.timestamp().toString());
        run.put("gitCommit", info.gitCommit());
        run.put("profile", info.profile());
        run.put("jdk", info.jdk());
        run.put("cpu", info.cpu());
        run.put("cores", info.cores());
        run.put("testbed", info.testbed());
        ArrayNode rows = root.putArray("results");
        for (BenchmarkResult r : set.results()) {
            ObjectNode row = rows.addObject();
            row.put("key", r.key());
            row.put("suite", r.suite());
            row.put("name", r.name());
            ObjectNode params = row.putObject("params");
            r.params().forEach(params::put);
            row.put("mode", r.mode());
            writeMetric(row, r.primary());
            ObjectNode sec = row.putObject("secondary");
            new TreeMap<>(r.secondary()).forEach((name, m) -> writeMetric(sec.putObject(name), m));
            RowTagsJson.write(row, r.tags());
        }
        FailedBenchmarksJson.write(root, set.failed());
        return root;
    }

    private static void writeMetric(ObjectNode out, Metric m) {
        out.put("unit", m.unit());
        out.put("direction", m.direction().name().toLowerCase(Locale.ROOT));
        out.set("score", JsonNumbers.write(m.score()));
        out.set("scoreError", JsonNumbers.write(m.error()));
        ArrayNode ci = out.putArray("scoreConfidence");
        ci.add(JsonNumbers.write(m.ciLow()));
        ci.add(JsonNumbers.write(m.ciHigh()));
        ObjectNode pct = out.putObject("scorePercentiles");
        m.percentiles().forEach((at, v) -> pct.set(percentileKey(at), JsonNumbers.write(v)));
        ArrayNode forks = out.putArray("forkSamples");
        for (List<Double> fork : m.forkSamples()) {
            ArrayNode its = forks.addArray();
            fork.forEach(v -> its.add(JsonNumbers.write(v)));
        }
    }

    private static String percentileKey(double at) {
        return at == Math.rint(at) ? String.format(Locale.ROOT, "%.1f", at) : Double.toString(at);
    }

    static ResultSet fromJson(JsonNode root, String source) {
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new ResultFileException(source + ": results.json version " + root.path("version")
                    + " is not supported; this latentbench reads version " + VERSION);
        }
        JsonNode run = root.get("run");
        if (run == null || !run.isObject()) {
            throw new ResultFileException(source + ": \"run\" is missing; expected an object with the run's provenance");
        }
        Instant timestamp = null;
        if (run.hasNonNull("timestamp")) {
            try {
                timestamp = Instant.parse(run.get("timestamp").asText());
            } catch (DateTimeParseException e) {
                throw new ResultFileException(source + ": run.timestamp is \"" + run.get("timestamp").asText()
                        + "\"; expected an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
        RunInfo info = new RunInfo(timestamp, text(run, "gitCommit"), text(run, "profile"),
                text(run, "jdk"), text(run, "cpu"), run.path("cores").asInt(0));
        JsonNode rows = root.get("results");
        if (rows == null || !rows.isArray()) {
            throw new ResultFileException(source + ": \"results\" is missing; expected an array of rows");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            results.add(readRow(rows.get(i), source + ": results[" + i + "]"));
        }
        try {
            return new ResultSet(info, results, FailedBenchmarksJson.read(root, source));
        } catch (IllegalArgumentException e) {
            throw new ResultFileException(e.getMessage(), e);
        }
    }

    private static BenchmarkResult readRow(JsonNode row, String where) {
        if (!row.isObject()) {
            throw new ResultFileException(where + " is " + row + "; expected an object");
        }
        for (String field : new String[] {"suite", "name", "mode", "unit"}) {
            if (!row.hasNonNull(field)) {
                throw new ResultFileException(where + ": \"" + field + "\" is missing");
            }
        }
        where = where + " (" + row.get("suite").asText() + "." + row.get("name").asText() + ")";
        TreeMap<String, String> params = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : row.path("params").properties()) {
            params.put(e.getKey(), e.getValue().asText());
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : row.path("secondary").properties()) {
            secondary.put(e.getKey(), readMetric(e.getValue(), where + ".secondary." + e.getKey(), false));
        }
        String suite = row.get("suite").asText();
        String name = row.get("name").asText();
        RowTags tags;
        try {
            tags = RowTagsJson.read(row, where, suite, name, params);
        } catch (IllegalArgumentException e) {
            throw new ResultFileException(e.getMessage(), e);
        }
        return new BenchmarkResult(suite, name, params, row.get("mode").asText(), readMetric(row, where, true),
                secondary, tags);
    }

    /** A metric as this file writes it: {@code unit} and {@code forkSamples} beside JMH's statistics fields. */
    private static Metric readMetric(JsonNode m, String where, boolean primary) {
        MetricJson.requireObject(m, where);
        JsonNode samples = m.get("forkSamples");
        List<List<Double>> forks = samples == null || samples.isNull() ? List.of()
                : MetricJson.forks(samples, where + ".forkSamples", primary);
        return MetricJson.read(m, m.path("unit").asText(""), forks, where);
    }

    private static String text(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
