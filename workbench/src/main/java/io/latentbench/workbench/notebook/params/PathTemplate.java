package io.latentbench.workbench.notebook.params;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Papermill's {@code parameterize_path}: a path is a Python format string over the parameters, so
 * {@code out_{msg}.ipynb} with {@code msg=Hello} is {@code out_Hello.ipynb}. Supported: {@code {name}},
 * {@code {name[key]}}, {@code {{ }}} for literal braces, and the common format specs ({@code :03d}, {@code :.2f},
 * {@code :>8}, {@code :x}, {@code :,}); a date (the {@code pm} built-ins) takes strftime's {@code %Y %m %d %H %M %S}.
 */
public final class PathTemplate {

    /** [[fill]align][sign][0][width][,|_][.precision][type] */
    private static final Pattern SPEC = Pattern.compile(
            "(?:(.)?([<>=^]))?([-+ ])?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[[^\\]]*\\])*)");

    private PathTemplate() {}

    /** The path with every replacement field filled in; a path without braces comes back as it is. */
    public static String format(String path, Map<String, Object> parameters) throws ParameterFormatException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '{' && i + 1 < path.length() && path.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < path.length() && path.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int close = path.indexOf('}', i);
                if (close < 0) throw bad(path, "a '{' is never closed; write '{{' for a literal brace");
                out.append(field(path, path.substring(i + 1, close), parameters));
                i = close + 1;
            } else if (c == '}') {
                throw bad(path, "a single '}' is not allowed; write '}}' for a literal brace");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String field(String path, String field, Map<String, Object> parameters) throws ParameterFormatException {
        int colon = field.indexOf(':');
        String reference = colon < 0 ? field : field.substring(0, colon);
        String spec = colon < 0 ? "" : field.substring(colon + 1);
        Matcher m = FIELD.matcher(reference);
        if (!m.matches()) throw bad(path, "'{" + field + "}' is not a parameter reference such as {name} or {name:03d}");
        String name = m.group(1);
        if (!parameters.containsKey(name)) throw new ParameterFormatException("Missing parameter '" + name + "' in path " + path);
        Object value = parameters.get(name);
        String keys = m.group(2);
        for (int k = 0; k < keys.length(); ) {
            int end = keys.indexOf(']', k);
            String key = keys.substring(k + 1, end);
            if (value instanceof Map<?, ?> map && map.containsKey(key)) {
                value = map.get(key);
            } else if (value instanceof List<?> list && key.matches("\\d+") && Integer.parseInt(key) < list.size()) {
                value = list.get(Integer.parseInt(key));
            } else {
                throw new ParameterFormatException("Missing parameter '" + name + keys.substring(0, end + 1) + "' in path " + path);
            }
            k = end + 1;
        }
        return formatValue(path, value, spec);
    }

    private static String formatValue(String path, Object value, String spec) throws ParameterFormatException {
        if (value instanceof ZonedDateTime time) return spec.isEmpty() ? PYTHON_DATETIME.format(time) : strftime(time, spec);
        if (spec.isEmpty()) return str(value);
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) throw bad(path, "format spec ':" + spec + "' is not one this formatter knows");
        char fill = m.group(1) != null ? m.group(1).charAt(0) : (m.group(4) != null ? '0' : ' ');
        boolean numeric = value instanceof Long || value instanceof BigInteger || value instanceof Double;
        char align = m.group(2) != null ? m.group(2).charAt(0) : (m.group(4) != null ? '=' : numeric ? '>' : '<');
        String sign = m.group(3) == null ? "-" : m.group(3);
        int width = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        String grouping = m.group(6);
        Integer precision = m.group(7) == null ? null : Integer.parseInt(m.group(7));
        char type = m.group(8) == null ? 0 : m.group(8).charAt(0);

        String body;
        boolean negative = false;
        if (value instanceof Long || value instanceof BigInteger) {
            BigInteger n = value instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) value;
            negative = n.signum() < 0;
            n = n.abs();
            body = switch (type) {
                case 0, 'd', 'n' -> group(n.toString(), grouping);
                case 'x' -> n.toString(16);
                case 'X' -> n.toString(16).toUpperCase(Locale.ROOT);
                case 'o' -> n.toString(8);
                case 'b' -> n.toString(2);
                case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> floating(new BigDecimal(n), type, precision, grouping);
                default -> throw bad(path, "format type '" + type + "' does not apply to the integer " + value);
            };
        } else if (value instanceof Double d) {
            if (type == 'd' || type == 'x' || type == 'o' || type == 'b') {
                throw bad(path, "format type '" + type + "' does not apply to the float " + PythonFloat.repr(d));
            }
            negative = d < 0 || (d == 0 && 1 / d < 0);
            if (d.isNaN() || d.isInfinite()) {
                body = d.isNaN() ? "nan" : "inf";
            } else if (type == 0 && precision == null) {
                body = PythonFloat.repr(Math.abs(d));
            } else {
                body = floating(new BigDecimal(Math.abs(d)), type == 0 ? 'g' : type, precision, grouping);
            }
        } else {
            if (type != 0 && type != 's') throw bad(path, "format type '" + type + "' does not apply to " + str(value));
            body = str(value);
            if (precision != null && body.length() > precision) body = body.substring(0, precision);
            sign = "";
        }
        String prefix = negative ? "-" : sign.equals("+") ? "+" : sign.equals(" ") ? " " : "";
        int pad = Math.max(0, width - prefix.length() - body.length());
        String padding = String.valueOf(fill).repeat(pad);
        return switch (align) {
            case '<' -> prefix + body + padding;
            case '^' -> padding.substring(0, pad / 2) + prefix + body + padding.substring(pad / 2);
            case '=' -> prefix + padding + body;
            default -> padding + prefix + body;
        };
    }

    private static String floating(BigDecimal v, char type, Integer precision, String grouping) {
        int p = precision == null ? 6 : precision;
        return switch (type) {
            case 'f', 'F' -> groupFixed(v.setScale(p, RoundingMode.HALF_EVEN).toPlainString(), grouping);
            case '%' -> groupFixed(v.movePointRight(2).setScale(p, RoundingMode.HALF_EVEN).toPlainString(), grouping) + "%";
            case 'e', 'E' -> {
                String s = String.format(Locale.ROOT, "%." + p + "e", v);
                s = s.replaceFirst("e([-+])(\\d)$", "e$10$2");
                yield type == 'E' ? s.toUpperCase(Locale.ROOT) : s;
            }
            default -> {
                // 'g': significant digits, trailing zeros dropped, scientific beyond the precision's range.
                int digits = Math.max(p, 1);
                BigDecimal rounded = v.round(new java.math.MathContext(digits, RoundingMode.HALF_EVEN));
                int exponent = rounded.signum() == 0 ? 0 : rounded.precision() - rounded.scale() - 1;
                String s = exponent < -4 || exponent >= digits
                        ? String.format(Locale.ROOT, "%." + (digits - 1) + "e", rounded)
                                .replaceFirst("\\.?0+e", "e").replaceFirst("e([-+])(\\d)$", "e$10$2")
                        : stripZeros(rounded.setScale(Math.max(0, digits - 1 - exponent), RoundingMode.HALF_EVEN).toPlainString());
                yield type == 'G' ? s.toUpperCase(Locale.ROOT) : s;
            }
        };
    }

    private static String stripZeros(String fixed) {
        return fixed.contains(".") ? fixed.replaceFirst("\\.?0+$", "") : fixed;
    }

    private static String groupFixed(String fixed, String grouping) {
        int dot = fixed.indexOf('.');
        return dot < 0 ? group(fixed, grouping) : group(fixed.substring(0, dot), grouping) + fixed.substring(dot);
    }

    private static String group(String digits, String separator) {
        if (separator == null) return digits;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) out.append(separator);
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** Python's str() of a parameter value. */
    private static String str(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> s;
            case Double d when d.isNaN() -> "nan";
            case Double d when d.isInfinite() -> d > 0 ? "inf" : "-inf";
            case Double d -> PythonFloat.repr(d);
            case ZonedDateTime t -> PYTHON_DATETIME.format(t);
            default -> value instanceof List<?> || value instanceof Map<?, ?> ? PythonTranslator.literal(value) : value.toString();
        };
    }

    private static final DateTimeFormatter PYTHON_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static String strftime(ZonedDateTime time, String spec) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%' || i + 1 == spec.length()) {
                out.append(c);
                continue;
            }
            char directive = spec.charAt(++i);
            out.append(switch (directive) {
                case 'Y' -> String.format("%04d", time.getYear());
                case 'm' -> String.format("%02d", time.getMonthValue());
                case 'd' -> String.format("%02d", time.getDayOfMonth());
                case 'H' -> String.format("%02d", time.getHour());
                case 'M' -> String.format("%02d", time.getMinute());
                case 'S' -> String.format("%02d", time.getSecond());
                case '%' -> "%";
                default -> "%" + directive;
            });
        }
        return out.toString();
    }

    private static ParameterFormatException bad(String path, String what) {
        return new ParameterFormatException("cannot fill in the path " + path + ": " + what);
    }
}
