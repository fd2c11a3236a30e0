package io.latentbench.workbench.results.relative;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.FailedBenchmarksJson;
import io.latentbench.workbench.results.RowTagsJson;
import io.latentbench.workbench.results.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The relative-run file, {@code relative.json}: written atomically, read with errors that name the field. */
public final class RelativeRunJson {

    public static final String FILE_NAME = "relative.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RelativeRunJson() {}

    /** Whether a parsed JSON document is a relative-run file. */
    public static boolean looksLikeRelativeRun(JsonNode root) {
        return root != null && root.isObject() && RelativeRun.FORMAT.equals(root.path("format").asText());
    }

    public static void write(RelativeRun run, Path file) {
        AtomicFiles.write(file, toJson(run));
    }

    public static String toJson(RelativeRun run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", RelativeRun.FORMAT);
        root.put("schedule", run.schedule().label());
        root.put("seed", run.seed());
        side(root.putObject("base"), run.base());
        side(root.putObject("head"), run.head());
        ObjectNode info = root.putObject("info");
        info.put("timestamp", run.info().timestamp().toString());
        info.put("profile", run.info().profile());
        info.put("jdk", run.info().jdk());
        info.put("cpu", run.info().cpu());
        info.put("cores", run.info().cores());
        info.put("testbed", run.info().testbed());
        root.put("warmup_iterations", run.warmupIterations());
        root.put("measurement_iterations", run.measurementIterations());
        root.put("confirm_pairs", run.confirmPairs());
        run.headOnly().forEach(root.putArray("head_only")::add);
        FailedBenchmarksJson.write(root, run.failed());
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (PairedBenchmark b : run.benchmarks()) {
            ObjectNode n = benchmarks.addObject();
            n.put("key", b.key());
            n.put("suite", b.suite());
            n.put("method", b.method());
            ObjectNode params = n.putObject("params");
            b.params().forEach(params::put);
            n.put("unit", b.unit());
            pairs(n.putArray("pairs"), b.pairs());
            if (!b.confirmation().isEmpty()) {
                pairs(n.putArray("confirmation"), b.confirmation());
            }
            RowTagsJson.write(n, b.tags());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialize the relative run", e);
        }
    }

    public static RelativeRun read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromTree(MAPPER.readTree(text), file.toString());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static RelativeRun fromTree(JsonNode root, String source) {
        if (!looksLikeRelativeRun(root)) {
            throw new IllegalArgumentException(source + " is not a relative run: expected \"format\": \""
                    + RelativeRun.FORMAT + "\"");
        }
        JsonNode info = required(root, "info", source);
        Instant timestamp;
        try {
            timestamp = Instant.parse(text(info, "timestamp", source));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": info.timestamp '" + info.path("timestamp").asText()
                    + "' is not an ISO-8601 instant");
        }
        RunInfo runInfo = new RunInfo(timestamp, text(required(root, "head", source), "commit", source),
                text(info, "profile", source), text(info, "jdk", source), text(info, "cpu", source),
                number(info, "cores", source).intValue());
        List<String> headOnly = new ArrayList<>();
        root.path("head_only").forEach(n -> headOnly.add(n.asText()));
        List<FailedBenchmark> failed = FailedBenchmarksJson.read(root, source);
        List<PairedBenchmark> benchmarks = new ArrayList<>();
        for (JsonNode b : array(root, "benchmarks", source)) {
            String key = text(b, "key", source);
            String where = source + ": benchmark " + key;
            Map<String, String> params = new TreeMap<>();
            b.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            List<ForkPair> confirmation = b.has("confirmation") ? pairs(array(b, "confirmation", where), where)
                    : List.of();
            String suite = text(b, "suite", where);
            String method = text(b, "method", where);
            benchmarks.add(new PairedBenchmark(key, suite, method, new TreeMap<>(params), text(b, "unit", where),
                    pairs(array(b, "pairs", where), where), confirmation,
                    RowTagsJson.read(b, where, suite, method, params)));
        }
        JsonNode confirm = root.get("confirm_pairs");
        int confirmPairs = confirm == null ? 0 : number(root, "confirm_pairs", source).intValue();
        return new RelativeRun(Schedule.parse(text(root, "schedule", source)), number(root, "seed", source).longValue(),
                side(required(root, "base", source), source), side(required(root, "head", source), source), runInfo,
                number(root, "warmup_iterations", source).intValue(),
                number(root, "measurement_iterations", source).intValue(), benchmarks, headOnly, confirmPairs, failed);
    }

    private static void pairs(ArrayNode out, List<ForkPair> pairs) {
        for (ForkPair p : pairs) {
            ObjectNode pn = out.addObject();
            pn.put("index", p.index());
            pn.put("order", p.order());
            pn.put("base_core", p.baseCore());
            pn.put("head_core", p.headCore());
            p.base().forEach(pn.putArray("base")::add);
            p.head().forEach(pn.putArray("head")::add);
        }
    }

    private static List<ForkPair> pairs(JsonNode array, String where) {
        List<ForkPair> pairs = new ArrayList<>();
        for (JsonNode p : array) {
            pairs.add(new ForkPair(number(p, "index", where).intValue(), text(p, "order", where),
                    number(p, "base_core", where).intValue(), number(p, "head_core", where).intValue(),
                    scores(p, "base", where), scores(p, "head", where)));
        }
        return pairs;
    }

    private static void side(ObjectNode n, RelativeRun.Revision r) {
        n.put("revision", r.revision());
        n.put("commit", r.commit());
    }

    private static RelativeRun.Revision side(JsonNode n, String source) {
        return new RelativeRun.Revision(text(n, "revision", source), text(n, "commit", source));
    }

    private static List<Double> scores(JsonNode n, String field, String where) {
        List<Double> out = new ArrayList<>();
        for (JsonNode v : array(n, field, where)) {
            if (!v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble())) {
                throw new IllegalArgumentException(where + ": " + field + " holds " + v + "; expected positive scores");
            }
            out.add(v.asDouble());
        }
        return out;
    }

    private static JsonNode required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": the field '" + field + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = required(n, field, where);
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(where + ": '" + field + "' should be text, got " + v);
        }
        return v.asText();
    }

    private static Number number(JsonNode n, String field, String where) {
        JsonNode v = required(n, field, where);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + ": '" + field + "' should be a number, got " + v);
        }
        return v.numberValue();
    }

    private static JsonNode array(JsonNode n, String field, String where) {
        JsonNode v = required(n, field, where);
        if (!v.isArray()) {
            throw new IllegalArgumentException(where + ": '" + field + "' should be an array, got " + v.getNodeType());
        }
        return v;
    }
}
