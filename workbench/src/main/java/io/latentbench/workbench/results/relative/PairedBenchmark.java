package io.latentbench.workbench.results.relative;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark point of a relative run: its primary score, fork pair by fork pair.
 *
 * @param suite   suite label ("latency", "peers", ...), which picks the threshold
 * @param method  benchmark method
 * @param params  JMH parameters of the point
 * @param unit    unit of every score (both sides ran the same benchmark, so one unit)
 * @param pairs   the fork pairs, in the order they ran
 */
public record PairedBenchmark(String key, String suite, String method, SortedMap<String, String> params, String unit,
        List<ForkPair> pairs) {

    public PairedBenchmark {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(method, "method");
        params = new TreeMap<>(params == null ? new TreeMap<>() : params);
        Objects.requireNonNull(unit, "unit");
        pairs = List.copyOf(pairs);
    }
}
