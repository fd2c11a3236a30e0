package io.latentbench.workbench.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.regress.baseline.BaselineStore;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.report.VerdictCharts;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import tech.tablesaw.api.Table;

class RegressionGateTest {

    @TempDir
    Path dir;

    /** The synthetic suite with benchmark {@code index} scaled by {@code factor}: index 1 is latency.knn at d=256. */
    private static List<Synthetic.Bench> slowed(int index, double factor) {
        List<Synthetic.Bench> out = new ArrayList<>(Synthetic.suite());
        out.set(index, out.get(index).scaled(factor));
        return out;
    }

    private Path write(String name, ResultSet set) {
        Path file = dir.resolve(name);
        ResultFiles.writeResultsJson(set, file);
        return file;
    }

    @Test
    void aThirtyPercentSlowerKnnFailsTheGateWithACriterionStyleMessage() {
        Path base = write("base.json", new Synthetic(1, 5, 5, 0.02, 0.01).run(Synthetic.suite()));
        Path cur = write("cur.json", new Synthetic(2, 5, 5, 0.02, 0.01).run(slowed(1, 1.30)));

        GateResult r = RegressionGate.withConfig(RegressionConfig.defaults()).compare(base, cur);

        String knn = Synthetic.suite().get(1).key();
        assertThat(r.regressions()).extracting(c -> c.id().toString()).containsExactly(knn);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.failsBuild()).isTrue();
        assertThatThrownBy(r::check).isInstanceOf(PerformanceRegressionException.class)
                .hasMessageStartingWith("Performance has regressed: 1 of ")
                .hasMessageContaining(knn)
                .hasMessageMatching("(?s).*change: \\[\\+\\d+\\.\\d% \\+(2[5-9]|3[0-5])\\.\\d% \\+\\d+\\.\\d%\\] \\(p = .* < 0\\.05\\),"
                        + " threshold \\+5% \\(latency\\.knn_search\\).*")
                .satisfies(e -> assertThat(((PerformanceRegressionException) e).regressions()).hasSize(1));

