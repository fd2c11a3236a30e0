package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.FailedBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Benchmarks could not be measured. Either a run went on past them and finished: the exception
 * names each failed one and holds what the run measured ({@link #measured()}, also saved when the
 * run was asked to save); or a run stopped at one (it was interrupted, or one point failed where
 * no run was going on), and the message says which and why.
 */
public final class BenchmarkFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String benchmark;
    private final String reason;
    private final transient BenchResults measured;

    /** The run stopped at {@code benchmark}. */
    public BenchmarkFailedException(String benchmark, String reason, Throwable cause) {
        super("benchmark " + benchmark + " failed: " + reason, cause);
        this.benchmark = benchmark;
        this.reason = reason;
        this.measured = null;
    }

    /**
     * The run went on and finished; {@code measured} lists the failed ones.
     *
     * @param savedIn where the run's files were written, or null when they were not
     */
    BenchmarkFailedException(BenchResults measured, Path savedIn) {
        super(summary(measured.failed(), measured.rows().size(), savedIn));
        List<FailedBenchmark> failed = measured.failed();
        this.benchmark = failed.getFirst().key();
        this.reason = failed.getFirst().message();
        this.measured = measured;
    }

    private static String summary(List<FailedBenchmark> failed, int rows, Path savedIn) {
        return failed.size() + (failed.size() == 1 ? " benchmark" : " benchmarks") + " failed; the run went on and"
                + " measured the others (" + rows + " rows, " + (savedIn == null ? "in measured()" : "written to "
                + savedIn) + "):\n" + failed.stream().map(f -> "  " + f.key() + ": " + f.headline())
                .collect(Collectors.joining("\n"));
    }

    /** The key of the (first) failed benchmark. */
    public String benchmark() {
        return benchmark;
    }

    /** Why it failed: the benchmark's own exception, or how its fork died, without the key. */
    public String reason() {
        return reason;
    }

    /** Every benchmark that failed: one when the run stopped at it. */
    public List<FailedBenchmark> failures() {
        return measured == null ? List.of(new FailedBenchmark(benchmark, reason)) : measured.failed();
    }

    /** What a run that went on past the failures measured; empty when the run stopped. */
    public Optional<BenchResults> measured() {
        return Optional.ofNullable(measured);
    }
}
