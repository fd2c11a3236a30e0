package io.latentbench.workbench.notebook.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Named parameter values in the order they were given. A value is one of: {@link Long}, {@link Double},
 * {@link Boolean}, {@link String}, {@code null}, a {@link List} of values or a {@link Map} from String to values.
 */
public final class ParameterValues {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

    /** Loaded on first use: most runs take only -p values, and the YAML parser costs start-up time. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    /** Adds or replaces; a later source wins, as with papermill's -f, then -y, then -p. */
    public void put(String name, Object value) {
        values.remove(name); // a replaced value moves to where it was given last
        values.put(name, value);
    }

    public void putAll(Map<String, Object> more) {
        more.forEach(this::put);
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The value of {@code -p NAME VALUE}: an integer, a decimal (also nan, inf), true/false (or Python's
     * True/False), null (or None), else the text itself.
     */
    public static Object infer(String raw) {
        String text = raw.strip();
        switch (text) {
            case "true", "True" -> { return Boolean.TRUE; }
            case "false", "False" -> { return Boolean.FALSE; }
            case "null", "None" -> { return null; }
            case "nan", "NaN" -> { return Double.NaN; }
            case "inf", "+inf", "Infinity", "+Infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-Infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        if (INTEGER.matcher(text).matches()) {
            BigInteger big = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (DECIMAL.matcher(text).matches()) return Double.parseDouble(text);
        return raw;
    }

    /** A YAML (or JSON) mapping given inline with -y. */
    public static Map<String, Object> fromYaml(String yaml, String origin) throws ParameterFormatException {
        JsonNode tree;
        try {
            tree = Yaml.MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ParameterFormatException(origin + " is not valid YAML: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) return Map.of();
        if (!tree.isObject()) {
            throw new ParameterFormatException(origin + " must be a YAML mapping of parameter names to values, found a "
                    + tree.getNodeType().toString().toLowerCase());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (var it = tree.fields(); it.hasNext(); ) {
            var e = it.next();
            result.put(e.getKey(), toValue(e.getValue(), origin + ": " + e.getKey()));
        }
        return result;
    }

    /** A parameters file given with -f: YAML or JSON, by content. */
    public static Map<String, Object> fromFile(Path file) throws ParameterFormatException, IOException {
        String name = file.getFileName().toString().toLowerCase();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            throw new ParameterFormatException("parameters file " + file + " has an unknown format; expected .yaml, .yml or .json");
        }
        try {
            return fromYaml(Files.readString(file), "parameters file " + file);
        } catch (NoSuchFileException e) {
            throw new ParameterFormatException("parameters file " + file + " does not exist");
        }
    }

    private static Object toValue(JsonNode node, String where) throws ParameterFormatException {
        if (node.isNull()) return null;
        if (node.isBoolean()) return node.booleanValue();
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) return node.longValue();
            return node.doubleValue();
        }
        if (node.isNumber()) return node.doubleValue();
        if (node.isTextual()) return node.textValue();
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node) list.add(toValue(element, where));
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                map.put(e.getKey(), toValue(e.getValue(), where + "." + e.getKey()));
            }
            return Collections.unmodifiableMap(map);
        }
        throw new ParameterFormatException(where + " has a value of unsupported type " + node.getNodeType()
                + "; expected a number, boolean, string, null, list or mapping");
    }
}
