package io.latentbench.workbench.regress.baseline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.latentbench.workbench.results.JsonErrors;
import io.latentbench.workbench.results.RowTags;
import io.latentbench.workbench.results.RowTagsJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and writes baselines.json. Reading is strict about types, so that a hand-edited file
 * with a typo is reported (file, key, problem) instead of being half-read. A minimal record
 * needs only {@code mean} (its name defaults to its key); without a {@code unit} it is in
 * microseconds per op.
 */
public final class BaselineJson {

    static final String MINIMAL_RECORD_UNIT = "us/op";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BaselineJson() {}

    /** Whether a parsed JSON document looks like a baselines file rather than results. */
    public static boolean looksLikeBaselines(JsonNode root) {
        return root != null && root.isObject() && root.has("baselines");
    }

    public static BaselineFile parse(String json, String file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new BaselineException("baselines file " + file + " is not valid JSON (" + JsonErrors.describe(e) + ")", e);
        }
        return fromTree(root, file);
    }

    public static BaselineFile fromTree(JsonNode root, String file) {
        Checker c = new Checker(file);
        if (root == null || !root.isObject()) {
            throw c.fail("the document", "is not a JSON object; expected {\"baselines\": {...}}");
        }
        JsonNode format = root.get("format");
        if (format != null && !format.asText().equals(BaselineFile.FORMAT)) {
            throw c.fail("format", "is \"" + format.asText() + "\"; expected \"" + BaselineFile.FORMAT + "\"");
        }
        JsonNode records = root.get("baselines");
        if (records == null || !records.isObject()) {
            throw c.fail("baselines", records == null ? "is missing" : "is not an object keyed by benchmark");
        }
        SortedMap<String, BaselineRecord> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : records.properties()) {
            out.put(e.getKey(), record(c, "baselines[\"" + e.getKey() + "\"]", e.getKey(), e.getValue()));
        }
        return new BaselineFile(
                c.optString(root, "", "testbed", ""),
                c.optString(root, "", "created_at", "unknown"),
                c.optString(root, "", "updated_at", "unknown"),
                out);
    }

    private static BaselineRecord record(Checker c, String path, String key, JsonNode node) {
        if (!node.isObject()) {
            throw c.fail(path, "is not an object");
        }
        String name = c.optString(node, path, "name", key);
        double mean = c.number(node, path, "mean");
        List<List<Double>> samples = c.samples(node, path + ".samples", node.get("samples"));
        Map<String, BaselineMetric> secondary = new TreeMap<>();
        JsonNode sec = node.get("secondary");
        if (sec != null && !sec.isNull()) {
            if (!sec.isObject()) {
                throw c.fail(path + ".secondary", "is not an object keyed by metric name");
            }
            for (Map.Entry<String, JsonNode> m : sec.properties()) {
                String mp = path + ".secondary[\"" + m.getKey() + "\"]";
                if (!m.getValue().isObject()) {
                    throw c.fail(mp, "is not an object");
                }
                secondary.put(m.getKey(), new BaselineMetric(
                        c.string(m.getValue(), mp, "unit"),
                        c.number(m.getValue(), mp, "mean"),
                        c.samples(m.getValue(), mp + ".samples", m.getValue().get("samples"))));
            }
        }
        SortedMap<String, String> params = new TreeMap<>();
        JsonNode p = node.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw c.fail(path + ".params", "is not an object of parameter values");
            }
            p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        Double dimension = c.optNumber(node, path, "dimension");
        String suite = c.optString(node, path, "suite", "");
        String benchmark = c.optString(node, path, "benchmark", name);
        RowTags tags;
        try {
            tags = RowTagsJson.read(node, path, suite.isEmpty() ? Baselines.suiteOf(name) : suite, benchmark, params);
        } catch (IllegalArgumentException e) {
            throw c.fail(path + "." + RowTagsJson.FIELD, "is not understood: " + e.getMessage());
        }
        return new BaselineRecord(
                name,
                suite,
                benchmark,
                params,
                dimension == null ? null : dimension.intValue(),
                c.optString(node, path, "mode", ""),
                c.optString(node, path, "unit", MINIMAL_RECORD_UNIT),
                mean,
                orNaN(c.optNumber(node, path, "std_dev")),
                orNaN(c.optNumber(node, path, "median")),
                samples,
                c.optNumber(node, path, "throughput"),
                c.optNumber(node, path, "memory_peak_mb"),
                secondary,
                c.optString(node, path, "timestamp", "unknown"),
                c.optString(node, path, "git_commit", "unknown"),
                tags);
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    public static String write(BaselineFile file) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", BaselineFile.FORMAT);
        root.put("testbed", file.testbed());
        root.put("created_at", file.createdAt());
        root.put("updated_at", file.updatedAt());
        ObjectNode records = root.putObject("baselines");
        for (BaselineRecord r : file.baselines().values()) {
            ObjectNode o = records.putObject(r.name());
            o.put("name", r.name());
            o.put("suite", r.suite());
            o.put("benchmark", r.benchmark());
            ObjectNode params = o.putObject("params");
            r.params().forEach(params::put);
            if (r.dimension() == null) {
                o.putNull("dimension");
            } else {
                o.put("dimension", r.dimension());
            }
            o.put("mode", r.mode());
            o.put("unit", r.unit());
            putNumber(o, "mean", r.mean());
            putNumber(o, "std_dev", r.stdDev());
            putNumber(o, "median", r.median());
            putSamples(o.putArray("samples"), r.samples());
            putNumber(o, "throughput", r.throughput());
            putNumber(o, "memory_peak_mb", r.memoryPeakMb());
            ObjectNode sec = o.putObject("secondary");
            for (Map.Entry<String, BaselineMetric> m : new TreeMap<>(r.secondary()).entrySet()) {
                ObjectNode mo = sec.putObject(m.getKey());
                mo.put("unit", m.getValue().unit());
                putNumber(mo, "mean", m.getValue().mean());
                putSamples(mo.putArray("samples"), m.getValue().samples());
            }
            o.put("timestamp", r.timestamp());
            o.put("git_commit", r.gitCommit());
            RowTagsJson.write(o, r.tags());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise baselines", e);
        }
    }

    private static void putNumber(ObjectNode o, String key, Double value) {
        if (value == null || !Double.isFinite(value)) {
            o.putNull(key); // JSON has no NaN; null reads back as "unknown"
        } else {
            o.put(key, value);
        }
    }

    private static void putSamples(ArrayNode array, List<List<Double>> samples) {
        for (List<Double> fork : samples) {
            ArrayNode f = array.addArray();
            fork.forEach(f::add);
        }
    }

    /** Type checks whose errors name the file, the path and the problem. */
    private record Checker(String file) {

        BaselineException fail(String path, String problem) {
            return new BaselineException("baselines file " + file + " is corrupt: " + path + " " + problem);
        }

        double number(JsonNode node, String path, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw fail(path + "." + key, "is missing; expected a number");
            }
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw fail(path + "." + key, "is " + v + "; expected a finite number");
            }
            return v.doubleValue();
        }

        Double optNumber(JsonNode node, String path, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                throw fail(path + "." + key, "is " + v + "; expected a number or null");
            }
            return v.doubleValue();
        }

        String string(JsonNode node, String path, String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual()) {
                throw fail(path + "." + key, (v == null ? "is missing" : "is " + v) + "; expected a string");
            }
            return v.textValue();
        }

        String optString(JsonNode node, String path, String key, String fallback) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isTextual()) {
                throw fail((path.isEmpty() ? "" : path + ".") + key, "is " + v + "; expected a string");
            }
            return v.textValue();
        }

        List<List<Double>> samples(JsonNode node, String path, JsonNode v) {
            List<List<Double>> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isArray()) {
                throw fail(path, "is " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + "; expected an array with one array of numbers per fork");
            }
            for (int f = 0; f < v.size(); f++) {
                JsonNode fork = v.get(f);
                if (!fork.isArray()) {
                    throw fail(path + "[" + f + "]", "is not an array of numbers (one fork's iterations)");
                }
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < fork.size(); i++) {
                    JsonNode x = fork.get(i);
                    if (!x.isNumber()) {
                        throw fail(path + "[" + f + "][" + i + "]", "is " + x + "; expected a number");
                    }
                    values.add(x.doubleValue());
                }
                out.add(values);
            }
            return out;
        }
    }
}
