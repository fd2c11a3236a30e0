package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

class BenchRunnerTest {

    private static final RunSettings SETTINGS = new RunSettings(2, 3, Duration.ofMillis(400), 3, Duration.ofMillis(500));

    @Test
    void optionsPinOnePointAndNeverInheritTheHostsJvmArguments() {
        BenchPoint point = new BenchPoint(Suite.PEERS, "dotProduct", "avgt",
                new TreeMap<>(Map.of("dim", "256", "impl", "lucene")));
        Options o = new BenchRunner(SETTINGS, null, null, List.of("-XX:UseAVX=2")).options(point);

        assertThat(o.getIncludes()).containsExactly(
                "^\\Qio.latentbench.workbench.bench.suites.peers.KernelBenchmarks.dotProduct\\E$");
        assertThat(o.getParameter("impl").get()).containsExactly("lucene");
        assertThat(o.getParameter("dim").get()).containsExactly("256");
        assertThat(o.shouldFailOnError().get()).isTrue();
        assertThat(o.getForkCount().get()).isEqualTo(2);
        // The benchmark's own @Threads decides (the peers suite has two-thread benchmarks).
        assertThat(o.getThreads().hasValue()).isFalse();
        assertThat(o.getMeasurementTime().get().toString()).isEqualTo("500 ms");
        // Explicit jvmArgs: without them JMH copies the host JVM's arguments (in jshell, a debugger agent).
        assertThat(o.getJvmArgs().hasValue()).isTrue();
        assertThat(o.getJvmArgs().get()).containsExactly(
                "--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true", "-XX:UseAVX=2");
        assertThat(o.getProfilers()).extracting(p -> p.getKlass())
                .contains("org.openjdk.jmh.profile.GCProfiler", HeapProfiler.class.getName());
    }

    @Test
    void jmhOptionsPassThroughAndFileProfilersWriteIntoTheRunFolder() {
        BenchPoint point = new BenchPoint(Suite.PEERS, "dotProduct", "avgt",
                new TreeMap<>(Map.of("dim", "256", "impl", "lucene")));
        JmhOptions jmh = JmhOptions.NONE.withProfiler(JmhOptions.Profiler.parse("stack:lines=3"))
                .withProfiler(JmhOptions.Profiler.parse("jfr"))
                .withProfiler(JmhOptions.Profiler.parse("gc"))
                .withThreads(2).withTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS);
        Path run = Path.of("/tmp/run-x");
        Options o = new BenchRunner(SETTINGS, null, null, List.of(), jmh, run).options(point);

