package io.latentbench.workbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks a run could not measure, as the {@code "failed"} array of results.json and
 * relative.json: {@code [{"key": "peers.knn[...]", "message": "..."}]}, left out when none failed
 * (so a file without it had none).
 */
public final class FailedBenchmarksJson {

    public static final String FIELD = "failed";

    private FailedBenchmarksJson() {}

    /** Puts the list under {@value #FIELD} of {@code root}, when it has any. */
    public static void write(ObjectNode root, List<FailedBenchmark> failed) {
        if (!failed.isEmpty()) {
            ArrayNode list = root.putArray(FIELD);
            failed.forEach(f -> list.addObject().put("key", f.key()).put("message", f.message()));
        }
    }

    /**
     * The list under {@value #FIELD} of {@code root}; empty when it has none.
     *
     * @throws IllegalArgumentException naming {@code source}, the entry and what was expected
     */
    public static List<FailedBenchmark> read(JsonNode root, String source) {
        JsonNode list = root.get(FIELD);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(source + ": '" + FIELD + "' should be an array, got " + list.getNodeType());
        }
        List<FailedBenchmark> failed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode key = list.get(i).get("key");
            String where = source + ": " + FIELD + "[" + i + "]" + (key != null && key.isTextual() ? " (" + key.asText() + ")" : "");
            failed.add(new FailedBenchmark(text(list.get(i), "key", where), text(list.get(i), "message", where)));
        }
        return failed;
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode v = entry.get(field);
        if (v == null) {
            throw new IllegalArgumentException(where + ": the field '" + field + "' is missing");
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + ": '" + field + "' should be text, got " + v);
        }
        return v.asText();
    }
}
