package io.latentbench.engine.vector;

/**
 * The scalar tails of the fused kernels: what turns the sums a pass accumulated into a
 * distance. Shared so that the scalar and SIMD kernels finish identically.
 */
public final class Similarities {

    private Similarities() {}

    static float cosine(float dot, float aa, float bb) {
        double denominator = Math.sqrt((double) aa * (double) bb);
        return denominator == 0 ? 0f : (float) (dot / denominator);
    }

    static float cosineDistance(float dot, float qNorm, float bb) {
        double denominator = qNorm * Math.sqrt(bb);
        if (denominator == 0) {
            return 1f;
        }
        // Rounding can push |cos| a hair past 1; the distance stays in [0, 2].
        double cos = Math.max(-1.0, Math.min(1.0, dot / denominator));
        return (float) (1.0 - cos);
    }

    /**
     * {@code (1/sqrt c) arcosh(1 + 2c|x-y|^2 / ((1-c|x|^2)(1-c|y|^2)))}, with the conformal
     * factors floored so that points on the numerical boundary stay at a finite distance.
     */
    static float poincare(float squaredDiff, double xConformal, float yNormSquared, double c) {
        double yConformal = Math.max(1.0 - c * yNormSquared, MIN_CONFORMAL);
        double xc = Math.max(xConformal, MIN_CONFORMAL);
        double argument = 1.0 + 2.0 * c * squaredDiff / (xc * yConformal);
        return (float) (arcosh(argument) / Math.sqrt(c));
    }

    /**
     * The smallest {@code 1 - c|x|^2} a point is allowed: the exponential map saturates at
     * radius {@link #MAX_BALL_RADIUS} of the unit-curvature ball.
     */
    public static final double MAX_BALL_RADIUS = 1.0 - 1e-5;

    static final double MIN_CONFORMAL = 1.0 - MAX_BALL_RADIUS * MAX_BALL_RADIUS;

    /** {@code arcosh(z)} for {@code z >= 1}, exact near 1 where the naive formula cancels. */
    public static double arcosh(double z) {
        if (z < 1.0) {
            return 0.0;
        }
        double t = z - 1.0;
        return Math.log1p(t + Math.sqrt(t * (t + 2.0)));
    }
}
