package io.latentbench.workbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * JSON has no NaN or infinities, so JMH writes them as the strings "NaN", "+INF" and "-INF".
 * Both directions live here so reader and writer agree.
 */
final class JsonNumbers {

    private JsonNumbers() {}

    /**
     * A number from a JSON number or one of the strings JMH uses; a missing or null node is NaN.
     *
     * @param where a description of the field for the error message
     */
    static double read(JsonNode node, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            String t = node.textValue().trim();
            switch (t) {
                case "NaN", "nan", "" -> {
                    return Double.NaN;
                }
                case "+INF", "INF", "Infinity", "+Infinity", "inf", "+inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-INF", "-Infinity", "-inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    try {
                        return Double.parseDouble(t);
                    } catch (NumberFormatException e) {
                        // fall through to the error below
                    }
                }
            }
        }
        throw new ResultFileException(where + " is " + node + "; expected a number or one of \"NaN\", \"+INF\", \"-INF\"");
    }

    /** A JSON number, or JMH's string for a non-finite value. */
    static JsonNode write(double value) {
        if (Double.isNaN(value)) {
            return JsonNodeFactory.instance.textNode("NaN");
        }
        if (Double.isInfinite(value)) {
            return JsonNodeFactory.instance.textNode(value > 0 ? "+INF" : "-INF");
        }
        return JsonNodeFactory.instance.numberNode(value);
    }
}
