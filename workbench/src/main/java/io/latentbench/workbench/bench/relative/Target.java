package io.latentbench.workbench.bench.relative;

import io.latentbench.workbench.bench.BenchPoint;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark point a relative run measures on both sides.
 *
 * @param key        its result key, e.g. {@code latency.knn[dim=256,k=10]}
 * @param suite      suite label (picks the threshold)
 * @param benchmark  the JMH benchmark, {@code <class>.<method>}
 * @param params     JMH parameters of the point
 */
public record Target(String key, String suite, String method, String benchmark, SortedMap<String, String> params) {

    public Target {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(benchmark, "benchmark");
        params = new TreeMap<>(params);
    }

    public static Target of(BenchPoint p) {
        return new Target(p.key(), p.suite().label(), p.method(), p.benchmark(), p.params());
    }
}
