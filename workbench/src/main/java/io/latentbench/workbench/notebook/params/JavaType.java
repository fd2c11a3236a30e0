package io.latentbench.workbench.notebook.params;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The Java type a parameter value is written as: inferred from the value, or taken from the declaration. */
sealed interface JavaType {

    /** A scalar type by its boxed name, or {@code null}'s own type, which unifies with everything. */
    record Scalar(String boxed, String primitive) implements JavaType {}

    record ListOf(JavaType element) implements JavaType {}

    record MapOf(JavaType value) implements JavaType {}

    Scalar INT = new Scalar("Integer", "int");
    Scalar LONG = new Scalar("Long", "long");
    Scalar DOUBLE = new Scalar("Double", "double");
    Scalar FLOAT = new Scalar("Float", "float");
    Scalar BOOLEAN = new Scalar("Boolean", "boolean");
    Scalar BIG_INTEGER = new Scalar("java.math.BigInteger", "java.math.BigInteger");
    Scalar STRING = new Scalar("String", "String");
    Scalar OBJECT = new Scalar("Object", "Object");
    Scalar NULL = new Scalar("Object", "Object");

    /** How it reads in a type argument ({@code List<Integer>}). */
    default String boxedName() {
        return switch (this) {
            case Scalar s -> s.boxed();
            case ListOf l -> "List<" + l.element().boxedName() + ">";
            case MapOf m -> "Map<String, " + m.value().boxedName() + ">";
        };
    }

    /** How a variable of this type is declared ({@code int}, {@code List<Integer>}). */
    default String declaredName() {
        return this instanceof Scalar s ? s.primitive() : boxedName();
    }

    static JavaType of(Object value) {
        return switch (value) {
            case null -> NULL;
            case Long l -> l == (int) (long) l ? INT : LONG;
            case BigInteger big -> BIG_INTEGER;
            case Double d -> DOUBLE;
            case Boolean b -> BOOLEAN;
            case String s -> STRING;
            case List<?> list -> {
                JavaType element = NULL;
                for (Object e : list) element = unify(element, of(e));
                yield new ListOf(element == NULL ? OBJECT : element);
            }
            case Map<?, ?> map -> {
                JavaType v = NULL;
                for (Object e : map.values()) v = unify(v, of(e));
                yield new MapOf(v == NULL ? OBJECT : v);
            }
            default -> throw new IllegalArgumentException("not a parameter value: " + value.getClass());
        };
    }

    /** The narrowest type both values fit: int and long widen to long, any numbers to double, else Object. */
    static JavaType unify(JavaType a, JavaType b) {
        if (a == NULL) return b;
        if (b == NULL || a.equals(b)) return a;
        List<JavaType> numeric = List.of(INT, LONG, BIG_INTEGER, DOUBLE);
        if (numeric.contains(a) && numeric.contains(b)) {
            if (a == DOUBLE || b == DOUBLE) return DOUBLE;
            return a == BIG_INTEGER || b == BIG_INTEGER ? BIG_INTEGER : LONG;
        }
        if (a instanceof ListOf la && b instanceof ListOf lb) return new ListOf(unify(la.element(), lb.element()));
        if (a instanceof MapOf ma && b instanceof MapOf mb) return new MapOf(unify(ma.value(), mb.value()));
        return OBJECT;
    }

    /** Reads a declared type such as {@code double}, {@code Long} or {@code List<Double>}; null if unknown. */
    static JavaType parse(String text) {
        String t = text.replaceAll("\\s+", "").replaceFirst("^java\\.util\\.", "").replaceFirst("^java\\.lang\\.", "");
        switch (t) {
            case "int", "Integer" -> { return INT; }
            case "long", "Long" -> { return LONG; }
            case "double", "Double" -> { return DOUBLE; }
            case "float", "Float" -> { return FLOAT; }
            case "boolean", "Boolean" -> { return BOOLEAN; }
            case "String", "CharSequence" -> { return STRING; }
            case "Object" -> { return OBJECT; }
            case "BigInteger", "java.math.BigInteger" -> { return BIG_INTEGER; }
            default -> { }
        }
        for (String prefix : List.of("List<", "Collection<", "Iterable<")) {
            if (t.startsWith(prefix) && t.endsWith(">")) {
                JavaType element = parse(t.substring(prefix.length(), t.length() - 1));
                return element == null ? null : new ListOf(element);
            }
        }
        if (t.startsWith("Map<String,") && t.endsWith(">")) {
            JavaType value = parse(t.substring("Map<String,".length(), t.length() - 1));
            return value == null ? null : new MapOf(value);
        }
        return null;
    }

    /** Whether {@code value} can be written as this type; {@code topLevel} variables of primitive type take no null. */
    default boolean accepts(Object value, boolean topLevel) {
        if (value == null) {
            return !(topLevel && this instanceof Scalar s && !s.primitive().equals(s.boxed()));
        }
        return switch (this) {
            case Scalar s when s == OBJECT -> true;
            case Scalar s when s == INT -> value instanceof Long l && l == (int) (long) l;
            case Scalar s when s == LONG -> value instanceof Long;
            case Scalar s when s == BIG_INTEGER -> value instanceof Long || value instanceof BigInteger;
            case Scalar s when s == DOUBLE || s == FLOAT -> value instanceof Long || value instanceof Double
                    || value instanceof BigInteger;
            case Scalar s when s == BOOLEAN -> value instanceof Boolean;
            case Scalar s when s == STRING -> value instanceof String;
            case Scalar s -> false;
            case ListOf l -> value instanceof List<?> list && list.stream().allMatch(e -> l.element().accepts(e, false));
            case MapOf m -> value instanceof Map<?, ?> map && map.values().stream().allMatch(e -> e != null && m.value().accepts(e, false));
        };
    }
}
