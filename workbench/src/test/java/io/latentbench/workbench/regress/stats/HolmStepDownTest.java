package io.latentbench.workbench.regress.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HolmStepDownTest {

    @Test
    void eachPIsMultipliedByTheMembersNotYetRejectedAndNeverFallsBelowASmallerOnesAdjustment() {
        // sorted 0.01, 0.02, 0.03, 0.04 (given out of order): 4 x 0.01, 3 x 0.02, 2 x 0.03, 1 x 0.04
        double[] adjusted = HolmStepDown.adjust(0.03, 0.01, 0.04, 0.02);
        assertThat(adjusted[1]).isCloseTo(0.04, within(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[0]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        // the step-down stops at the first failure: 0.04 < 0.05 alone, yet not rejected after 0.03 failed
        assertThat(HolmStepDown.adjust(0.03, 0.04)).containsExactly(0.06, 0.06);
    }

    @Test
    void adjustedValuesAreCappedAtOneAndAnUntestedMemberIsNeverRejected() {
        assertThat(HolmStepDown.adjust(0.5, 0.6, 0.001)).containsExactly(1.0, 1.0, 0.003);
        assertThat(HolmStepDown.adjust(Double.NaN, 0.001)).containsExactly(1.0, 0.002);
        assertThat(HolmStepDown.adjust()).isEmpty();
        assertThat(HolmStepDown.adjust(0.2)).containsExactly(0.2);
    }

    @Test
    void rejectsWhateverBonferroniRejectsAndKeepsTheFamilyWiseErrorAtAlpha() {
        Random random = new Random(7);
        int falseFamilies = 0;
        for (int f = 0; f < 20_000; f++) {
            double[] p = new double[10];
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble();              // every null true: uniform p-values
            }
            double[] adjusted = HolmStepDown.adjust(p);
            boolean any = false;
            for (int i = 0; i < p.length; i++) {
                assertThat(adjusted[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(Math.min(1, 10 * p[i]));
                any |= adjusted[i] < 0.05;
            }
            falseFamilies += any ? 1 : 0;
        }
        assertThat(falseFamilies / 20_000.0).isBetween(0.04, 0.055);
    }

    @Test
    void aPOutsideZeroToOneIsNamed() {
        assertThatThrownBy(() -> HolmStepDown.adjust(0.1, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }
}
