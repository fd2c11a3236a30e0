package io.latentbench.workbench.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole run: its provenance, one row per benchmark x params, and the benchmarks it could not
 * measure (the run went on past them).
 */
public record ResultSet(RunInfo info, List<BenchmarkResult> results, List<FailedBenchmark> failed) {

    public ResultSet {
        Objects.requireNonNull(info, "info");
        results = List.copyOf(results);
        failed = List.copyOf(failed);
    }

    /** A run that measured everything it set out to. */
    public ResultSet(RunInfo info, List<BenchmarkResult> results) {
        this(info, results, List.of());
    }

    public Optional<BenchmarkResult> find(String key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}
