package io.latentbench.engine.vector;

import jdk.incubator.vector.FloatVector;
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

    static void squareDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = squareDistance(q, data, offset + r * length, length);
        }
    }

    static void directionDistances(float[] u, float[] data, int offset, int rows, int length,
                                   float[] norms, int normOffset, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = directionDistance(u, data, offset + r * length, 1f / norms[normOffset + r], length);
        }
    }

    static void dotProducts(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = dotProduct(q, data, offset + r * length, length);
        }
    }

    static void manhattanDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = manhattanDistance(q, data, offset + r * length, length);
        }
    }

    /*
     * One row at a time, two accumulators (even and odd blocks of lanes) combined before the fold.
     * Measured 2026-12-06 on the 10k and 100k x 256 Euclidean scan, this AVX-512 class and
     * -XX:UseAVX=2, quiet machine: four accumulators per row ran 2-4 % faster than two in a scratch
     * one-JVM harness interleaving the variants, but 5-13 % slower in JMH relative runs against this
     * code (duet: 3 of 4 points past the 5 % threshold; interleaved: k = 100 +12.8 %), so it is not
     * taken. Two rows per pass sharing the query's loads (four accumulators each, one fold for the
     * pair) ran 1.1-1.7x slower than rows in sequence in the harness. So the two-FMA chain is not what
     * holds the scan back: the core evidently overlaps the independent rows. Older (loaded, AVX2)
     * figures: two rows with two accumulators each 3.4x a plain read, four rows per pass 3.2x (it won
     * only when the rows sat in L2), rows in sequence 1.8x.
     */

    private static float squareDistance(float[] q, float[] x, int o, int length) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound - LANES; i += 2 * LANES) {
            FloatVector d = FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i));
            a = d.fma(d, a);
            FloatVector e = FloatVector.fromArray(SPECIES, q, i + LANES).sub(FloatVector.fromArray(SPECIES, x, o + i + LANES));
            b = e.fma(e, b);
        }
        if (i < bound) {
            FloatVector d = FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i));
            a = d.fma(d, a);
            i += LANES;
        }
        float s = fold(a.add(b));
        for (; i < length; i++) {
            float d = q[i] - x[o + i];
            s += d * d;
        }
        return s;
    }

    /** {@link #squareDistance} of {@code u} and {@code x * inverse}, the product rounded on its own. */
    private static float directionDistance(float[] u, float[] x, int o, float inverse, int length) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        FloatVector scale = FloatVector.broadcast(SPECIES, inverse);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound - LANES; i += 2 * LANES) {
            FloatVector d = FloatVector.fromArray(SPECIES, u, i).sub(FloatVector.fromArray(SPECIES, x, o + i).mul(scale));
            a = d.fma(d, a);
            FloatVector e = FloatVector.fromArray(SPECIES, u, i + LANES)
                    .sub(FloatVector.fromArray(SPECIES, x, o + i + LANES).mul(scale));
            b = e.fma(e, b);
        }
        if (i < bound) {
            FloatVector d = FloatVector.fromArray(SPECIES, u, i).sub(FloatVector.fromArray(SPECIES, x, o + i).mul(scale));
            a = d.fma(d, a);
            i += LANES;
        }
        float s = fold(a.add(b));
        for (; i < length; i++) {
            float d = u[i] - x[o + i] * inverse;
            s += d * d;
        }
        return s;
    }

    private static float dotProduct(float[] q, float[] x, int o, int length) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound - LANES; i += 2 * LANES) {
            a = FloatVector.fromArray(SPECIES, q, i).fma(FloatVector.fromArray(SPECIES, x, o + i), a);
            b = FloatVector.fromArray(SPECIES, q, i + LANES).fma(FloatVector.fromArray(SPECIES, x, o + i + LANES), b);
        }
        if (i < bound) {
            a = FloatVector.fromArray(SPECIES, q, i).fma(FloatVector.fromArray(SPECIES, x, o + i), a);
            i += LANES;
        }
        float s = fold(a.add(b));
        for (; i < length; i++) {
            s += q[i] * x[o + i];
        }
        return s;
    }

    private static float manhattanDistance(float[] q, float[] x, int o, int length) {
        FloatVector a = FloatVector.zero(SPECIES);
        FloatVector b = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound - LANES; i += 2 * LANES) {
            a = a.add(FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i)).abs());
            b = b.add(FloatVector.fromArray(SPECIES, q, i + LANES).sub(FloatVector.fromArray(SPECIES, x, o + i + LANES)).abs());
        }
        if (i < bound) {
            a = a.add(FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i)).abs());
            i += LANES;
        }
        float s = fold(a.add(b));
        for (; i < length; i++) {
            s += Math.abs(q[i] - x[o + i]);
        }
        return s;
    }
}
