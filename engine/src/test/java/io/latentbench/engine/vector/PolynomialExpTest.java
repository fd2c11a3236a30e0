package io.latentbench.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The softmax's exponential against Math.exp over the range a shifted score can take. */
class PolynomialExpTest {

    @Test
    void relativeErrorOverTheSoftmaxRangeIsBelowTheStatedBound() {
        double worst = 0;
        // Every float in [-1, 0] at a fine stride and a dense sweep of [-87, -1].
        for (int i = 0; i <= 2_000_000; i++) {
            float x = -87f * i / 2_000_000f;
            worst = Math.max(worst, relativeError(x));
            float y = -(float) i / 2_000_000f;
            worst = Math.max(worst, relativeError(y));
        }
        assertThat(worst).isLessThan(PolynomialExp.MAX_RELATIVE_ERROR);
    }

    @Test
    void exactWhereTheResultIsExact() {
        assertThat(PolynomialExp.exp(0f)).isEqualTo(1f);
    }

    @Test
    void flushesToZeroBelowTheNormalRange() {
        assertThat(PolynomialExp.exp(Float.NEGATIVE_INFINITY)).isZero();
        assertThat(PolynomialExp.exp(-1000f)).isZero();
        assertThat(PolynomialExp.exp(-87.4f)).isZero();
        assertThat(PolynomialExp.exp(-87.2f)).isPositive();
    }

    @Test
    void vectorKernelGivesTheSameBitsAsTheScalarFormula() {
        float[] x = new float[1001];
        for (int i = 0; i < x.length; i++) x[i] = -90f + 90f * i / 1000f;
        float[] lanes = x.clone();
        VectorKernels.panama().expShifted(lanes, 0, lanes.length, 1f, 0f);
        for (int i = 0; i < x.length; i++) {
            assertThat(lanes[i]).as("exp(%s)", x[i]).isEqualTo(PolynomialExp.exp(x[i]));
        }
    }

    private static double relativeError(float x) {
        double exact = Math.exp(x);
        return Math.abs(PolynomialExp.exp(x) - exact) / exact;
    }
}
