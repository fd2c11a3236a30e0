package io.latentbench.workbench.results.relative;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark point of a relative run: its primary score, fork pair by fork pair.
 *
 * @param suite         suite label ("latency", "peers", ...), which picks the threshold
 * @param method        benchmark method
 * @param params        JMH parameters of the point
 * @param unit          unit of every score (both sides ran the same benchmark, so one unit)
 * @param pairs         the first fork pairs, in the order they ran
 * @param confirmation  fresh pairs run after them because they showed a change past the
 *                      threshold ({@link Recheck}); empty when none were run
 */
public record PairedBenchmark(String key, String suite, String method, SortedMap<String, String> params, String unit,
        List<ForkPair> pairs, List<ForkPair> confirmation) {

    public PairedBenchmark {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(method, "method");
        params = new TreeMap<>(params == null ? new TreeMap<>() : params);
        Objects.requireNonNull(unit, "unit");
        pairs = List.copyOf(pairs);
        confirmation = List.copyOf(confirmation);
    }

    /** A point measured without a confirmation stage. */
    public PairedBenchmark(String key, String suite, String method, SortedMap<String, String> params, String unit,
            List<ForkPair> pairs) {
        this(key, suite, method, params, unit, pairs, List.of());
    }

    /** The same point with its confirmation pairs. */
    public PairedBenchmark confirmedBy(List<ForkPair> fresh) {
        return new PairedBenchmark(key, suite, method, params, unit, pairs, fresh);
    }

    /** Every pair, the first ones then the confirmation: what each side measured in all. */
    public List<ForkPair> allPairs() {
        List<ForkPair> all = new ArrayList<>(pairs);
        all.addAll(confirmation);
        return all;
    }
}