        Table table = r.table();
        assertThat(table.rowCount()).isEqualTo(r.report().comparisons().size());
        assertThat(table.stringColumn("verdict").get(0)).isEqualTo("Regression");
        assertThat(table.stringColumn("benchmark").get(0)).isEqualTo(knn);
        assertThat(table.doubleColumn("worse_pct").get(0)).isBetween(20.0, 40.0);
        assertThat(table.doubleColumn("threshold_pct").get(0)).isEqualTo(5.0);
        assertThat(r.markdown()).startsWith("## \u274c Benchmarks: 1 regression(s)");
        assertThat(r.html()).contains("<img").contains(knn);
    }

    @Test
    void theChartShowsEachPrimaryScoreAgainstItsThresholdColouredByVerdict() {
        Path base = write("base.json", new Synthetic(1, 5, 5, 0.02, 0.01).run(Synthetic.suite()));
        Path cur = write("cur.json", new Synthetic(2, 5, 5, 0.02, 0.01).run(slowed(1, 1.30)));

        CategoryChart chart = RegressionGate.withConfig(RegressionConfig.defaults()).compare(base, cur).chart();

        CategorySeries regression = chart.getSeries("Regression");
        List<String> labels = new ArrayList<>();
        regression.getXData().forEach(x -> labels.add(x.toString()));
        assertThat(labels).hasSize(Synthetic.suite().size()).contains(Synthetic.suite().get(1).key());
        // a category without a bar of this verdict has NaN (XChart 4 keeps y values as doubles)
        assertThat(Arrays.stream(regression.getYData()).filter(y -> !Double.isNaN(y)).boxed()).singleElement()
                .satisfies(y -> assertThat(y).isBetween(20.0, 40.0));
        CategorySeries threshold = chart.getSeries("threshold (worse by more fails)");
        assertThat(threshold.getChartCategorySeriesRenderStyle()).contains(CategorySeries.CategorySeriesRenderStyle.Line);
        assertThat(threshold.getYData()[labels.indexOf(Synthetic.suite().get(1).key())]).isEqualTo(5.0);
        assertThat(VerdictCharts.png(chart)).isNotEmpty();
    }

    @Test
    void aRateThatDropsIsWorseAndAgainstTheThresholdReadsPositive() {
        // index 6 is throughput.parallelKnn in ops/s: 30 % fewer operations per second is 30 % worse
        Path base = write("base.json", new Synthetic(1, 5, 5, 0.02, 0.01).run(Synthetic.suite()));
        Path cur = write("cur.json", new Synthetic(2, 5, 5, 0.02, 0.01).run(slowed(6, 0.70)));

        GateResult r = RegressionGate.withConfig(RegressionConfig.defaults()).compare(base, cur);

        Comparison c = r.regressions().getFirst();
        assertThat(c.id().benchmark()).startsWith("throughput.parallelKnn");
        assertThat(VerdictCharts.worsePercent(c)).isBetween(25.0, 35.0);
        assertThat(r.failureMessage()).contains("threshold -10% (throughput.parallel_search)");
    }

    @Test
    void theSameNumbersOnBothSidesPass() {
        Path run = write("run.json", new Synthetic(1, 5, 5, 0.02, 0.01).run(Synthetic.suite()));

        GateResult r = RegressionGate.withConfig(RegressionConfig.defaults()).compare(run, run);

        assertThat(r.regressions()).isEmpty();
        assertThat(r.report().count(Verdict.NO_CHANGE)).isEqualTo(r.report().comparisons().size());
        assertThat(r.exitCode()).isZero();
        assertThat(r.failureMessage()).isEmpty();
        r.check();
    }

    @Test
    void inconclusiveVerdictsNeverFailTheGate() {
        // one fork a side: even a doubling cannot be tested
        Path base = write("base.json", new Synthetic(1, 1, 5, 0.02, 0.01).run(Synthetic.suite()));
        Path cur = write("cur.json", new Synthetic(2, 1, 5, 0.02, 0.01).run(slowed(1, 2.0)));

        GateResult r = RegressionGate.withConfig(RegressionConfig.defaults()).compare(base, cur);

        assertThat(r.inconclusive()).hasSize(r.report().comparisons().size());
        assertThat(r.inconclusive().getFirst().reason()).contains("untested");
        assertThat(r.exitCode()).isZero();
        r.check();
        assertThat(r.chart().getSeries("Inconclusive")).isNotNull();
    }

    @Test
    void failCiFalseReportsTheRegressionWithoutFailing() throws Exception {
        Files.writeString(dir.resolve(RegressionGate.CONFIG_FILE), "[regression_actions]\nfail_ci = false\n");
        Path base = write("base.json", new Synthetic(1, 5, 5, 0.02, 0.01).run(Synthetic.suite()));
        Path cur = write("cur.json", new Synthetic(2, 5, 5, 0.02, 0.01).run(slowed(1, 1.30)));

        GateResult r = RegressionGate.forBaselines(dir).compare(base, cur);

        assertThat(r.regressions()).hasSize(1);
        assertThat(r.report().exitCode()).isEqualTo(1);
        assertThat(r.exitCode()).isZero();
        r.check();
    }

    @Test
    void theUniformThresholdAndCalibrationOverridesReachTheVerdicts() {
        Path base = write("base.json", new Synthetic(1, 5, 5, 0.02, 0.01).run(Synthetic.suite()));
        Path cur = write("cur.json", new Synthetic(2, 5, 5, 0.02, 0.01).run(slowed(1, 1.30)));

        GateResult lenient = RegressionGate.withConfig(RegressionConfig.defaults()).threshold(50).compare(base, cur);
        assertThat(lenient.regressions()).isEmpty();
        assertThat(lenient.report().comparisons()).allSatisfy(c -> assertThat(c.thresholdPercent()).isEqualTo(50.0));

        String reference = Synthetic.suite().get(0).key();
        GateResult calibrated = RegressionGate.withConfig(RegressionConfig.defaults()).calibrate(reference).compare(base, cur);
        assertThat(calibrated.report().mode()).isEqualTo("calibrated against " + reference);

        assertThatThrownBy(() -> RegressionGate.withConfig(RegressionConfig.defaults()).threshold(-1))
                .hasMessageContaining("threshold -1.0 must be a positive percentage");
        assertThatThrownBy(() -> RegressionGate.withConfig(RegressionConfig.defaults()).calibrate(" "))
                .hasMessageContaining("calibrate needs the key of a reference benchmark");
    }

    @Test
    void aTestbedWithoutBaselineGetsOneFromTheRunAndTheNextRunIsJudgedAgainstIt() {
        BaselineStore store = new BaselineStore(dir.resolve("baselines"));
        ResultSet first = new Synthetic(1, 5, 5, 0.02, 0.01).run(Synthetic.suite());
        Path firstFile = write("first.json", first);
        String testbed = first.info().testbed();

        GateResult created = RegressionGate.forBaselines(store.root()).againstStore(store, firstFile);

        assertThat(created.baselineCreated()).isTrue();
        assertThat(created.createdBaseline()).contains(store.file(testbed));
        assertThat(store.read(testbed)).isPresent();
        assertThat(created.exitCode()).isZero();
        assertThat(created.markdown()).startsWith("> The testbed had no baseline: baselines.json was created");

        Path slower = write("second.json", new Synthetic(2, 5, 5, 0.02, 0.01).run(slowed(1, 1.30)));
        GateResult judged = RegressionGate.forBaselines(store.root()).againstStore(store, slower);

        assertThat(judged.baselineCreated()).isFalse();
        assertThat(judged.regressions()).extracting(c -> c.id().toString()).containsExactly(Synthetic.suite().get(1).key());
        assertThat(judged.report().baselineSide().source()).contains(store.file(testbed).toString());
        // each file parsed once and the new baseline taken as written, yet the same reports as from the files
        RegressionGate fromFiles = RegressionGate.forBaselines(store.root()).testbed(testbed);
        assertThat(created.report()).isEqualTo(fromFiles.compare(store.file(testbed), firstFile).report());
        assertThat(judged.report()).isEqualTo(fromFiles.compare(store.file(testbed), slower).report());
    }

    @Test
    void aRelativeRunInHandIsJudgedAsItsFileIs() {
        io.latentbench.workbench.results.relative.RelativeRun run = PairedComparerTest.run(List.of(
                PairedComparerTest.duet(new java.util.Random(5), "peers", "knn", java.util.Map.of("k", "10"), "us/op", 8, 1.3, 0.002),
                PairedComparerTest.duet(new java.util.Random(6), "latency", "add", java.util.Map.of(), "us/op", 8, 1.0, 0.002)),
                List.of());
        Path file = dir.resolve("relative.json");
        io.latentbench.workbench.results.relative.RelativeRunJson.write(run, file);
        RegressionGate gate = RegressionGate.withConfig(RegressionConfig.defaults());

        GateResult inHand = gate.relative(run, file.toString());

        assertThat(inHand.report()).isEqualTo(gate.relative(file).report());
        assertThat(inHand.regressions()).extracting(c -> c.id().toString()).containsExactly("peers.knn[k=10]");
    }

    @Test
    void aCorruptBaselineIsAnErrorAndIsLeftAsItIs() throws Exception {
        BaselineStore store = new BaselineStore(dir.resolve("baselines"));
        ResultSet run = new Synthetic(1, 5, 5, 0.02, 0.01).run(Synthetic.suite());
        Path file = store.file(run.info().testbed());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ not json");

        assertThatThrownBy(() -> RegressionGate.forBaselines(store.root()).againstStore(store, write("run.json", run)))
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("{ not json");
    }
}
