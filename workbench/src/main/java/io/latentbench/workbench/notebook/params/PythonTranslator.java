package io.latentbench.workbench.notebook.params;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parameters as Python assignments. */
public final class PythonTranslator implements ParameterTranslator {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    @Override
    public String translate(Map<String, Object> parameters, String defaults) throws ParameterFormatException {
        StringBuilder source = new StringBuilder("# Parameters\n");
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            String name = e.getKey();
            if (!IDENTIFIER.matcher(name).matches() || KEYWORDS.contains(name)) {
                throw new ParameterFormatException("parameter name '" + name + "' is not a valid Python identifier");
            }
            source.append(name).append(" = ").append(literal(e.getValue())).append('\n');
        }
        return source.toString();
    }

    static String literal(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Long l -> Long.toString(l);
            case BigInteger big -> big.toString();
            case Double d when d.isNaN() -> "float('nan')";
            case Double d when d.isInfinite() -> d > 0 ? "float('inf')" : "float('-inf')";
            case Double d -> PythonFloat.repr(d);
            case String s -> quote(s);
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) out.append(i > 0 ? ", " : "").append(literal(list.get(i)));
                yield out.append(']').toString();
            }
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{");
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(first ? "" : ", ").append(quote(e.getKey().toString())).append(": ").append(literal(e.getValue()));
                    first = false;
                }
                yield out.append('}').toString();
            }
            default -> throw new IllegalArgumentException("not a parameter value: " + value.getClass());
        };
    }

    /**
     * A double-quoted literal escaped as papermill's translator does (Python's unicode_escape, then quotes):
     * printable ASCII stays, everything else becomes {@code \\xhh}, {@code \\uhhhh} or {@code \\Uhhhhhhhh}.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) out.appendCodePoint(c);
                    else if (c < 0x100) out.append(String.format("\\x%02x", c));
                    else if (c < 0x10000) out.append(String.format("\\u%04x", c));
                    else out.append(String.format("\\U%08x", c));
                }
            }
        });
        return out.append('"').toString();
    }
}
