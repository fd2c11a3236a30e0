package io.latentbench.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The scan kernels of {@link PanamaKernels}: one query against many rows (the tile of batched
 * search is in {@link PanamaWide}). Each value is summed in a fixed order: the lanes are folded by a fixed tree
 * of exact element-wise adds, so a row's value never depends on its neighbours, on the call
 * or on the JIT.
 */
final class PanamaScan {

    /** {@link Species#NARROW}: 512-bit loads measured slower on this memory-bound scan. A static final constant. */
    private static final VectorSpecies<Float> SPECIES = PanamaKernels.SPECIES;
    private static final int LANES = SPECIES.length();

    /*
     * Lane i of a shuffle XOR_n takes lane i ^ n: adding a vector to it sums lanes n apart.
     * Unlike reduceLanes(ADD), whose order is unspecified (and differs between the interpreter
     * and C2), element-wise adds and permutes are exact, so the fold is the same everywhere.
     * The masks keep indexes in range for species narrower than the shuffle is meant for.
     */
    private static final VectorShuffle<Float> XOR_8 = VectorShuffle.fromOp(SPECIES, i -> (i ^ 8) & (LANES - 1));
    private static final VectorShuffle<Float> XOR_4 = VectorShuffle.fromOp(SPECIES, i -> (i ^ 4) & (LANES - 1));
    private static final VectorShuffle<Float> XOR_2 = VectorShuffle.fromOp(SPECIES, i -> (i ^ 2) & (LANES - 1));
    private static final VectorShuffle<Float> XOR_1 = VectorShuffle.fromOp(SPECIES, i -> (i ^ 1) & (LANES - 1));
    private static final VectorShuffle<Float> XOR_HALF = VectorShuffle.fromOp(SPECIES, i -> i ^ (LANES / 2));
    /** The lanes from {@code LANES / 2} on, for {@link #foldPair}. */
    private static final VectorMask<Float> UPPER_HALF = VectorMask.fromLong(SPECIES, ((1L << LANES) - 1) & (-1L << (LANES / 2)));

    private PanamaScan() {}

    /** The sum of the lanes as a balanced tree in a fixed order. */
    static float fold(FloatVector v) {
        if (LANES >= 16) {
            v = v.add(v.rearrange(XOR_8));
        }
        if (LANES >= 8) {
            v = v.add(v.rearrange(XOR_4));
        }
        if (LANES >= 4) {
            v = v.add(v.rearrange(XOR_2));
        }
        if (LANES >= 2) {
            v = v.add(v.rearrange(XOR_1));
        }
        return v.lane(0);
    }


    /**
     * {@link #fold} of two rows' lanes at once: the first step of the tree takes the lower half
     * of {@code v0} and the upper half of {@code v1} into one vector, so the rest of the tree runs
     * once for both. Each lane sees the same adds as in {@code fold} (an add's operands in either
     * order give the same bits): row 0's sum in lane 0, row 1's in lane {@code LANES / 2}.
     */
    private static FloatVector foldPair(FloatVector v0, FloatVector v1) {
        FloatVector t = v0.blend(v1, UPPER_HALF).add(v1.blend(v0, UPPER_HALF).rearrange(XOR_HALF));
        if (LANES >= 16) {
            t = t.add(t.rearrange(XOR_4));
        }
        if (LANES >= 8) {
            t = t.add(t.rearrange(XOR_2));
        }
        if (LANES >= 4) {
            t = t.add(t.rearrange(XOR_1));
        }
        return t;
    }

    /*
     * Each row's value: four accumulators over blocks of lanes 0, 1, 2, 3 mod 4, the whole blocks
     * left over into the first, then (a + b) + (c + d) folded, then the scalar tail. The scans
     * run two rows per pass with that order for each row (the query's loads shared by both), and
     * the last row of an odd count alone: a row's value never depends on its neighbours.
     * Why: with two accumulators a row was a chain of 16 dependent multiply-adds at d = 256
     * (4 cycles each), and the core could not overlap enough rows to hide it.
     * Measurements: see the comment above squareDistancePair.
     */

