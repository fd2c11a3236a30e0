package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.FailedBenchmark;
import java.time.Duration;
import java.util.List;

/** Told about a run as it goes, so long runs show where they are and how long they have left. */
public interface ProgressListener {

    /** Before the first benchmark. */
    default void started(BenchPlan plan, Duration estimate) {}

    /** Before benchmark {@code index} (from 0) of the plan. */
    default void benchmarkStarted(int index, BenchPoint point) {}

    /** After it, with its rows, how long it took and the estimate for what is left. */
    default void benchmarkFinished(int index, BenchPoint point, List<BenchmarkResult> rows, Duration took,
            Duration remaining) {}

    /** After a benchmark that could not be measured: the run goes on to the next. */
    default void benchmarkFailed(int index, BenchPoint point, FailedBenchmark failure, Duration took,
            Duration remaining) {}

    /** After the last benchmark. */
    default void finished(Duration took) {}

    ProgressListener SILENT = new ProgressListener() {};
}
