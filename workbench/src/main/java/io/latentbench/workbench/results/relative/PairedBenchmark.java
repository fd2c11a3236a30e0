package io.latentbench.workbench.results.relative;

import io.latentbench.workbench.results.ForeignRows;
import io.latentbench.workbench.results.RowTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark point of a relative run: its primary score, fork pair by fork pair.
 *
 * @param suite         suite label ("latency", "peers", ...)
 * @param method        benchmark method
 * @param params        JMH parameters of the point
 * @param unit          unit of every score (both sides ran the same benchmark, so one unit)
 * @param pairs         the first fork pairs, in the order they ran
 * @param confirmation  fresh pairs run after them because they showed a change past the
 *                      threshold ({@link Recheck}); empty when none were run
 * @param tags          what the benchmark means (reference or ours, its threshold entry), as its suite declares
 */
public record PairedBenchmark(String key, String suite, String method, SortedMap<String, String> params, String unit,
        List<ForkPair> pairs, List<ForkPair> confirmation, RowTags tags) {

    public PairedBenchmark {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(method, "method");
        params = new TreeMap<>(params == null ? new TreeMap<>() : params);
        Objects.requireNonNull(unit, "unit");
        pairs = List.copyOf(pairs);
        confirmation = List.copyOf(confirmation);
        Objects.requireNonNull(tags, "tags");
    }

    /** A point measured without a confirmation stage, with the tags its suite declares. */
    public PairedBenchmark(String key, String suite, String method, SortedMap<String, String> params, String unit,
            List<ForkPair> pairs, RowTags tags) {
        this(key, suite, method, params, unit, pairs, List.of(), tags);
    }

    /** A point read without tags (a relative.json written before them): its tags are guessed from its names. */
    public PairedBenchmark(String key, String suite, String method, SortedMap<String, String> params, String unit,
            List<ForkPair> pairs, List<ForkPair> confirmation) {
        this(key, suite, method, params, unit, pairs, confirmation,
                ForeignRows.guess(suite, method, params == null ? new TreeMap<>() : params));
    }

    /** A point without tags and without a confirmation stage: its tags are guessed from its names. */
    public PairedBenchmark(String key, String suite, String method, SortedMap<String, String> params, String unit,
            List<ForkPair> pairs) {
        this(key, suite, method, params, unit, pairs, List.<ForkPair>of());
    }

    /** The same point with its confirmation pairs. */
    public PairedBenchmark confirmedBy(List<ForkPair> fresh) {
        return new PairedBenchmark(key, suite, method, params, unit, pairs, fresh, tags);
    }

    /** Every pair, the first ones then the confirmation: what each side measured in all. */
    public List<ForkPair> allPairs() {
        List<ForkPair> all = new ArrayList<>(pairs);
        all.addAll(confirmation);
        return all;
    }
}
