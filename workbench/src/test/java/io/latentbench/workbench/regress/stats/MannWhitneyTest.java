package io.latentbench.workbench.regress.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void completeSeparationOfFourAndFourIsTwoOutOfSeventy() {
        MannWhitney.Result r = MannWhitney.test(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8});
        assertThat(r.exact()).isTrue();
        assertThat(r.u()).isZero();
        assertThat(r.pValue()).isCloseTo(2.0 / 70, within(1e-12));
        assertThat(MannWhitney.smallestPossibleP(4, 4)).isCloseTo(2.0 / 70, within(1e-12));
        assertThat(MannWhitney.smallestPossibleP(3, 3)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void identicalSamplesGiveOne() {
        assertThat(MannWhitney.test(new double[] {5, 5, 5}, new double[] {5, 5, 5}).pValue()).isEqualTo(1.0);
        assertThat(MannWhitney.test(new double[] {1, 2, 3}, new double[] {1, 2, 3}).pValue()).isEqualTo(1.0);
    }

    @Test
    void exactMatchesBruteForcePermutationsIncludingTies() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n1 = 1 + random.nextInt(5);
            int n2 = 1 + random.nextInt(5);
            double[] a = new double[n1];
            double[] b = new double[n2];
            // few distinct values, so ties are frequent
            for (int i = 0; i < n1; i++) {
                a[i] = random.nextInt(4);
            }
            for (int i = 0; i < n2; i++) {
                b[i] = random.nextInt(4) + (trial % 3 == 0 ? 1 : 0);
            }
            assertThat(MannWhitney.test(a, b).pValue()).as("trial %d", trial)
                    .isCloseTo(bruteForceP(a, b), within(1e-9));
        }
    }

    @Test
    void normalApproximationAgreesWithExactNearTheLimit() {
        Random random = new Random(11);
        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = random.nextGaussian();
            b[i] = random.nextGaussian() + 0.5;
        }
        double exact = MannWhitney.test(a, b).pValue();
        double[] a2 = new double[31];
        System.arraycopy(a, 0, a2, 0, 30);
        a2[30] = 0.0;
        MannWhitney.Result approx = MannWhitney.test(a2, b);
        assertThat(approx.exact()).isFalse();
        assertThat(approx.pValue()).isCloseTo(exact, within(0.02));
    }

    @Test
    void exactAgreesWithCommonsStatisticsOnSamplesWithoutTies() {
        MannWhitneyUTest reference = MannWhitneyUTest.withDefaults()
                .with(AlternativeHypothesis.TWO_SIDED).with(PValueMethod.EXACT);
        Random random = new Random(19);
        int significant = 0;
        for (int trial = 0; trial < 1000; trial++) {
            int n1 = 1 + random.nextInt(30);
            int n2 = 1 + random.nextInt(30);
            double[] a = gaussians(random, n1, 0);
            double[] b = gaussians(random, n2, trial % 2 == 0 ? 0 : 1.5);
            MannWhitney.Result ours = MannWhitney.test(a, b);
            MannWhitneyUTest.Result theirs = reference.test(a, b);
            assertThat(theirs.hasTiedValues()).isFalse();
            assertThat(ours.exact()).isTrue();
            assertThat(ours.u()).as("U, trial %d (%d vs %d)", trial, n1, n2).isEqualTo(theirs.getStatistic());
            assertThat(ours.pValue()).as("p, trial %d (%d vs %d)", trial, n1, n2)
                    .isCloseTo(theirs.getPValue(), within(1e-12 + 1e-9 * theirs.getPValue()));
            significant += ours.pValue() < 0.05 ? 1 : 0;
        }
        // both regimes were exercised: shifted samples are mostly told apart, equal ones mostly not
        assertThat(significant).isBetween(250, 550);
    }

    @Test
    void normalApproximationAgreesWithCommonsStatisticsAboveTheExactLimit() {
        MannWhitneyUTest reference = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .with(PValueMethod.ASYMPTOTIC).with(ContinuityCorrection.ENABLED);
        Random random = new Random(23);
        for (int trial = 0; trial < 300; trial++) {
            int n1 = 20 + random.nextInt(60);
            int n2 = Math.max(1, MannWhitney.EXACT_LIMIT + 1 - n1) + random.nextInt(40);
            double[] a = gaussians(random, n1, 0);
            double[] b = gaussians(random, n2, random.nextDouble());
            MannWhitney.Result ours = MannWhitney.test(a, b);
            MannWhitneyUTest.Result theirs = reference.test(a, b);
            assertThat(ours.exact()).isFalse();
            assertThat(ours.u()).isEqualTo(theirs.getStatistic());
            assertThat(ours.pValue()).as("p, trial %d (%d vs %d)", trial, n1, n2)
                    .isCloseTo(theirs.getPValue(), within(1e-12 + 1e-9 * theirs.getPValue()));
        }
    }

    /** Continuous values: ties have probability zero. */
    private static double[] gaussians(Random random, int n, double shift) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() + shift;
        }
        return values;
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}))
                .hasMessageContaining("first sample is empty");
        assertThatThrownBy(() -> MannWhitney.test(new double[] {1}, new double[] {Double.NaN}))
                .hasMessageContaining("second sample contains NaN");
    }

    /** Two-sided permutation p-value of the difference of rank sums, by enumeration. */
    private static double bruteForceP(double[] a, double[] b) {
        int n1 = a.length;
        int n = n1 + b.length;
        double[] pooled = new double[n];
        System.arraycopy(a, 0, pooled, 0, n1);
        System.arraycopy(b, 0, pooled, n1, b.length);
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            double less = 0;
            double equal = 0;
            for (int j = 0; j < n; j++) {
                if (pooled[j] < pooled[i]) {
                    less++;
                } else if (pooled[j] == pooled[i]) {
                    equal++;
                }
            }
            ranks[i] = less + (equal + 1) / 2;
        }
        double observed = 0;
        for (int i = 0; i < n1; i++) {
            observed += ranks[i];
        }
        double mean = n1 * (n + 1) / 2.0;
        int extreme = 0;
        int total = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != n1) {
                continue;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    sum += ranks[i];
                }
            }
            total++;
            if (Math.abs(sum - mean) >= Math.abs(observed - mean) - 1e-9) {
                extreme++;
            }
        }
        return (double) extreme / total;
    }
}
