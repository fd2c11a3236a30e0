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

    public static float cosineDistance(float dot, float qNorm, float bb) {
        double denominator = qNorm * Math.sqrt(bb);
        if (denominator == 0) {
            return 1f;
        }
        // Rounding can push |cos| a hair past 1; the distance stays in [0, 2].
        double cos = Math.max(-1.0, Math.min(1.0, dot / denominator));
        return (float) (1.0 - cos);
    }

    /**
     * {@code (1/sqrt c) arcosh(1 + 2c|x-y|^2 / ((1-c|x|^2)(1-c|y|^2)))} from the squared
     * difference and the two conformal factors {@code 1 - c|p|^2}. The factors come from the
     * caller, computed in double from the exponential map: recomputing them from float
     * points loses all precision near the boundary, where they approach zero.
     */
    public static float poincare(float squaredDiff, double xConformal, double yConformal, double c) {
        double argument = 1.0 + 2.0 * c * squaredDiff
                / (Math.max(xConformal, MIN_CONFORMAL) * Math.max(yConformal, MIN_CONFORMAL));
        return (float) (arcosh(argument) / Math.sqrt(c));
    }

    /**
     * The radius, in units of {@code 1/sqrt(c)}, at which the exponential map saturates, so that
     * every finite input stays at a finite distance from every other.
     */
    public static final double MAX_BALL_RADIUS = 1.0 - 1e-5;

    /** {@code 1 - c|x|^2} of a point at {@link #MAX_BALL_RADIUS}: the smallest conformal factor. */
    public static final double MIN_CONFORMAL = 1.0 - MAX_BALL_RADIUS * MAX_BALL_RADIUS;

    /**
     * Below this {@code z - 1}, {@link #arcosh} takes {@code log1p}: {@code log(z + sqrt(z^2 - 1))}
     * loses about {@code 1e-16 / (z - 1)} relative to rounding {@code z}, harmless from here up
     * (the result is a float), and {@code Math.log} is an intrinsic several times cheaper than
     * {@code log1p}, which dominated the hyperbolic distance once the squared difference was SIMD.
     */
    private static final double LOG1P_BELOW = 0.25;

    /** {@code arcosh(z)} for {@code z >= 1}, exact near 1 where the naive formula cancels. */
    public static double arcosh(double z) {
        if (z < 1.0) {
            return 0.0;
        }
        double t = z - 1.0;
        if (t >= LOG1P_BELOW) {
            return Math.log(z + Math.sqrt(t * (t + 2.0)));
        }
        return Math.log1p(t + Math.sqrt(t * (t + 2.0)));
    }
}
