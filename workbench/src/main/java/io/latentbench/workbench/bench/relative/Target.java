package io.latentbench.workbench.bench.relative;

import io.latentbench.workbench.bench.BenchPoint;
import io.latentbench.workbench.bench.CoreUse;
import io.latentbench.workbench.bench.Cores;
import io.latentbench.workbench.bench.SlowWarmup;
import io.latentbench.workbench.bench.SuiteTags;
import io.latentbench.workbench.results.ForeignRows;
import io.latentbench.workbench.results.RowTags;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One benchmark point a relative run measures on both sides.
 *
 * @param key        its result key, e.g. {@code latency.knn[dim=256,k=10]}
 * @param suite      suite label
 * @param benchmark  the JMH benchmark, {@code <class>.<method>}
 * @param params     JMH parameters of the point
 * @param tags       what its rows mean, written on the relative run's benchmark
 * @param cores      how it uses the cores, which decides where its pairs' forks run
 * @param slowWarmup its code is still compiling after the run's warm-up when a fork shares its core with
 *                   the JIT ({@link SlowWarmup}): its forks warm up longer
 * @param include    the regular expression each side's JMH selects it with: the benchmark exactly, or
 *                   for a suite split by family its method in any class of the suite
 *                   ({@link BenchPoint#include}), so that a base revision from before the split finds it
 */
public record Target(String key, String suite, String method, String benchmark, SortedMap<String, String> params,
        RowTags tags, CoreUse cores, boolean slowWarmup, String include) {

    public Target {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(benchmark, "benchmark");
        params = new TreeMap<>(params);
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(cores, "cores");
        Objects.requireNonNull(include, "include");
    }

    /** A point selected by its exact benchmark name. */
    public Target(String key, String suite, String method, String benchmark, SortedMap<String, String> params,
            RowTags tags, CoreUse cores) {
        this(key, suite, method, benchmark, params, tags, cores, false, "^" + Pattern.quote(benchmark) + "$");
    }

    /**
     * A point of a benchmark that is not one of our suites: its tags are guessed from its names, and
     * it is taken to run on one core and to warm up in the run's time.
     */
    public Target(String key, String suite, String method, String benchmark, SortedMap<String, String> params) {
        this(key, suite, method, benchmark, params, ForeignRows.guess(suite, method, params), CoreUse.ONE);
    }

    /** This point run by several JMH threads: one that splits its calls over a pool still does. */
    public Target onThreads() {
        return new Target(key, suite, method, benchmark, params, tags,
                cores == CoreUse.SPLIT ? CoreUse.SPLIT : CoreUse.THREADS, slowWarmup, include);
    }

    /** A point of one of our suites, with the tags the suite declares. */
    public static Target of(BenchPoint p) {
        return new Target(p.key(), p.suite().label(), p.method(), p.benchmark(), p.params(), SuiteTags.of(p),
                Cores.use(p), SlowWarmup.of(p), p.include());
    }
}
