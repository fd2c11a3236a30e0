package io.latentbench.workbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * A row's {@link RowTags} as the {@code "tags"} object of results.json and relative.json:
 * {@code {"role": "machine", "threshold": "default", "speedup": "speedup_vs_standard", "charts": ["latency_vs_k"]}},
 * {@code speedup} left out when the row has none. A row without the object was written before
 * rows carried tags, or by JMH: its tags are guessed from its names ({@link ForeignRows}).
 */
public final class RowTagsJson {

    public static final String FIELD = "tags";

    private RowTagsJson() {}

    /** Puts the tags under {@value #FIELD} of a row. */
    public static void write(ObjectNode row, RowTags tags) {
        ObjectNode t = row.putObject(FIELD);
        t.put("role", tags.role().label());
        t.put("threshold", tags.threshold());
        tags.speedup().ifPresent(s -> t.put("speedup", s));
        ArrayNode charts = t.putArray("charts");
        tags.charts().stream().sorted().forEach(c -> charts.add(c.label()));
    }

    /**
     * The tags of a row: read from its {@value #FIELD} object, or guessed when it has none.
     *
     * @throws IllegalArgumentException naming {@code where}, the field and what was expected
     */
    public static RowTags read(JsonNode row, String where, String suite, String name, Map<String, String> params) {
        JsonNode t = row.get(FIELD);
        if (t == null || t.isNull()) {
            return ForeignRows.guess(suite, name, params);
        }
        String at = where + ": " + FIELD;
        if (!t.isObject()) {
            throw new IllegalArgumentException(at + " is " + t + "; expected an object with role and threshold");
        }
        try {
            RowTags.Role role = RowTags.Role.parse(text(t, "role", at));
            String threshold = text(t, "threshold", at);
            Optional<String> speedup = t.hasNonNull("speedup") ? Optional.of(text(t, "speedup", at)) : Optional.empty();
            EnumSet<RowTags.Chart> charts = EnumSet.noneOf(RowTags.Chart.class);
            JsonNode list = t.get("charts");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw new IllegalArgumentException(at + ".charts is " + list + "; expected an array of chart names");
                }
                list.forEach(c -> charts.add(RowTags.Chart.parse(c.asText())));
            }
            return new RowTags(role, threshold, speedup, charts);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode t, String field, String at) {
        JsonNode v = t.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(at + "." + field + " is " + (v == null ? "missing" : v.toString())
                    + "; expected text");
        }
        return v.asText();
    }
}
