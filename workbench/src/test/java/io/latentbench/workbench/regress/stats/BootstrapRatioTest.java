package io.latentbench.workbench.regress.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapRatioTest {

    private static final double[] BASE = {100, 102, 98, 101, 99};
    private static final double[] SLOWER = {125, 127, 123, 126, 124};

    @Test
    void theSameSeedGivesTheSameInterval() {
        assertThat(BootstrapRatio.interval(BASE, SLOWER, 2000, 0.95, 42))
                .isEqualTo(BootstrapRatio.interval(BASE, SLOWER, 2000, 0.95, 42));
    }

    @Test
    void theIntervalBracketsTheRatioOfMeans() {
        BootstrapRatio.Interval i = BootstrapRatio.interval(BASE, SLOWER, 5000, 0.95, 1);
        assertThat(i.ratio()).isCloseTo(1.25, within(1e-12));
        assertThat(i.low()).isLessThan(1.25).isGreaterThan(1.2);
        assertThat(i.high()).isGreaterThan(1.25).isLessThan(1.3);
    }

    @Test
    void smallSamplesGetWiderTails() {
        // the expanded percentile interval: n = 5 uses about 0.1 % tails instead of 2.5 %
        assertThat(BootstrapRatio.expandedTail(0.95, 5)).isBetween(0.0005, 0.0015);
        assertThat(BootstrapRatio.expandedTail(0.95, 1000)).isCloseTo(0.025, within(0.001));
    }

    @Test
    void coverageOfTheTrueRatioIsNearTheNominalLevel() {
        Random random = new Random(3);
        int covered = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            double[] a = new double[5];
            double[] b = new double[5];
            for (int i = 0; i < 5; i++) {
                a[i] = 100 * (1 + 0.05 * random.nextGaussian());
                b[i] = 110 * (1 + 0.05 * random.nextGaussian());
            }
            BootstrapRatio.Interval i = BootstrapRatio.interval(a, b, 2000, 0.95, t);
            if (i.low() <= 1.1 && 1.1 <= i.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isGreaterThan(0.92);
    }

    @Test
    void studentQuantilesMatchTables() {
        assertThat(StudentT.quantile(0.975, 4)).isCloseTo(2.776, within(0.001));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.042, within(0.001));
        assertThat(StudentT.normalQuantile(0.975)).isCloseTo(1.960, within(0.001));
    }

    @Test
    void rejectsUnusableInput() {
        assertThatThrownBy(() -> BootstrapRatio.interval(new double[0], SLOWER, 1000, 0.95, 1)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> BootstrapRatio.interval(BASE, SLOWER, 10, 0.95, 1)).hasMessageContaining("resamples 10");
        assertThatThrownBy(() -> BootstrapRatio.interval(new double[] {0, 0}, SLOWER, 1000, 0.95, 1))
                .hasMessageContaining("baseline mean is 0");
    }
}
