package io.latentbench.workbench.regress.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.cli.Main;
import io.latentbench.workbench.regress.config.BaselineManagement;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code lb baseline update} at once on one testbed, as the issue found them losing one side's records:
 * as two processes, and as two threads of one JVM (the notebook gate and a script in one session).
 */
class ConcurrentUpdateTest {

    static final int BENCHMARKS = 1500;

    @TempDir
    Path dir;

    /** {@code count} benchmarks named {@code prefix0..}, one fork each. */
    static ResultSet run(String prefix, int count) {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new BenchmarkResult("latency", prefix + i, new TreeMap<>(Map.of("dim", "64")), "avgt",
                    new Metric("us/op", 10 + i, Double.NaN, Double.NaN, Double.NaN, List.of(List.of(10.0 + i))),
                    Map.of()));
        }
        return new ResultSet(new RunInfo(Instant.parse("2026-12-01T10:00:00Z"), prefix, "quick", "25.0.1",
                "AMD EPYC 9R45", 2), rows);
    }

    @Test
    void twoProcessesUpdatingAtOnceKeepBothRunsRecords() throws Exception {
        Path baselines = dir.resolve("baselines");
        for (int round = 0; round < 3; round++) {
            String a = "a" + round + "_";
            String b = "b" + round + "_";
            Path ra = dir.resolve(a + ".json");
            Path rb = dir.resolve(b + ".json");
            ResultFiles.writeResultsJson(run(a, BENCHMARKS), ra);
            ResultFiles.writeResultsJson(run(b, BENCHMARKS), rb);
            Process pa = update(baselines, ra);
            Process pb = update(baselines, rb);
            assertThat(pa.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(pb.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(pa.exitValue()).as(new String(pa.getInputStream().readAllBytes())).isZero();
            assertThat(pb.exitValue()).as(new String(pb.getInputStream().readAllBytes())).isZero();

            BaselineFile file = BaselineStore.load(baselines.resolve("tb/baselines.json"));
            long fromA = file.baselines().keySet().stream().filter(k -> k.startsWith("latency." + a)).count();
            long fromB = file.baselines().keySet().stream().filter(k -> k.startsWith("latency." + b)).count();
            assertThat(fromA).as("round %d: records of the first update", round).isEqualTo(BENCHMARKS);
            assertThat(fromB).as("round %d: records of the second update", round).isEqualTo(BENCHMARKS);
        }
    }

    @Test
    void twoThreadsUpdatingAtOnceKeepBothRunsRecords() throws Exception {
        BaselineStore store = new BaselineStore(dir.resolve("baselines"));
        BaselineManagement management = RegressionConfig.defaults().baselineManagement();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> updates = new ArrayList<>();
                for (String prefix : List.of("x" + round + "_", "y" + round + "_")) {
                    ResultSet set = run(prefix, 500);
                    updates.add(pool.submit(() -> {
                        start.await();
                        return store.update("tb", set, management, false, Instant.now());
                    }));
                }
                start.countDown();
                for (Future<?> f : updates) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertThat(store.read("tb").orElseThrow().baselines().size()).as("round %d", round).isEqualTo(1000 * (round + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Process update(Path baselines, Path results) throws Exception {
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "baseline", "--testbed", "tb", "update", "--dir", baselines.toString(), "--approve",
                "--results", results.toString())
                .redirectErrorStream(true)
                .start();
    }
}