        assertThat(o.getThreads().get()).isEqualTo(2);
        assertThat(o.getTimeUnit().get()).isEqualTo(java.util.concurrent.TimeUnit.MICROSECONDS);
        assertThat(o.getProfilers()).extracting(p -> p.getKlass()).containsExactly(
                "org.openjdk.jmh.profile.GCProfiler", HeapProfiler.class.getName(), "stack", "jfr");
        assertThat(o.getProfilers()).filteredOn(p -> p.getKlass().equals("stack")).extracting(p -> p.getOpts())
                .containsExactly("lines=3");
        assertThat(o.getProfilers()).filteredOn(p -> p.getKlass().equals("jfr")).extracting(p -> p.getOpts())
                .containsExactly("dir=/tmp/run-x/profilers/peers.dotProduct-dim=256,impl=lucene");
        // a dir of the user's own is kept
        JmhOptions own = JmhOptions.NONE.withProfiler(JmhOptions.Profiler.parse("jfr:dir=/elsewhere"));
        assertThat(new BenchRunner(SETTINGS, null, null, List.of(), own, run).options(point).getProfilers())
                .filteredOn(p -> p.getKlass().equals("jfr")).extracting(p -> p.getOpts()).containsExactly("dir=/elsewhere");
    }

    @Test
    void theEstimateCountsForksIterationsAndStartup() {
        BenchRunner runner = new BenchRunner(SETTINGS, null, null, List.of());
        BenchPoint timed = new BenchPoint(Suite.LATENCY, "knn", "avgt", new TreeMap<>());
        BenchPoint single = new BenchPoint(Suite.MEMORY, "buildScaling", "ss", new TreeMap<>());
        // 2 forks x (2 s start + 3 x 0.4 s + 3 x 0.5 s)
        assertThat(runner.estimateSeconds(timed)).isEqualTo(2 * (2.0 + 1.2 + 1.5));
        assertThat(runner.estimateSeconds(single)).isLessThan(runner.estimateSeconds(timed));
    }

    @Test
    void peerRatiosCompareEachKernelWithTheVectorApiAndKnnWithThePlainRead() {
        List<BenchmarkResult> rows = List.of(
                row("dotProduct", Map.of("dim", "256", "impl", "panama"), "ns/op", 20),
                row("dotProduct", Map.of("dim", "256", "impl", "scalar"), "ns/op", 160),
                row("dotProduct", Map.of("dim", "256", "impl", "lucene"), "ns/op", 25),
                row("plainRead", Map.of("dataset", "10000", "dim", "256"), "us/op", 130),
                row("knn", Map.of("dataset", "10000", "dim", "256", "impl", "panama", "k", "10"), "ms/op", 0.2));
        String report = PeerRatios.report(rows);
        assertThat(report).contains("dotProduct").contains("scalar / panama = 8.00x")
                .contains("lucene / panama = 1.25x")
                .contains("knn(panama) / plain read = 1.54x");
        // the same ratios as rows, for the HTML report's table
        assertThat(PeerRatios.ratios(rows)).extracting(r -> r.subject() + " | " + r.parameters() + " | " + r.comparison() + " | " + r.ratioText())
                .containsExactly("dotProduct | dim=256 | scalar / panama | 8.00x", "dotProduct | dim=256 | lucene / panama | 1.25x",
                        "knn vs bandwidth | dataset=10000 dim=256 k=10 | knn(panama) / plain read | 1.54x");
        assertThat(PeerRatios.report(List.of())).isEmpty();
        assertThat(PeerRatios.ratios(List.of())).isEmpty();
    }

    @Test
    void peerRatiosCompareTheBatchWithOneQueryAndTwoWorkersWithOne() {
        Map<String, String> params = Map.of("dataset", "10000", "dim", "256", "k", "10");
        Map<String, String> oneWorker = new TreeMap<>(params);
        oneWorker.put("workers", "1");
        Map<String, String> twoWorkers = new TreeMap<>(params);
        twoWorkers.put("workers", "2");
        List<BenchmarkResult> rows = List.of(
                row("knnBatch", oneWorker, "us/op", 100),
                row("knnOneAtATime", params, "us/op", 400),
                row("knnBatch", twoWorkers, "us/op", 62.5),
                row("knnOneAtATimeTwoThreads", params, "us/op", 400));
        String report = PeerRatios.report(rows);
        assertThat(report).contains("knnBatch per query / one query = 0.25x")
                .contains("knnBatch throughput 2 workers / 1 = 1.60x")
                .contains("knnOneAtATime throughput 2 threads / 1 = 2.00x")
                .contains("k=10")
                .doesNotContain("workers=");
    }

    @Test
    void peerRatiosCompareOurKnnAndBatchWithNumpyAndFaiss() {
        Map<String, String> shape = Map.of("dataset", "10000", "dim", "256", "k", "10");
        Map<String, String> ours = new TreeMap<>(shape);
        ours.put("impl", "panama");
        Map<String, String> oneWorker = new TreeMap<>(shape);
        oneWorker.put("workers", "1");
        Map<String, String> numpy = new TreeMap<>(shape);
        numpy.put("peer", "numpy");
        Map<String, String> faiss = new TreeMap<>(shape);
        faiss.put("peer", "faiss");
        List<BenchmarkResult> rows = List.of(
                row("knn", ours, "us/op", 200),
                row("knnOneAtATime", shape, "us/op", 250),
                row("knnBatch", oneWorker, "us/op", 60),
                row("pythonKnn", numpy, "us/op", 160),
                row("pythonKnn", faiss, "ms/op", 2.0),
                row("pythonKnnBatch", numpy, "us/op", 150),
                row("pythonKnnBatch", faiss, "us/op", 120));
        String report = PeerRatios.report(rows);
        assertThat(report).contains("knn(panama) / numpy one query = 1.25x")
                .contains("knnOneAtATime / numpy one query = 1.56x")
                .contains("knn(panama) / faiss one query = 0.10x  (Debian's FAISS is a generic build: no AVX2")
                .contains("knnBatch per query (1 worker) / numpy batch of 32 per query = 0.40x")
                .contains("knnBatch per query (1 worker) / faiss batch of 32 per query = 0.50x");
        assertThat(report.lines().filter(l -> l.contains("numpy batch")).findFirst().orElseThrow())
                .doesNotContain("generic build");
    }

    @Test
    void defaultProgressFollowsSystemOutAsANotebookKernelSwapsIt() {
        ConsoleProgress progress = new ConsoleProgress();
        BenchPoint point = new BenchPoint(Suite.PEERS, "plainRead", "avgt", new TreeMap<>());
        BenchPlan plan = new BenchPlan(Profile.QUICK, Shard.ALL, List.of(point), 1);
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream cell = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(cell, true, java.nio.charset.StandardCharsets.UTF_8));
            progress.started(plan, Duration.ofSeconds(90));
            progress.benchmarkFinished(0, point, List.of(row("plainRead", Map.of(), "us/op", 130)),
                    Duration.ofSeconds(8), Duration.ZERO);
        } finally {
            System.setOut(original);
        }
        assertThat(cell.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("1 benchmarks, profile quick, about 1m30s")
                .contains("[1/1] peers.plainRead")
                .contains("130 ± 0 us/op  (8s, 0s left)");
    }

    private static BenchmarkResult row(String name, Map<String, String> params, String unit, double score) {
        return new BenchmarkResult("peers", name, new TreeMap<>(params), "avgt",
                new Metric(unit, score, 0, score, score, List.of(List.of(score))), Map.of());
    }
}
