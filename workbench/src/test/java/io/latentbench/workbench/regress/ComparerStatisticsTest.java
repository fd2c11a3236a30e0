package io.latentbench.workbench.regress;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.report.MarkdownReport;
import io.latentbench.workbench.regress.report.TextReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** A statistic of change plugs into the comparer by implementing {@link ChangeTest}, nothing else. */
class ComparerStatisticsTest {

    private static final RegressionConfig CONFIG = RegressionConfig.defaults();

    /**
     * Not one of the gate's tests: Student's t with pooled variance on the logs of the fork means, its
     * interval that of the ratio of geometric means. Written here only against the interface.
     */
    static final class PooledStudentT implements ChangeTest {

        @Override
        public String name() {
            return "pooled Student t on log fork means";
        }

        @Override
        public String method(double alpha, double confidence) {
            return String.format(Locale.ROOT, "pooled Student t on the logs of the per-fork means (alpha %s), %.0f%%"
                    + " interval of the ratio of geometric means", alpha, confidence * 100);
        }

        @Override
        public double smallestPossibleP(int baselineForks, int currentForks) {
            return baselineForks >= 2 && currentForks >= 2 ? 0 : 1;
        }

        @Override
        public boolean accepts(double[] baseline, double[] current) {
            return true; // the comparer's samples are fork means of times and rates: positive
        }

        @Override
        public ChangeStatistics test(Samples s, double confidence) {
            double[] a = logs(s.baseline());
            double[] b = logs(s.current());
            double diff = mean(b) - mean(a);
            int df = a.length + b.length - 2;
            double pooled = (squares(a) + squares(b)) / df;
            double se = Math.sqrt(pooled * (1.0 / a.length + 1.0 / b.length));
            TDistribution t = TDistribution.of(df);
            double p = 2 * t.survivalProbability(Math.abs(diff / se));
            double q = t.inverseSurvivalProbability((1 - confidence) / 2);
            return new ChangeStatistics(a.length, b.length, p, false, Math.exp(diff), Math.exp(diff - q * se),
                    Math.exp(diff + q * se));
        }

        private static double[] logs(double[] v) {
            return Arrays.stream(v).map(Math::log).toArray();
        }

        private static double mean(double[] v) {
            return Arrays.stream(v).average().orElseThrow();
        }

        private static double squares(double[] v) {
            double m = mean(v);
            return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum();
        }
    }

    /** A test that never finds a p value, as one whose assumptions the samples break. */
    record Abstaining() implements ChangeTest {
        @Override
        public String name() {
            return "an abstaining test";
        }

        @Override
        public String method(double alpha, double confidence) {
            return "abstains";
        }

        @Override
        public double smallestPossibleP(int baselineForks, int currentForks) {
            return 0;
        }

        @Override
        public boolean accepts(double[] baseline, double[] current) {
            return true;
        }

        @Override
        public ChangeStatistics test(Samples s, double confidence) {
            return ChangeStatistics.estimateOnly(s.baseline().length, s.current().length, 1.25);
        }
    }

    private static List<Synthetic.Bench> slower(int index, double factor) {
        List<Synthetic.Bench> out = new ArrayList<>(Synthetic.suite());
        out.set(index, out.get(index).scaled(factor));
        return out;
    }

    private static Comparison row(ComparisonReport report, String key) {
        return report.comparisons().stream().filter(c -> c.id().equals(MeasurementId.primary(key))).findFirst()
                .orElseThrow();
    }

