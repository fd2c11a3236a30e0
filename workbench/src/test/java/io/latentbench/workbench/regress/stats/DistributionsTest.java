package io.latentbench.workbench.regress.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** The facades over Commons Statistics give the textbook values the gate relies on. */
class DistributionsTest {

    @Test
    void normalTailsAndQuantilesMatchTables() {
        assertThat(NormalDistribution.upperTail(0)).isEqualTo(0.5);
        assertThat(NormalDistribution.upperTail(1.959963984540054)).isCloseTo(0.025, within(1e-15));
        assertThat(NormalDistribution.upperTail(-1.959963984540054)).isCloseTo(0.975, within(1e-15));
        // far out, where 1 - cdf would have cancelled to 0 and the old erfc fit was off by percents
        assertThat(NormalDistribution.upperTail(8)).isCloseTo(6.220960574271785e-16, Percentage.withPercentage(1e-6));
        assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(NormalDistribution.quantile(0.5)).isCloseTo(0, within(1e-15));
    }

    @Test
    void studentQuantilesMatchTablesOnBothSides() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.7062047361747, within(1e-9));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.302652729911275, within(1e-9));
        assertThat(StudentT.quantile(0.995, 10)).isCloseTo(3.169272672616949, within(1e-9));
        assertThat(StudentT.quantile(0.025, 4)).isCloseTo(-StudentT.quantile(0.975, 4), within(1e-12));
        assertThat(StudentT.normalQuantile(0.975)).isEqualTo(NormalDistribution.quantile(0.975));
    }

    @Test
    void studentCdfInvertsItsQuantile() {
        for (int df : new int[] {1, 3, 4, 9, 30, 200}) {
            for (double p : new double[] {0.001, 0.1, 0.5, 0.9, 0.975, 0.9995}) {
                assertThat(StudentT.cdf(StudentT.quantile(p, df), df)).as("df %d, p %s", df, p).isCloseTo(p, within(1e-12));
            }
        }
    }

    @Test
    void levelsOutsideTheOpenUnitIntervalAndNoDegreesOfFreedomAreRefused() {
        assertThatThrownBy(() -> StudentT.quantile(1.0, 4)).hasMessageContaining("quantile level 1.0 must be in (0, 1)");
        assertThatThrownBy(() -> StudentT.quantile(Double.NaN, 4)).hasMessageContaining("quantile level NaN");
        assertThatThrownBy(() -> NormalDistribution.quantile(0)).hasMessageContaining("quantile level 0.0");
        assertThatThrownBy(() -> StudentT.quantile(0.9, 0)).hasMessageContaining("at least 1 degree of freedom, got 0");
    }
}
