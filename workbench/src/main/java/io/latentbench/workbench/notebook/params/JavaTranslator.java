package io.latentbench.workbench.notebook.params;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Parameters as typed Java declarations for a JShell kernel: {@code int}, {@code long}, {@code double},
 * {@code boolean}, {@code String}, {@code List.of(...)}, {@code Map.of(...)}, {@code Object x = null}.
 * When the parameters cell declares a variable with a compatible type ({@code double alpha = 0.5;}), that type
 * is kept, so {@code -p alpha 1} gives {@code double alpha = 1.0;} rather than changing alpha into an int.
 */
public final class JavaTranslator implements ParameterTranslator {

    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:final\\s+)?((?:[A-Za-z_][\\w.]*)(?:\\s*<[^=;]*>)?(?:\\s*\\[\\s*])*)\\s+([A-Za-z_$][\\w$]*)\\s*(?:=|;)",
            Pattern.MULTILINE);
    private static final Set<String> NOT_TYPES = Set.of("return", "new", "throw", "else", "case", "yield", "assert");
    private static final int MAP_OF_MAX_PAIRS = 10;

    @Override
    public String translate(Map<String, Object> parameters, String defaults) throws ParameterFormatException {
        Map<String, String> declared = declarations(defaults);
        StringBuilder source = new StringBuilder("// Parameters\n");
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            source.append(declaration(e.getKey(), e.getValue(), declared.get(e.getKey()))).append('\n');
        }
        return source.toString();
    }

    /** A parameter declared String takes the text typed with -p, though it reads as a number (commit 744e957). */
    @Override
    public Map<String, Object> values(ParameterValues given, String defaults) {
        Map<String, String> declared = declarations(defaults);
        Map<String, Object> values = new LinkedHashMap<>(given.asMap());
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String type = declared.get(e.getKey());
            Optional<String> typed = given.typedText(e.getKey());
            if (typed.isPresent() && type != null && JavaType.parse(type) == JavaType.STRING) e.setValue(typed.get());
        }
        return values;
    }

    /** One declaration statement, such as {@code double alpha = 0.5;}. */
    static String declaration(String name, Object value, String declaredType) throws ParameterFormatException {
        if (!SourceVersion.isName(name) || name.equals("_")) {
            throw new ParameterFormatException("parameter name '" + name + "' is not a valid Java identifier");
        }
        rejectNullMapValues(name, value);
        JavaType declared = declaredType == null ? null : JavaType.parse(declaredType);
        String typeName;
        JavaType type;
        if (declared != null && declared.accepts(value, true)) {
            type = declared;
            typeName = declaredType.strip();
        } else {
            type = JavaType.of(value);
            typeName = type.declaredName();
        }
        return typeName + " " + name + " = " + literal(value, type) + ";";
    }

    /** Variable name to declared type text, from declarations in the parameters cell. */
    static Map<String, String> declarations(String source) {
        Map<String, String> types = new HashMap<>();
        Matcher m = DECLARATION.matcher(source);
        while (m.find()) {
            String type = m.group(1).strip();
            if (!NOT_TYPES.contains(type) && !type.equals("var")) types.put(m.group(2), type);
        }
        return types;
    }

    private static void rejectNullMapValues(String where, Object value) throws ParameterFormatException {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() == null) {
                    throw new ParameterFormatException("parameter '" + where + "': key '" + e.getKey()
                            + "' is null, and Java's Map.of cannot hold null values; give a value or leave the key out");
                }
                rejectNullMapValues(where + "." + e.getKey(), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (Object e : list) rejectNullMapValues(where, e);
        }
    }

    static String literal(Object value, JavaType target) {
        if (value == null) return "null";
        JavaType type = target == JavaType.OBJECT || target == JavaType.NULL ? JavaType.of(value) : target;
        return switch (value) {
            case Long l when type == JavaType.LONG -> l + "L";
            case Long l when type == JavaType.BIG_INTEGER -> "java.math.BigInteger.valueOf(" + l + "L)";
            case BigInteger big when type == JavaType.DOUBLE -> doubleLiteral(big.doubleValue());
            case BigInteger big when type == JavaType.FLOAT -> floatLiteral(big.floatValue());
            case BigInteger big -> "new java.math.BigInteger(\"" + big + "\")";
            case Long l when type == JavaType.DOUBLE -> doubleLiteral((double) l);
            case Long l when type == JavaType.FLOAT -> l + "f";
            case Long l -> Long.toString(l);
            case Double d when type == JavaType.FLOAT -> floatLiteral(d.floatValue());
            case Double d -> doubleLiteral(d);
            case Boolean b -> b.toString();
            case String s -> quote(s);
            case List<?> list -> {
                JavaType element = type instanceof JavaType.ListOf l ? l.element() : JavaType.OBJECT;
                // List.of rejects null elements; Arrays.asList keeps them.
                StringBuilder out = new StringBuilder(list.stream().anyMatch(java.util.Objects::isNull) ? "java.util.Arrays.asList(" : "List.of(");
                for (int i = 0; i < list.size(); i++) out.append(i > 0 ? ", " : "").append(literal(list.get(i), element));
                yield out.append(')').toString();
            }
            case Map<?, ?> map -> {
                JavaType v = type instanceof JavaType.MapOf m ? m.value() : JavaType.OBJECT;
                boolean small = map.size() <= MAP_OF_MAX_PAIRS;
                StringBuilder out = new StringBuilder(small ? "Map.of(" : "Map.ofEntries(");
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(first ? "" : ", ");
                    String k = quote(e.getKey().toString());
                    String val = literal(e.getValue(), v);
                    out.append(small ? k + ", " + val : "Map.entry(" + k + ", " + val + ")");
                    first = false;
                }
                yield out.append(')').toString();
            }
            default -> throw new IllegalArgumentException("not a parameter value: " + value.getClass());
        };
    }

    static String doubleLiteral(double d) {
        if (Double.isNaN(d)) return "Double.NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        return Double.toString(d);
    }

    static String floatLiteral(float f) {
        if (Float.isNaN(f)) return "Float.NaN";
        if (Float.isInfinite(f)) return f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
        return Float.toString(f) + "f";
    }

    /**
     * A Java string literal. Control characters become octal escapes: a unicode escape would be decoded before
     * lexing and turn, say, a newline back into a line break inside the literal.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\%03o", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
