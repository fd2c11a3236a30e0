package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Real JMH runs, as short as JMH allows: one fork, one short iteration. */
class BenchFacadeSmokeTest {

    @TempDir
    Path dir;

    private static Bench tiny() {
        return Bench.create().forks(1).warmup(0, Duration.ofMillis(50)).measurement(1, Duration.ofMillis(200));
    }

    @Test
    void runsOneBenchmarkInAForkedJvmAndReturnsItsResults() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchResults r = tiny().suites("peers.dotProduct").param("impl", "panama")
                .progress(new ConsoleProgress(new PrintStream(progress, true, StandardCharsets.UTF_8)))
                .run();

        assertThat(r.rows()).hasSize(1);
        BenchmarkResult row = r.rows().get(0);
        assertThat(row.key()).isEqualTo("peers.dotProduct[dim=256,impl=panama]");
        assertThat(row.mode()).isEqualTo("avgt");
        assertThat(row.unit()).isEqualTo("ns/op");
        assertThat(row.primary().score()).isPositive().isFinite();
        assertThat(row.primary().forks()).isEqualTo(1);
        assertThat(row.primary().forkSamples().get(0)).hasSize(1);
        // The gc profiler ran in the fork. (Without warmup the Vector API still runs unintrinsified
        // and allocates, so only the presence of a sane number is checked.)
        assertThat(row.secondary()).containsKey("gc.alloc.rate.norm");
        assertThat(row.secondary().get("gc.alloc.rate.norm").score()).isFinite().isNotNegative();
        assertThat(r.resultSet().info().profile()).isEqualTo("quick");

        Table t = r.table();
        assertThat(t.rowCount()).isEqualTo(1);
        assertThat(t.stringColumn("impl").get(0)).isEqualTo("panama");
        assertThat(t.doubleColumn("score").getDouble(0)).isEqualTo(row.primary().score());

        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("1 benchmarks, profile quick")
                .contains("[1/1] peers.dotProduct[dim=256,impl=panama]")
                .contains("left)");

