package io.latentbench.workbench.regress.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchLogRatioTest {

    @Test
    void twoAndTwoWithEqualSpreadMatchTheTwoDegreeOfFreedomFormula() {
        // logs: a = {0, 0.02}, b = {0.3, 0.32}: difference 0.3, each variance 0.0002, se = sqrt(0.0002) on 2 df
        double[] a = {1, Math.exp(0.02)};
        double[] b = {Math.exp(0.3), Math.exp(0.32)};
        WelchLogRatio.Result r = WelchLogRatio.test(a, b, 0.95);
        double se = Math.sqrt(0.0002);
        double t = 0.3 / se;
        assertThat(r.df()).isEqualTo(2);
        assertThat(r.ratio()).isCloseTo(Math.exp(0.3), within(1e-12));
        assertThat(r.pValue()).isCloseTo(1 - t / Math.sqrt(2 + t * t), within(1e-6));
        assertThat(r.low()).isCloseTo(Math.exp(0.3 - 4.302653 * se), within(1e-4));
        assertThat(r.high()).isCloseTo(Math.exp(0.3 + 4.302653 * se), within(1e-4));
    }

    @Test
    void needsTwoPositiveValuesASide() {
        assertThatThrownBy(() -> WelchLogRatio.test(new double[] {1}, new double[] {1, 2}, 0.95))
                .hasMessageContaining("2 or more values a side, got 1 and 2");
        assertThatThrownBy(() -> WelchLogRatio.test(new double[] {1, -1}, new double[] {1, 2}, 0.95))
                .hasMessageContaining("positive values, got -1.0");
        assertThat(WelchLogRatio.test(new double[] {2, 2}, new double[] {2, 2}, 0.95).pValue()).isEqualTo(1.0);
    }
}
