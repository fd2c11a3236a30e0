package io.latentbench.workbench.bench;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One benchmark method at one point of its parameter matrix: the unit a plan lists, a shard
 * owns and a JMH run measures. Its {@link #key()} equals the key of the result row it becomes.
 */
public record BenchPoint(Suite suite, String method, String mode, SortedMap<String, String> params) {

    public BenchPoint {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(method, "method");
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** The JMH benchmark name, {@code <class>.<method>}. */
    public String benchmark() {
        return Catalog.benchmarkClass(suite, method) + "." + method;
    }

    /**
     * The regular expression a JMH run selects this point's method with: its benchmark exactly or,
     * in a suite split by family, the method in any class of the suite, today's or the one it had
     * before ({@link Suite#familyClassPattern}).
     */
    public String include() {
        return suite.byFamily() ? "^" + suite.familyClassPattern() + Pattern.quote("." + method) + "$"
                : "^" + Pattern.quote(benchmark()) + "$";
    }

    public String key() {
        String p = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        return suite.label() + "." + method + (p.isEmpty() ? "" : "[" + p + "]");
    }

    @Override
    public String toString() {
        return key();
    }
}
