package io.latentbench.workbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.AverageTimeResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.SampleTimeResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.TextResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.SampleBuffer;

/** Rows straight from JMH's in-memory results, checked against the file JMH writes of the same results. */
class JmhRunsTest {

    private static final String SUITES = ForeignRows.OUR_SUITES_PACKAGE + ".";

    @Test
    void rowsEqualWhatTheReaderReadsFromJmhsJsonOfTheSameRuns() throws Exception {
        List<RunResult> runs = List.of(
                // two forks of three iterations, gc metrics, one only in some iterations, a profiler's text
                run(SUITES + "LatencyBenchmarks.knn", Mode.AverageTime, Map.of("dim", "128", "k", "10"), 2, 3,
                        (fork, it) -> List.of(
                                new AverageTimeResult(ResultRole.PRIMARY, "knn", 1000, 2_000_000L + 37_000L * fork + 1_013L * it,
                                        TimeUnit.MICROSECONDS),
                                new ScalarResult("gc.alloc.rate.norm", 48.0 + it / 3.0, "B/op", AggregationPolicy.AVG),
                                it == 1 ? new ScalarResult("gc.count", 1, "counts", AggregationPolicy.SUM)
                                        : new ScalarResult("gc.alloc.rate", 0.1 * fork, "MB/sec", AggregationPolicy.AVG)),
                        new TextResult("hot methods\n 90% knn", "stack")),
                run("org.example.Codec.encode", Mode.Throughput, Map.of(), 1, 2,
                        (fork, it) -> List.of(new ThroughputResult(ResultRole.PRIMARY, "encode", 123_457 + 7 * it,
                                1_000_000_000L, TimeUnit.SECONDS)),
                        null),
                run(SUITES + "peers.KnnScanBenchmarks.plainRead", Mode.SampleTime, Map.of("dataset", "10000"), 2, 2,
                        (fork, it) -> List.of(new SampleTimeResult(ResultRole.PRIMARY, "plainRead",
                                calls(1_000 + 100 * fork, 1_700 + it, 4_100), TimeUnit.NANOSECONDS)),
                        null));

        List<BenchmarkResult> direct = JmhRuns.rows(runs);
        List<BenchmarkResult> viaText = JmhJsonReader.read(new ObjectMapper().readTree(jmhJson(runs)), "JMH output");

        assertThat(direct).isEqualTo(viaText);
        // and the oracle is not vacuous: the rows carry what was measured
        assertThat(direct).extracting(BenchmarkResult::key).containsExactly("latency.knn[dim=128,k=10]",
                "org.example.Codec.encode", "peers.plainRead[dataset=10000]");
        BenchmarkResult knn = direct.get(0);
        assertThat(knn.mode()).isEqualTo("avgt");
        assertThat(knn.unit()).isEqualTo("us/op");
        assertThat(knn.primary().forkSamples()).hasSize(2).allSatisfy(f -> assertThat(f).hasSize(3));
        assertThat(knn.primary().forkSamples().get(1).get(2)).isCloseTo(2.039026, within(1e-12)); // (2 ms + 37 us + 2 x 1013 ns) / 1000 ops
        assertThat(knn.primary().percentiles()).containsKeys(0.0, 50.0, 99.9999, 100.0);
        assertThat(knn.secondary()).containsOnlyKeys("gc.alloc.rate.norm", "gc.count", "gc.alloc.rate", "stack");
        assertThat(knn.secondary().get("gc.count").forkSamples()).containsExactly(List.of(1.0), List.of(1.0));
        assertThat(knn.secondary().get("stack").score()).isNaN();
        assertThat(knn.secondary().get("stack").forkSamples()).containsExactly(List.of(), List.of());
        assertThat(direct.get(2).mode()).isEqualTo("sample");
        // the calls' mean, from JMH's buckets of single-call times
        assertThat(direct.get(2).primary().forkSamples().get(0).get(1)).isCloseTo((1_000 + 1_701 + 4_100) / 3.0, withinPercentage(1));
    }

    @Test
    void parameterValuesArriveAsTheyAre() {
        // JMH's JSON writer breaks lines at commas (a value "64,128" no longer parses) and writes ";" as ","
        RunResult run = run(SUITES + "MatrixBenchmarks.knn", Mode.AverageTime, Map.of("dims", "64,128", "mix", "a;b<c>"), 1, 1,
                (fork, it) -> List.of(new AverageTimeResult(ResultRole.PRIMARY, "knn", 10, 5_000L, TimeUnit.NANOSECONDS)),
                null);

        BenchmarkResult row = JmhRuns.rows(List.of(run)).get(0);

        assertThat(row.params()).containsExactly(Map.entry("dims", "64,128"), Map.entry("mix", "a;b<c>"));
        assertThat(row.primary().forkSamples()).containsExactly(List.of(500.0));
    }

    @Test
    void aPrimarySampleThatIsNoMeasurementIsCorrupt() {
        RunResult run = run("org.example.Broken.none", Mode.AverageTime, Map.of(), 1, 2,
                (fork, it) -> List.of(new AverageTimeResult(ResultRole.PRIMARY, "none", it == 1 ? 0 : 10, 5_000L,
                        TimeUnit.NANOSECONDS)),
                null);

        assertThatThrownBy(() -> JmhRuns.rows(List.of(run))).isInstanceOf(ResultFileException.class)
                .hasMessageContaining("corrupt sample").hasMessageContaining("org.example.Broken.none")
                .hasMessageContaining("[0][1] is Infinity");
    }

    private static SampleBuffer calls(long... nanos) {
        SampleBuffer b = new SampleBuffer();
        for (long n : nanos) {
            b.add(n);
        }
        return b;
    }

    /** A run of {@code forks} x {@code iterations}, each iteration's results from {@code results(fork, iteration)}. */
    private static RunResult run(String benchmark, Mode mode, Map<String, String> params, int forks, int iterations,
            BiFunction<Integer, Integer, List<Result>> results, Result perFork) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(params).entrySet()) {
            workload.put(e.getKey(), e.getValue(), order++);
        }
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 0, TimeValue.milliseconds(10), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, iterations, TimeValue.milliseconds(10), 1);
        BenchmarkParams bp = new BenchmarkParams(benchmark, benchmark + "_generated", false, 1, new int[] {1}, List.of(),
                forks, 0, warmup, measurement, mode, workload, TimeUnit.MICROSECONDS, 1, "java", List.of(), "25",
                "OpenJDK 64-Bit Server VM", "25", "1.37", TimeValue.minutes(1));
        List<org.openjdk.jmh.results.BenchmarkResult> forkResults = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            List<IterationResult> its = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                IterationResult it = new IterationResult(bp, measurement, new IterationResultMetaData(1, 1));
                it.addResults(results.apply(f, i));
                its.add(it);
            }
            org.openjdk.jmh.results.BenchmarkResult fork = new org.openjdk.jmh.results.BenchmarkResult(bp, its);
            if (perFork != null) {
                fork.addBenchmarkResult(perFork);
            }
            forkResults.add(fork);
        }
        return new RunResult(bp, forkResults);
    }

    private static String jmhJson(List<RunResult> runs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(runs);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
