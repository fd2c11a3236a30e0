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

    /**
     * {@code 1 - q.x / (|q| |x|)} from the dot product and the two norms (not squared: the
     * squared norm of a vector of norm 1e20 is not a float).
     */
    public static float cosineDistance(float dot, float qNorm, float xNorm) {
        double denominator = (double) qNorm * xNorm;
        if (denominator == 0) {
            return 1f;
        }
        // Rounding can push |cos| a hair past 1; the distance stays in [0, 2].
        double cos = Math.max(-1.0, Math.min(1.0, dot / denominator));
        return (float) (1.0 - cos);
    }

    private static final double LN2 = Math.log(2.0);

    /** Above this {@code sqrt(c)} times a tangent radius, sinh products leave double: work with logs. */
    private static final double LOG_SPACE_ABOVE = 300.0;

    /** Below this {@code cosh(d sqrt c) - 1}, {@code arcosh(1 + t)} is {@code sqrt(2t)} to double precision. */
    private static final double LINEAR_BELOW = 1e-250;

    /**
     * The hyperbolic distance of two points of the Poincare ball of curvature {@code -c}, given
     * as the tangent vectors at the origin that the exponential map sends there: no point near
     * the ball's edge is formed, so no precision is lost there. With {@code A = 2|u|},
     * {@code B = 2|v|} (each point's distance from the origin is {@code A} and {@code B}) and
     * {@code w2 = |u/|u| - v/|v||^2} ({@code 1 - cos theta = w2 / 2}), the hyperbolic law of cosines
     * gives, with {@code a = sqrt(c) A}, {@code b = sqrt(c) B},
     * {@code cosh(sqrt(c) d) - 1 = 2 sinh^2((a - b)/2) + sinh(a) sinh(b) w2 / 2}: a sum of two
     * non-negative terms, so nothing cancels. Small arguments are scaled by {@code c} out of
     * the terms (no underflow for tiny curvatures or norms); large ones are summed as logarithms
     * (no overflow for huge curvatures or norms). Every finite input gives a finite distance.
     *
     * @param tangentA {@code 2|u|}
     * @param tangentB {@code 2|v|}
     * @param w2 the squared distance between the two directions, in {@code [0, 4]}; 0 when either vector is zero
     * @param sqrtC {@code sqrt(c)}
     */
    public static float hyperbolic(double tangentA, double tangentB, double w2, double sqrtC) {
        double a = sqrtC * tangentA;
        double b = sqrtC * tangentB;
        double m = Math.max(a, b);
        if (m < 1) {
            // Scaled by c: T = t / c = (A - B)^2/2 f((a-b)/2)^2 + A B f(a) f(b) w2/2, f(x) = sinh(x)/x,
            // so that tiny curvatures or norms do not underflow t.
            double diff = tangentA - tangentB;
            double f = sinhOverX((a - b) / 2);
            double big = diff * diff / 2 * f * f + tangentA * tangentB * sinhOverX(a) * sinhOverX(b) * w2 / 2;
            double t = sqrtC * sqrtC * big;
            return (float) (t >= LINEAR_BELOW ? arcosh1p(t) / sqrtC : Math.sqrt(2 * big));
        }
        if (m <= LOG_SPACE_ABOVE) {
            double half = Math.sinh((a - b) / 2);
            double t = 2 * half * half + Math.sinh(a) * Math.sinh(b) * w2 / 2;
            return (float) (arcosh1p(t) / sqrtC);
        }
        double l1 = a == b ? Double.NEGATIVE_INFINITY : LN2 + 2 * logSinh(Math.abs(a - b) / 2);
        double l2 = w2 == 0 || a == 0 || b == 0 ? Double.NEGATIVE_INFINITY
                : logSinh(a) + logSinh(b) + Math.log(w2 / 2);
        double hi = Math.max(l1, l2);
        if (hi == Double.NEGATIVE_INFINITY) {
            return 0f;
        }
        double logT = hi + Math.log1p(Math.exp(Math.min(l1, l2) - hi));
        if (logT < 30) {
            return (float) (arcosh1p(Math.exp(logT)) / sqrtC);
        }
        // arcosh(1 + t) = log t + log(1 + 1/t + sqrt(1 + 2/t)).
        double u = Math.exp(-logT);
        return (float) ((logT + Math.log(1 + u + Math.sqrt(1 + 2 * u))) / sqrtC);
    }

    /** {@code sinh(x) / x}, 1 at 0. */
    private static double sinhOverX(double x) {
        return Math.abs(x) < 1e-4 ? 1 + x * x / 6 : Math.sinh(x) / x;
    }

    /** {@code log(sinh(x))} for {@code x >= 0}, without overflow. */
    private static double logSinh(double x) {
        return x < 20 ? Math.log(Math.sinh(x)) : x - LN2 + Math.log1p(-Math.exp(-2 * x));
    }

    /** {@code arcosh(1 + t)} for {@code t >= 0}, exact for small t, without overflow for large t. */
    static double arcosh1p(double t) {
        if (t > 1e8) {
            return Math.log(t) + Math.log(1 + 1 / t + Math.sqrt(1 + 2 / t));
        }
        return Math.log1p(t + Math.sqrt(t * (t + 2)));
    }

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