    static void squareDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            squareDistancePair(q, data, offset + r * length, length, out, r);
        }
        if (r < rows) {
            out[r] = squareDistance(q, data, offset + r * length, length);
        }
    }

    static void directionDistances(float[] u, float[] data, int offset, int rows, int length,
                                   float[] norms, int normOffset, float[] out) {
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            directionDistancePair(u, data, offset + r * length, 1f / norms[normOffset + r],
                    1f / norms[normOffset + r + 1], length, out, r);
        }
        if (r < rows) {
            out[r] = directionDistance(u, data, offset + r * length, 1f / norms[normOffset + r], length);
        }
    }

    static void dotProducts(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            dotProductPair(q, data, offset + r * length, length, out, r);
        }
        if (r < rows) {
            out[r] = dotProduct(q, data, offset + r * length, length);
        }
    }

    static void manhattanDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            manhattanDistancePair(q, data, offset + r * length, length, out, r);
        }
        if (r < rows) {
            out[r] = manhattanDistance(q, data, offset + r * length, length);
        }
    }

    private static float squareDistance(float[] q, float[] x, int o, int length) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector c = FloatVector.zero(SPECIES);
        FloatVector d = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i <= bound - 4 * LANES; i += 4 * LANES) {
            FloatVector e0 = FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i));
            a = e0.fma(e0, a);
            FloatVector e1 = FloatVector.fromArray(SPECIES, q, i + LANES).sub(FloatVector.fromArray(SPECIES, x, o + i + LANES));
            b = e1.fma(e1, b);
            FloatVector e2 = FloatVector.fromArray(SPECIES, q, i + 2 * LANES).sub(FloatVector.fromArray(SPECIES, x, o + i + 2 * LANES));
            c = e2.fma(e2, c);
            FloatVector e3 = FloatVector.fromArray(SPECIES, q, i + 3 * LANES).sub(FloatVector.fromArray(SPECIES, x, o + i + 3 * LANES));
            d = e3.fma(e3, d);
        }
        for (; i < bound; i += LANES) {
            FloatVector e0 = FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i));
            a = e0.fma(e0, a);
        }
        float s = fold(a.add(b).add(c.add(d)));
        for (; i < length; i++) {
            float e = q[i] - x[o + i];
            s += e * e;
        }
        return s;
    }

    /** {@link #squareDistance} of the rows at {@code o} and {@code o + length}, into {@code out[at]} and {@code out[at + 1]}. */
    private static void squareDistancePair(float[] q, float[] x, int o, int length, float[] out, int at) {
        int p = o + length;
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector c = FloatVector.zero(SPECIES);
        FloatVector d = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector b1 = FloatVector.zero(SPECIES);
        FloatVector c1 = FloatVector.zero(SPECIES);
        FloatVector d1 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i <= bound - 4 * LANES; i += 4 * LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, q, i);
            FloatVector e0 = v0.sub(FloatVector.fromArray(SPECIES, x, o + i));
            FloatVector f0 = v0.sub(FloatVector.fromArray(SPECIES, x, p + i));
            a = e0.fma(e0, a);
            a1 = f0.fma(f0, a1);
            FloatVector v1 = FloatVector.fromArray(SPECIES, q, i + LANES);
            FloatVector e1 = v1.sub(FloatVector.fromArray(SPECIES, x, o + i + LANES));
            FloatVector f1 = v1.sub(FloatVector.fromArray(SPECIES, x, p + i + LANES));
            b = e1.fma(e1, b);
            b1 = f1.fma(f1, b1);
            FloatVector v2 = FloatVector.fromArray(SPECIES, q, i + 2 * LANES);
            FloatVector e2 = v2.sub(FloatVector.fromArray(SPECIES, x, o + i + 2 * LANES));
            FloatVector f2 = v2.sub(FloatVector.fromArray(SPECIES, x, p + i + 2 * LANES));
            c = e2.fma(e2, c);
            c1 = f2.fma(f2, c1);
            FloatVector v3 = FloatVector.fromArray(SPECIES, q, i + 3 * LANES);
            FloatVector e3 = v3.sub(FloatVector.fromArray(SPECIES, x, o + i + 3 * LANES));
            FloatVector f3 = v3.sub(FloatVector.fromArray(SPECIES, x, p + i + 3 * LANES));
            d = e3.fma(e3, d);
            d1 = f3.fma(f3, d1);
        }
        for (; i < bound; i += LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, q, i);
            FloatVector e0 = v0.sub(FloatVector.fromArray(SPECIES, x, o + i));
            FloatVector f0 = v0.sub(FloatVector.fromArray(SPECIES, x, p + i));
            a = e0.fma(e0, a);
            a1 = f0.fma(f0, a1);
        }
        FloatVector sums = foldPair(a.add(b).add(c.add(d)), a1.add(b1).add(c1.add(d1)));
        float s0 = sums.lane(0);
        float s1 = sums.lane(LANES / 2);
        for (; i < length; i++) {
            float e = q[i] - x[o + i];
            s0 += e * e;
            float f = q[i] - x[p + i];
            s1 += f * f;
        }
        out[at] = s0;
        out[at + 1] = s1;
    }

    /** {@link #squareDistance} of {@code u} and {@code x * inverse}, the product rounded on its own. */
    private static float directionDistance(float[] u, float[] x, int o, float inverse, int length) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector c = FloatVector.zero(SPECIES);
        FloatVector d = FloatVector.zero(SPECIES);
        FloatVector scale = FloatVector.broadcast(SPECIES, inverse);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i <= bound - 4 * LANES; i += 4 * LANES) {
            FloatVector e0 = FloatVector.fromArray(SPECIES, u, i).sub(FloatVector.fromArray(SPECIES, x, o + i).mul(scale));
            a = e0.fma(e0, a);
            FloatVector e1 = FloatVector.fromArray(SPECIES, u, i + LANES)
                    .sub(FloatVector.fromArray(SPECIES, x, o + i + LANES).mul(scale));
            b = e1.fma(e1, b);
            FloatVector e2 = FloatVector.fromArray(SPECIES, u, i + 2 * LANES)
                    .sub(FloatVector.fromArray(SPECIES, x, o + i + 2 * LANES).mul(scale));
            c = e2.fma(e2, c);
            FloatVector e3 = FloatVector.fromArray(SPECIES, u, i + 3 * LANES)
                    .sub(FloatVector.fromArray(SPECIES, x, o + i + 3 * LANES).mul(scale));
            d = e3.fma(e3, d);
        }
        for (; i < bound; i += LANES) {
            FloatVector e0 = FloatVector.fromArray(SPECIES, u, i).sub(FloatVector.fromArray(SPECIES, x, o + i).mul(scale));
            a = e0.fma(e0, a);
        }
        float s = fold(a.add(b).add(c.add(d)));
        for (; i < length; i++) {
            float e = u[i] - x[o + i] * inverse;
            s += e * e;
        }
        return s;
    }

    /** {@link #directionDistance} of two consecutive rows, as {@link #squareDistancePair}. */
    private static void directionDistancePair(float[] u, float[] x, int o, float inverse0, float inverse1,
                                              int length, float[] out, int at) {
        int p = o + length;
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector c = FloatVector.zero(SPECIES);
        FloatVector d = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector b1 = FloatVector.zero(SPECIES);
        FloatVector c1 = FloatVector.zero(SPECIES);
        FloatVector d1 = FloatVector.zero(SPECIES);
        FloatVector scale0 = FloatVector.broadcast(SPECIES, inverse0);
        FloatVector scale1 = FloatVector.broadcast(SPECIES, inverse1);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i <= bound - 4 * LANES; i += 4 * LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, u, i);
            FloatVector e0 = v0.sub(FloatVector.fromArray(SPECIES, x, o + i).mul(scale0));
            FloatVector f0 = v0.sub(FloatVector.fromArray(SPECIES, x, p + i).mul(scale1));
            a = e0.fma(e0, a);
            a1 = f0.fma(f0, a1);
            FloatVector v1 = FloatVector.fromArray(SPECIES, u, i + LANES);
            FloatVector e1 = v1.sub(FloatVector.fromArray(SPECIES, x, o + i + LANES).mul(scale0));
            FloatVector f1 = v1.sub(FloatVector.fromArray(SPECIES, x, p + i + LANES).mul(scale1));
            b = e1.fma(e1, b);
            b1 = f1.fma(f1, b1);
            FloatVector v2 = FloatVector.fromArray(SPECIES, u, i + 2 * LANES);
            FloatVector e2 = v2.sub(FloatVector.fromArray(SPECIES, x, o + i + 2 * LANES).mul(scale0));
            FloatVector f2 = v2.sub(FloatVector.fromArray(SPECIES, x, p + i + 2 * LANES).mul(scale1));
            c = e2.fma(e2, c);
            c1 = f2.fma(f2, c1);
            FloatVector v3 = FloatVector.fromArray(SPECIES, u, i + 3 * LANES);
            FloatVector e3 = v3.sub(FloatVector.fromArray(SPECIES, x, o + i + 3 * LANES).mul(scale0));
            FloatVector f3 = v3.sub(FloatVector.fromArray(SPECIES, x, p + i + 3 * LANES).mul(scale1));
            d = e3.fma(e3, d);
            d1 = f3.fma(f3, d1);
        }
        for (; i < bound; i += LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, u, i);
            FloatVector e0 = v0.sub(FloatVector.fromArray(SPECIES, x, o + i).mul(scale0));
            FloatVector f0 = v0.sub(FloatVector.fromArray(SPECIES, x, p + i).mul(scale1));
            a = e0.fma(e0, a);
            a1 = f0.fma(f0, a1);
        }
        FloatVector sums = foldPair(a.add(b).add(c.add(d)), a1.add(b1).add(c1.add(d1)));
        float s0 = sums.lane(0);
        float s1 = sums.lane(LANES / 2);
        for (; i < length; i++) {
            float e = u[i] - x[o + i] * inverse0;
            s0 += e * e;
            float f = u[i] - x[p + i] * inverse1;
            s1 += f * f;
        }
        out[at] = s0;
        out[at + 1] = s1;
    }

    private static float dotProduct(float[] q, float[] x, int o, int length) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector c = FloatVector.zero(SPECIES);
        FloatVector d = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i <= bound - 4 * LANES; i += 4 * LANES) {
            a = FloatVector.fromArray(SPECIES, q, i).fma(FloatVector.fromArray(SPECIES, x, o + i), a);
            b = FloatVector.fromArray(SPECIES, q, i + LANES).fma(FloatVector.fromArray(SPECIES, x, o + i + LANES), b);
            c = FloatVector.fromArray(SPECIES, q, i + 2 * LANES).fma(FloatVector.fromArray(SPECIES, x, o + i + 2 * LANES), c);
            d = FloatVector.fromArray(SPECIES, q, i + 3 * LANES).fma(FloatVector.fromArray(SPECIES, x, o + i + 3 * LANES), d);
        }
        for (; i < bound; i += LANES) {
            a = FloatVector.fromArray(SPECIES, q, i).fma(FloatVector.fromArray(SPECIES, x, o + i), a);
        }
        float s = fold(a.add(b).add(c.add(d)));
        for (; i < length; i++) {
            s += q[i] * x[o + i];
        }
        return s;
    }

    /** {@link #dotProduct} of two consecutive rows, as {@link #squareDistancePair}. */
    private static void dotProductPair(float[] q, float[] x, int o, int length, float[] out, int at) {
        int p = o + length;
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector c = FloatVector.zero(SPECIES);
        FloatVector d = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector b1 = FloatVector.zero(SPECIES);
        FloatVector c1 = FloatVector.zero(SPECIES);
        FloatVector d1 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i <= bound - 4 * LANES; i += 4 * LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, q, i);
            a = v0.fma(FloatVector.fromArray(SPECIES, x, o + i), a);
            a1 = v0.fma(FloatVector.fromArray(SPECIES, x, p + i), a1);
            FloatVector v1 = FloatVector.fromArray(SPECIES, q, i + LANES);
            b = v1.fma(FloatVector.fromArray(SPECIES, x, o + i + LANES), b);
            b1 = v1.fma(FloatVector.fromArray(SPECIES, x, p + i + LANES), b1);
            FloatVector v2 = FloatVector.fromArray(SPECIES, q, i + 2 * LANES);
            c = v2.fma(FloatVector.fromArray(SPECIES, x, o + i + 2 * LANES), c);
            c1 = v2.fma(FloatVector.fromArray(SPECIES, x, p + i + 2 * LANES), c1);
            FloatVector v3 = FloatVector.fromArray(SPECIES, q, i + 3 * LANES);
            d = v3.fma(FloatVector.fromArray(SPECIES, x, o + i + 3 * LANES), d);
            d1 = v3.fma(FloatVector.fromArray(SPECIES, x, p + i + 3 * LANES), d1);
        }
        for (; i < bound; i += LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, q, i);
            a = v0.fma(FloatVector.fromArray(SPECIES, x, o + i), a);
            a1 = v0.fma(FloatVector.fromArray(SPECIES, x, p + i), a1);
        }
        FloatVector sums = foldPair(a.add(b).add(c.add(d)), a1.add(b1).add(c1.add(d1)));
        float s0 = sums.lane(0);
        float s1 = sums.lane(LANES / 2);
        for (; i < length; i++) {
            s0 += q[i] * x[o + i];
            s1 += q[i] * x[p + i];
        }
        out[at] = s0;
        out[at + 1] = s1;
    }

    private static float manhattanDistance(float[] q, float[] x, int o, int length) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector c = FloatVector.zero(SPECIES);
        FloatVector d = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i <= bound - 4 * LANES; i += 4 * LANES) {
            a = a.add(FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i)).abs());
            b = b.add(FloatVector.fromArray(SPECIES, q, i + LANES).sub(FloatVector.fromArray(SPECIES, x, o + i + LANES)).abs());
            c = c.add(FloatVector.fromArray(SPECIES, q, i + 2 * LANES).sub(FloatVector.fromArray(SPECIES, x, o + i + 2 * LANES)).abs());
            d = d.add(FloatVector.fromArray(SPECIES, q, i + 3 * LANES).sub(FloatVector.fromArray(SPECIES, x, o + i + 3 * LANES)).abs());
        }
        for (; i < bound; i += LANES) {
            a = a.add(FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i)).abs());
        }
        float s = fold(a.add(b).add(c.add(d)));
        for (; i < length; i++) {
            s += Math.abs(q[i] - x[o + i]);
        }
        return s;
    }

    /** {@link #manhattanDistance} of two consecutive rows, as {@link #squareDistancePair}. */
    private static void manhattanDistancePair(float[] q, float[] x, int o, int length, float[] out, int at) {
        int p = o + length;
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector c = FloatVector.zero(SPECIES);
        FloatVector d = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector b1 = FloatVector.zero(SPECIES);
        FloatVector c1 = FloatVector.zero(SPECIES);
        FloatVector d1 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i <= bound - 4 * LANES; i += 4 * LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, q, i);
            a = a.add(v0.sub(FloatVector.fromArray(SPECIES, x, o + i)).abs());
            a1 = a1.add(v0.sub(FloatVector.fromArray(SPECIES, x, p + i)).abs());
            FloatVector v1 = FloatVector.fromArray(SPECIES, q, i + LANES);
            b = b.add(v1.sub(FloatVector.fromArray(SPECIES, x, o + i + LANES)).abs());
            b1 = b1.add(v1.sub(FloatVector.fromArray(SPECIES, x, p + i + LANES)).abs());
            FloatVector v2 = FloatVector.fromArray(SPECIES, q, i + 2 * LANES);
            c = c.add(v2.sub(FloatVector.fromArray(SPECIES, x, o + i + 2 * LANES)).abs());
            c1 = c1.add(v2.sub(FloatVector.fromArray(SPECIES, x, p + i + 2 * LANES)).abs());
            FloatVector v3 = FloatVector.fromArray(SPECIES, q, i + 3 * LANES);
            d = d.add(v3.sub(FloatVector.fromArray(SPECIES, x, o + i + 3 * LANES)).abs());
            d1 = d1.add(v3.sub(FloatVector.fromArray(SPECIES, x, p + i + 3 * LANES)).abs());
        }
        for (; i < bound; i += LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, q, i);
            a = a.add(v0.sub(FloatVector.fromArray(SPECIES, x, o + i)).abs());
            a1 = a1.add(v0.sub(FloatVector.fromArray(SPECIES, x, p + i)).abs());
        }
        FloatVector sums = foldPair(a.add(b).add(c.add(d)), a1.add(b1).add(c1.add(d1)));
        float s0 = sums.lane(0);
        float s1 = sums.lane(LANES / 2);
        for (; i < length; i++) {
            s0 += Math.abs(q[i] - x[o + i]);
            s1 += Math.abs(q[i] - x[p + i]);
        }
        out[at] = s0;
        out[at + 1] = s1;
    }
}