    @Test
    void aNewStatisticChosenThroughTheConstructorJudgesAndTheHeaderStatesIt() {
        PooledStudentT pooled = new PooledStudentT();
        MeasurementSet base = new Synthetic(1, 5, 5, 0.02, 0.01).measure(Synthetic.suite(), "base");
        MeasurementSet cur = new Synthetic(2, 5, 5, 0.02, 0.01).measure(slower(1, 1.25), "cur");

        ComparisonReport report = new Comparer(CONFIG, new ChangeTests(pooled, pooled)).compare(base, cur);

        String slowed = Synthetic.suite().get(1).key();
        assertThat(report.with(Verdict.REGRESSION)).extracting(c -> c.id().toString()).containsExactly(slowed);
        Comparison r = row(report, slowed);
        // the evidence is the new statistic's: the geometric-mean ratio and its t p value, not the rank test's
        Measurement b = r.baseline().orElseThrow();
        assertThat(r.statistics().orElseThrow()).isEqualTo(pooled.test(
                new ChangeTest.Samples(r.id(), b.samples(), r.current().samples(), r.direction()), 0.95));
        assertThat(r.statistics().orElseThrow().exactP()).isFalse();
        assertThat(r.reason()).doesNotContain(pooled.name()); // the header names the primary once
        assertThat(TextReport.render(report))
                .contains("Method:   pooled Student t on the logs of the per-fork means (alpha 0.05), 95% interval of"
                        + " the ratio of geometric means; " + Comparer.RULE)
                .doesNotContain("Mann-Whitney");
        assertThat(MarkdownReport.render(report)).contains("pooled Student t on the logs of the per-fork means");
    }

    @Test
    void aNewStatisticForFewForksIsNamedInTheVerdictsItDecides() {
        PooledStudentT pooled = new PooledStudentT();
        ChangeTests standard = ChangeTests.standard(CONFIG.statistics());
        MeasurementSet base = new Synthetic(31, 3, 5, 0.012, 0.005).measure(Synthetic.suite(), "base");
        MeasurementSet cur = new Synthetic(32, 3, 5, 0.012, 0.005).measure(slower(1, 1.3), "cur");

        ComparisonReport report = new Comparer(CONFIG, new ChangeTests(standard.primary(), pooled)).compare(base, cur);

        Comparison knn = row(report, Synthetic.suite().get(1).key());
        assertThat(knn.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(knn.reason()).contains("(pooled Student t on log fork means, p = ").doesNotContain("Welch");
        assertThat(TextReport.render(report)).contains("Method:   Mann-Whitney U on per-fork means (alpha 0.05)");
    }

    @Test
    void evidenceWithoutAPValueIsInconclusiveAndNamesTheTest() {
        MeasurementSet base = new Synthetic(1, 5, 5, 0.02, 0.01).measure(Synthetic.suite(), "base");
        MeasurementSet cur = new Synthetic(2, 5, 5, 0.02, 0.01).measure(slower(1, 1.25), "cur");

        ComparisonReport report = new Comparer(CONFIG, new ChangeTests(new Abstaining(), new Abstaining()))
                .compare(base, cur);

        Comparison knn = row(report, Synthetic.suite().get(1).key());
        assertThat(knn.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(knn.reason()).isEqualTo("an abstaining test could not test these samples; the +25.0% change is untested");
        assertThat(report.hasRegression()).isFalse();
    }

    @Test
    void theSelectionTakesThePrimaryWhereItCanReachAlpha() {
        ChangeTests standard = ChangeTests.standard(CONFIG.statistics());
        assertThat(standard.primary()).isInstanceOf(RankSumWithBootstrap.class);
        assertThat(standard.fewForks()).isInstanceOf(WelchOnLogs.class);
        // the rank test's smallest p: 0.1 with 3 + 3 forks, 2/70 with 4 + 4, 2/252 with 5 + 5
        assertThat(standard.pick(3, 3, 0.05)).isSameAs(standard.fewForks());
        assertThat(standard.pick(4, 4, 0.05)).isSameAs(standard.primary());
        assertThat(standard.pick(4, 4, 0.01)).isSameAs(standard.fewForks());
        assertThat(standard.pick(5, 5, 0.01)).isSameAs(standard.primary());
        assertThat(standard.pick(2, 10, 0.05)).isSameAs(standard.primary()); // 2/66
    }

    @Test
    void welchOnLogsRefusesSamplesThatAreNotPositive() {
        WelchOnLogs welch = new WelchOnLogs();
        assertThat(welch.accepts(new double[] {1, 2}, new double[] {3, 4})).isTrue();
        assertThat(welch.accepts(new double[] {1, 0}, new double[] {3, 4})).isFalse();
        assertThat(welch.accepts(new double[] {1, 2}, new double[] {-3, 4})).isFalse();
        assertThat(new RankSumWithBootstrap(1000, 1).accepts(new double[] {1, 0}, new double[] {-3, 4})).isTrue();
    }
}