        r.save(dir);
        assertThat(dir.resolve(BenchResults.RESULTS_JSON)).exists();
        assertThat(dir.resolve(BenchResults.TOML_SUMMARY)).exists();
        ResultSet fromRaw = ResultFiles.read(dir.resolve(BenchResults.RAW_JMH_JSON));
        assertThat(fromRaw.results()).extracting(BenchmarkResult::key).containsExactly(row.key());
        assertThat(ResultFiles.read(dir.resolve(BenchResults.RESULTS_JSON))).isEqualTo(r.resultSet());
        // the row carries what its suite declares, in memory and in results.json
        assertThat(row.tags()).isEqualTo(SuiteTags.of(Suite.PEERS, "dotProduct", row.params()));
        assertThat(java.nio.file.Files.readString(dir.resolve(BenchResults.RESULTS_JSON)))
                .containsPattern("\"tags\"\\s*:\\s*\\{\\s*\"role\"\\s*:\\s*\"ours\"");
    }

    @Test
    void jmhOptionsReachTheForkAndTheirOutputsLandInTheRunFolder() throws Exception {
        BenchResults r = tiny().suites("peers.dotProduct").param("impl", "panama")
                .profiler("stack:lines=2").timeUnit("us").resultFormat("csv").include("dotProduct").quiet()
                .profilerOutput(dir).run();

        BenchmarkResult row = r.rows().get(0);
        assertThat(row.unit()).isEqualTo("us/op");
        assertThat(row.secondary()).containsKey("stack");
        r.save(dir);
        Path stack = dir.resolve("profilers/peers.dotProduct-dim=256,impl=panama.stack.txt");
        assertThat(Files.readString(stack)).contains("Stack profiler");
        assertThat(Files.readString(dir.resolve("jmh-result.csv"))).startsWith("\"Benchmark\",\"Mode\"")
                .contains("peers.KernelBenchmarks.dotProduct\",\"avgt\"");
        assertThat(ResultFiles.read(dir.resolve(BenchResults.RESULTS_JSON)).results().get(0).secondary()).containsKey("stack");
    }

    @Test
    void theMemorySuiteMeasuresRetainedHeapAndCrossChecksItWithTheEngine() {
        BenchResults r = tiny().suites("memory.buildScaling").param("dataset", "4000").quiet().run();

        BenchmarkResult row = r.rows().get(0);
        assertThat(row.key()).isEqualTo("memory.buildScaling[dataset=4000,dim=256]");
        assertThat(row.mode()).isEqualTo("ss");
        assertThat(row.secondary()).containsKeys("retained.mb", "peak.mb", "engine.mb", "bytes.per.vector",
                "gc.alloc.rate.norm");
        double perVector = row.secondary().get("bytes.per.vector").score();
        // 4 bytes per float of a 256-float vector, plus bookkeeping: measured, so only bounded.
        assertThat(perVector).isBetween(4.0 * 256, 2.0 * 4 * 256);
        double retained = row.secondary().get("retained.mb").score();
        assertThat(row.secondary().get("engine.mb").score()).isBetween(0.8 * retained, 1.25 * retained);
        assertThat(row.secondary().get("peak.mb").score()).isGreaterThanOrEqualTo(retained * 0.99);
    }

    @Test
    void aBenchmarkThatThrowsIsNamedAfterTheRunWentOnToMeasureTheOthersAndSaveThem() {
        // dim=0 passes BenchPlan's checks (a number where numbers are declared) and throws in the fork's setup.
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Bench bench = tiny().suites("peers.dotProduct").param("impl", "scalar").param("dim", 0, 4)
                .progress(new ConsoleProgress(new PrintStream(progress, true, StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> bench.runAndSave(dir))
                .isInstanceOfSatisfying(BenchmarkFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("1 benchmark failed; the run went on", "written to " + dir,
                            "peers.dotProduct[dim=0,impl=scalar]: java.lang.IllegalArgumentException: a data set"
                                    + " needs count >= 0 and dim >= 1");
                    assertThat(e.benchmark()).isEqualTo("peers.dotProduct[dim=0,impl=scalar]");
                    assertThat(e.failures()).extracting(FailedBenchmark::key)
                            .containsExactly("peers.dotProduct[dim=0,impl=scalar]");
                    assertThat(e.measured()).get().extracting(r -> r.rows().stream().map(BenchmarkResult::key).toList())
                            .isEqualTo(java.util.List.of("peers.dotProduct[dim=4,impl=scalar]"));
                });
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("[1/2] peers.dotProduct[dim=0,impl=scalar]", "FAILED, the run goes on: java.lang.Illegal")
                .contains("[2/2] peers.dotProduct[dim=4,impl=scalar]");
        ResultSet saved = ResultFiles.read(dir.resolve(BenchResults.RESULTS_JSON));
        assertThat(saved.results()).extracting(BenchmarkResult::key).containsExactly("peers.dotProduct[dim=4,impl=scalar]");
        assertThat(saved.failed()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("peers.dotProduct[dim=0,impl=scalar]");
            assertThat(f.headline()).isEqualTo("java.lang.IllegalArgumentException: a data set needs count >= 0 and"
                    + " dim >= 1, got count 2 and dim 0");
        });
        assertThat(BenchResults.load(dir.resolve(BenchResults.RESULTS_JSON)).text())
                .contains("1 failed to run:", "peers.dotProduct[dim=0,impl=scalar]: java.lang.IllegalArgumentException");
    }

    @Test
    void anInterruptStopsTheRunAndTheForkItWaitsFor() {
        Thread runner = Thread.currentThread();
        // a fork of these settings lives over 3 s; the first is interrupted 1.5 s after it starts
        Bench bench = Bench.create().forks(1).warmup(1, Duration.ofSeconds(1)).measurement(2, Duration.ofSeconds(1))
                .suites("peers.dotProduct").param("impl", "scalar").param("dim", 4, 8)
                .progress(new ProgressListener() {
                    @Override
                    public void benchmarkStarted(int index, BenchPoint point) {
                        DelayedInterrupt.of(runner, Duration.ofMillis(1500));
                    }
                });
        try {
            assertThatThrownBy(bench::run).isInstanceOfSatisfying(BenchmarkFailedException.class, e -> {
                assertThat(e.benchmark()).isEqualTo("peers.dotProduct[dim=4,impl=scalar]");
                assertThat(e.measured()).as("a stop, not a run that went on").isEmpty();
            });
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("org.openjdk.jmh.runner.ForkedMain")).toList())
                .as("JMH's fork is stopped with the run").isEmpty();
    }

    @Test
    void theForkClasspathHasEveryJarAForkNeeds() throws Exception {
        String cp = ForkClasspath.compute();
        for (String cls : new String[] {"org.openjdk.jmh.runner.ForkedMain", "org.apache.lucene.util.VectorUtil",
                "io.latentbench.engine.vector.VectorKernels", "io.latentbench.workbench.bench.Bench"}) {
            Path source = Path.of(Class.forName(cls).getProtectionDomain().getCodeSource().getLocation().toURI());
            assertThat(cp.split(java.io.File.pathSeparator)).as("class path holds the home of %s", cls)
                    .contains(source.toAbsolutePath().toString());
            assertThat(Files.exists(source)).isTrue();
        }
    }
}
