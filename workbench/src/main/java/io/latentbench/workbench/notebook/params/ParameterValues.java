package io.latentbench.workbench.notebook.params;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Named parameter values in the order they were given. A value is one of: {@link Long}, {@link BigInteger} (whole
 * numbers beyond 64 bits, kept exact), {@link Double}, {@link Boolean}, {@link String}, {@code null}, a {@link List}
 * of values or a {@link Map} from String to values.
 */
public final class ParameterValues {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

    /**
     * YAML 1.1 as PyYAML reads it for papermill ({@code .nan}, {@code .inf}, {@code yes}/{@code no}), except that
     * timestamps stay text, as with papermill's NoDatesSafeLoader. Built per use: SnakeYAML is not thread-safe.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new NoTimestampResolver());
    }

    private static final class NoTimestampResolver extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
            if (!Tag.TIMESTAMP.equals(tag)) super.addImplicitResolver(tag, regexp, first);
        }

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) super.addImplicitResolver(tag, regexp, first, limit);
        }
    }

    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    /** The text of each value that came from {@code -p}, for a translator that knows the declared type. */
    private final Map<String, String> typed = new HashMap<>();

    /** The given values, none of them typed on a command line. */
    public static ParameterValues of(Map<String, ?> values) {
        ParameterValues result = new ParameterValues();
        values.forEach(result::put);
        return result;
    }

    /** Adds or replaces; a later source wins, as with papermill's -f, then -y, then -p. */
    public void put(String name, Object value) {
        values.remove(name); // a replaced value moves to where it was given last
        values.put(name, value);
        typed.remove(name);
    }

    /**
     * A value typed on the command line ({@code -p NAME TEXT}): its value is {@link #infer inferred}, and its text
     * is kept, so that a parameter declared {@code String} gets {@code "744e957"}, not the number it reads as.
     */
    public void putTyped(String name, String text) {
        put(name, infer(text));
        typed.put(name, text);
    }

    /** The text {@code name} was typed as with {@code -p}; empty for a value from any other source. */
    public Optional<String> typedText(String name) {
        return Optional.ofNullable(typed.get(name));
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
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big;
        }
        if (DECIMAL.matcher(text).matches()) return Double.parseDouble(text);
        return raw;
    }

    /** A YAML (or JSON) mapping given inline with -y. */
    public static Map<String, Object> fromYaml(String yaml, String origin) throws ParameterFormatException {
        Object tree;
        try {
            tree = yaml().load(yaml);
        } catch (MarkedYAMLException e) {
            throw new ParameterFormatException(origin + " is not valid YAML: " + e.getProblem()
                    + (e.getProblemMark() == null ? "" : " (line " + (e.getProblemMark().getLine() + 1)
                            + ", column " + (e.getProblemMark().getColumn() + 1) + ")"));
        } catch (YAMLException e) {
            throw new ParameterFormatException(origin + " is not valid YAML: " + e.getMessage());
        }
        if (tree == null) return Map.of();
        if (!(tree instanceof Map<?, ?> map)) {
            throw new ParameterFormatException(origin + " must be a YAML mapping of parameter names to values, found "
                    + typeName(tree));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            result.put(name, toValue(e.getValue(), origin + ": " + name));
        }
        return result;
    }

    /** Base64 of a YAML mapping, given with -b. */
    public static Map<String, Object> fromBase64(String base64, String origin) throws ParameterFormatException {
        byte[] bytes;
        try {
            // Strict, unlike Python's b64decode, which drops stray characters and may decode nonsense to nothing.
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new ParameterFormatException(origin + " is not base64: " + e.getMessage());
        }
        return fromYaml(new String(bytes, StandardCharsets.UTF_8), origin);
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

    private static Object toValue(Object node, String where) throws ParameterFormatException {
        return switch (node) {
            case null -> null;
            case Boolean b -> b;
            case Integer i -> (long) i;
            case Long l -> l;
            case BigInteger big -> big.bitLength() < 64 ? (Object) big.longValue() : big;
            case Double d -> d;
            case Float f -> (double) f;
            case String s -> s;
            case List<?> list -> {
                List<Object> values = new ArrayList<>();
                for (Object element : list) values.add(toValue(element, where));
                yield Collections.unmodifiableList(values);
            }
            case Map<?, ?> map -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    values.put(String.valueOf(e.getKey()), toValue(e.getValue(), where + "." + e.getKey()));
                }
                yield Collections.unmodifiableMap(values);
            }
            default -> throw new ParameterFormatException(where + " has a value of unsupported type " + typeName(node)
                    + "; expected a number, boolean, string, null, list or mapping");
        };
    }

    private static String typeName(Object value) {
        return switch (value) {
            case List<?> l -> "a list";
            case String s -> "a string";
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            case Date d -> "a date";
            case byte[] b -> "binary data";
            default -> "a " + value.getClass().getSimpleName();
        };
    }
}
