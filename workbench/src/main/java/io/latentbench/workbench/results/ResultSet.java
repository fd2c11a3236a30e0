package io.latentbench.workbench.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A whole run: its provenance and one row per benchmark x params. */
public record ResultSet(RunInfo info, List<BenchmarkResult> results) {

    public ResultSet {
        Objects.requireNonNull(info, "info");
        results = List.copyOf(results);
    }

    public Optional<BenchmarkResult> find(String key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}
