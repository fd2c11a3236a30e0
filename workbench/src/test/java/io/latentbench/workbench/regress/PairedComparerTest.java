package io.latentbench.workbench.regress;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.results.RunInfo;
import io.latentbench.workbench.results.relative.ForkPair;
import io.latentbench.workbench.results.relative.PairedBenchmark;
import io.latentbench.workbench.results.relative.RelativeRun;
import io.latentbench.workbench.results.relative.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PairedComparerTest {

    private static final RunInfo MACHINE = new RunInfo(Instant.parse("2026-12-05T10:00:00Z"), "abc", "quick", "25.0.3",
            "AMD EPYC (AVX-512)", 2);

    private final PairedComparer comparer = new PairedComparer(RegressionConfig.defaults());

    /**
     * A duet benchmark: per pair a machine state both sides share (it moves 20 % between pairs),
     * a fork effect per side of {@code forkSd} (log units), 3 iterations with shared jitter.
     */
    static PairedBenchmark duet(Random random, String suite, String method, Map<String, String> params, String unit,
            int pairs, double change, double forkSd) {
        List<ForkPair> out = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            double machine = random.nextGaussian() * 0.2;
            double fb = random.nextGaussian() * forkSd;
            double fh = random.nextGaussian() * forkSd;
            List<Double> b = new ArrayList<>();
            List<Double> h = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                double shared = random.nextGaussian() * 0.02;
                b.add(50 * Math.exp(machine + fb + shared + random.nextGaussian() * 0.01));
                h.add(50 * change * Math.exp(machine + fh + shared + random.nextGaussian() * 0.01));
            }
            out.add(new ForkPair(i, "together", i % 2, (i + 1) % 2, b, h));
        }
        String key = suite + "." + method + (params.isEmpty() ? "" : "[" + String.join(",",
                new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + "]");
        return new PairedBenchmark(key, suite, method, new TreeMap<>(params), unit, out);
    }

    static RelativeRun run(List<PairedBenchmark> benchmarks, List<String> headOnly) {
        return new RelativeRun(Schedule.DUET, 42, new RelativeRun.Revision("HEAD^1", "aaaa"),
                new RelativeRun.Revision("working tree", "bbbb"), MACHINE, 3, 3, benchmarks, headOnly);
    }

    private ComparisonReport judge(PairedBenchmark... benchmarks) {
        return comparer.compare(run(List.of(benchmarks), List.of()), "relative.json");
    }

    private static final Map<String, String> KNN = Map.of("impl", "panama", "k", "10", "dim", "256", "dataset", "10000");

    @Test
    void aTenPercentSlowerKnnIsARegressionInNearlyEveryRunAndAnUnchangedOneNever() {
        Random random = new Random(21);
        int regressions = 0;
        int falseAlarms = 0;
        int runs = 500;
        for (int run = 0; run < runs; run++) {
            Comparison slower = judge(duet(random, "peers", "knn", KNN, "us/op", 5, 1.10, 0.022)).comparisons().getFirst();
            if (slower.verdict() == Verdict.REGRESSION) {
                regressions++;
            }
            Verdict same = judge(duet(random, "peers", "knn", KNN, "us/op", 5, 1.0, 0.022)).comparisons().getFirst().verdict();
            if (same == Verdict.REGRESSION || same == Verdict.IMPROVEMENT) {
                falseAlarms++;
            }
        }
        assertThat(regressions / (double) runs).isGreaterThan(0.97);
        assertThat(falseAlarms).isZero();
    }

    @Test
    void theVerdictNeedsTheEstimatePastTheThresholdNotOnlySignificance() {
        // knn's threshold is 5 %: a tight 3 % slowdown is significant and still NoChange
        Comparison c = judge(duet(new Random(3), "peers", "knn", KNN, "us/op", 8, 1.03, 0.002)).comparisons().getFirst();
        assertThat(c.statistics().orElseThrow().pValue()).isLessThan(0.05);
        assertThat(c.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(c.reason()).contains("within the 5.0% threshold");
    }

    @Test
    void fewerOperationsPerSecondIsWorseAndMoreIsAnImprovement() {
        Map<String, String> p = Map.of("batch", "32", "queries", "32");
        Comparison worse = judge(duet(new Random(4), "throughput", "queriesPerSecond", p, "ops/s", 5, 0.8, 0.01))
                .comparisons().getFirst();
        assertThat(worse.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(worse.reason()).startsWith("worse by 20");
        Comparison better = judge(duet(new Random(5), "throughput", "queriesPerSecond", p, "ops/s", 5, 1.25, 0.01))
                .comparisons().getFirst();
        assertThat(better.verdict()).isEqualTo(Verdict.IMPROVEMENT);
    }

    @Test
    void referencesAreReportedNotJudgedOnePairIsInconclusiveAndNewBenchmarksAreNew() {
        ComparisonReport r = comparer.compare(run(List.of(
                duet(new Random(6), "peers", "knn", Map.of("impl", "scalar", "k", "10"), "us/op", 5, 1.5, 0.01),
                duet(new Random(7), "latency", "knn", Map.of("k", "10"), "us/op", 1, 1.5, 0.01)),
                List.of("peers.knnNew[k=10]")), "relative.json");
        assertThat(r.comparisons()).extracting(Comparison::verdict)
                .containsExactly(Verdict.REFERENCE, Verdict.INCONCLUSIVE, Verdict.NEW_BENCHMARK);
        assertThat(r.comparisons().get(1).reason()).contains("one pair only");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void theModeNamesTheScheduleAndBothRevisions() {
        ComparisonReport r = judge(duet(new Random(8), "peers", "knn", KNN, "us/op", 5, 1.0, 0.02));
        assertThat(r.mode()).startsWith(PairedComparer.MODE_PREFIX).contains("duet").contains("5 fork pairs")
                .contains("HEAD^1 (aaaa)").contains("working tree (bbbb)");
        assertThat(r.baselineSide().measurements().values().iterator().next().forks()).isEqualTo(5);
    }
}
