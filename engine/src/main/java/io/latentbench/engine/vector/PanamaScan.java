package io.latentbench.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The scan kernels of {@link PanamaKernels}: one query against many rows. Four rows go
 * through each pass so that every query load serves four rows and four independent
 * accumulator chains hide the latency of the fused multiply-add. Each row has exactly one
 * accumulator and its lanes are folded by the same fixed tree whether the row is one of
 * four or alone, so a row's value never depends on its neighbours or on the JIT.
 */
final class PanamaScan {

    /** A static final constant, like every species here (see {@link PanamaKernels#SPECIES}). */
    private static final VectorSpecies<Float> SPECIES = PanamaKernels.SPECIES;
    private static final int LANES = SPECIES.length();
    private static final int ROWS_PER_PASS = 4;

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
        int r = 0;
        for (; r + ROWS_PER_PASS <= rows; r += ROWS_PER_PASS) {
            squareDistances4(q, data, offset + r * length, length, out, r);
        }
        for (; r < rows; r++) {
            out[r] = squareDistance(q, data, offset + r * length, length);
        }
    }

    static void dotProducts(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        int r = 0;
        for (; r + ROWS_PER_PASS <= rows; r += ROWS_PER_PASS) {
            dotProducts4(q, data, offset + r * length, length, out, r);
        }
        for (; r < rows; r++) {
            out[r] = dotProduct(q, data, offset + r * length, length);
        }
    }

    static void manhattanDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        int r = 0;
        for (; r + ROWS_PER_PASS <= rows; r += ROWS_PER_PASS) {
            manhattanDistances4(q, data, offset + r * length, length, out, r);
        }
        for (; r < rows; r++) {
            out[r] = manhattanDistance(q, data, offset + r * length, length);
        }
    }

    // The four-row kernels are separate small methods: inlined into their callers' loops they
    // would exceed C2's inlining budget, and vectors that are not inlined get boxed.

    private static void squareDistances4(float[] q, float[] x, int o0, int length, float[] out, int at) {
        int o1 = o0 + length;
        int o2 = o1 + length;
        int o3 = o2 + length;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        FloatVector acc3 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector qv = FloatVector.fromArray(SPECIES, q, i);
            FloatVector d0 = qv.sub(FloatVector.fromArray(SPECIES, x, o0 + i));
            FloatVector d1 = qv.sub(FloatVector.fromArray(SPECIES, x, o1 + i));
            FloatVector d2 = qv.sub(FloatVector.fromArray(SPECIES, x, o2 + i));
            FloatVector d3 = qv.sub(FloatVector.fromArray(SPECIES, x, o3 + i));
            acc0 = d0.fma(d0, acc0);
            acc1 = d1.fma(d1, acc1);
            acc2 = d2.fma(d2, acc2);
            acc3 = d3.fma(d3, acc3);
        }
        float s0 = fold(acc0);
        float s1 = fold(acc1);
        float s2 = fold(acc2);
        float s3 = fold(acc3);
        for (; i < length; i++) {
            float qi = q[i];
            float d0 = qi - x[o0 + i];
            float d1 = qi - x[o1 + i];
            float d2 = qi - x[o2 + i];
            float d3 = qi - x[o3 + i];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
    }

    private static float squareDistance(float[] q, float[] x, int o, int length) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector d = FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i));
            acc = d.fma(d, acc);
        }
        float s = fold(acc);
        for (; i < length; i++) {
            float d = q[i] - x[o + i];
            s += d * d;
        }
        return s;
    }

    private static void dotProducts4(float[] q, float[] x, int o0, int length, float[] out, int at) {
        int o1 = o0 + length;
        int o2 = o1 + length;
        int o3 = o2 + length;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        FloatVector acc3 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector qv = FloatVector.fromArray(SPECIES, q, i);
            acc0 = qv.fma(FloatVector.fromArray(SPECIES, x, o0 + i), acc0);
            acc1 = qv.fma(FloatVector.fromArray(SPECIES, x, o1 + i), acc1);
            acc2 = qv.fma(FloatVector.fromArray(SPECIES, x, o2 + i), acc2);
            acc3 = qv.fma(FloatVector.fromArray(SPECIES, x, o3 + i), acc3);
        }
        float s0 = fold(acc0);
        float s1 = fold(acc1);
        float s2 = fold(acc2);
        float s3 = fold(acc3);
        for (; i < length; i++) {
            float qi = q[i];
            s0 += qi * x[o0 + i];
            s1 += qi * x[o1 + i];
            s2 += qi * x[o2 + i];
            s3 += qi * x[o3 + i];
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
    }

    private static float dotProduct(float[] q, float[] x, int o, int length) {
        return dotProduct(q, 0, x, o, length);
    }

    private static float dotProduct(float[] q, int qo, float[] x, int o, int length) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += LANES) {
            acc = FloatVector.fromArray(SPECIES, q, qo + i).fma(FloatVector.fromArray(SPECIES, x, o + i), acc);
        }
        float s = fold(acc);
        for (; i < length; i++) {
            s += q[qo + i] * x[o + i];
        }
        return s;
    }

    private static void manhattanDistances4(float[] q, float[] x, int o0, int length, float[] out, int at) {
        int o1 = o0 + length;
        int o2 = o1 + length;
        int o3 = o2 + length;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        FloatVector acc3 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector qv = FloatVector.fromArray(SPECIES, q, i);
            acc0 = acc0.add(qv.sub(FloatVector.fromArray(SPECIES, x, o0 + i)).abs());
            acc1 = acc1.add(qv.sub(FloatVector.fromArray(SPECIES, x, o1 + i)).abs());
            acc2 = acc2.add(qv.sub(FloatVector.fromArray(SPECIES, x, o2 + i)).abs());
            acc3 = acc3.add(qv.sub(FloatVector.fromArray(SPECIES, x, o3 + i)).abs());
        }
        float s0 = fold(acc0);
        float s1 = fold(acc1);
        float s2 = fold(acc2);
        float s3 = fold(acc3);
        for (; i < length; i++) {
            float qi = q[i];
            s0 += Math.abs(qi - x[o0 + i]);
            s1 += Math.abs(qi - x[o1 + i]);
            s2 += Math.abs(qi - x[o2 + i]);
            s3 += Math.abs(qi - x[o3 + i]);
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
    }

    private static float manhattanDistance(float[] q, float[] x, int o, int length) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += LANES) {
            acc = acc.add(FloatVector.fromArray(SPECIES, q, i).sub(FloatVector.fromArray(SPECIES, x, o + i)).abs());
        }
        float s = fold(acc);
        for (; i < length; i++) {
            s += Math.abs(q[i] - x[o + i]);
        }
        return s;
    }

    /** Queries and rows per register block of the tile kernel: 8 accumulators, 6 loads per 8 fma. */
    private static final int TILE_QUERIES = 4;
    private static final int TILE_ROWS = 2;

    static void dotProductTile(float[] queries, int count, float[] data, int offset, int rows, int length, float[] out) {
        int j = 0;
        for (; j + TILE_QUERIES <= count; j += TILE_QUERIES) {
            int r = 0;
            for (; r + TILE_ROWS <= rows; r += TILE_ROWS) {
                dotProducts4x2(queries, j * length, data, offset + r * length, length, out, j * rows + r, rows);
            }
            for (; r < rows; r++) {
                for (int jj = j; jj < j + TILE_QUERIES; jj++) {
                    out[jj * rows + r] = dotProduct(queries, jj * length, data, offset + r * length, length);
                }
            }
        }
        for (; j < count; j++) {
            for (int r = 0; r < rows; r++) {
                out[j * rows + r] = dotProduct(queries, j * length, data, offset + r * length, length);
            }
        }
    }

    /**
     * Four queries (from {@code q0}, {@code length} apart) against two rows (from {@code x0}):
     * {@code out[at + j * stride + r]}. One accumulator per pair, folded like every other.
     */
    private static void dotProducts4x2(float[] q, int q0, float[] x, int x0, int length,
                                       float[] out, int at, int stride) {
        int q1 = q0 + length;
        int q2 = q1 + length;
        int q3 = q2 + length;
        int x1 = x0 + length;
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = FloatVector.zero(SPECIES);
        FloatVector a10 = FloatVector.zero(SPECIES);
        FloatVector a11 = FloatVector.zero(SPECIES);
        FloatVector a20 = FloatVector.zero(SPECIES);
        FloatVector a21 = FloatVector.zero(SPECIES);
        FloatVector a30 = FloatVector.zero(SPECIES);
        FloatVector a31 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector r0 = FloatVector.fromArray(SPECIES, x, x0 + i);
            FloatVector r1 = FloatVector.fromArray(SPECIES, x, x1 + i);
            FloatVector v0 = FloatVector.fromArray(SPECIES, q, q0 + i);
            a00 = v0.fma(r0, a00);
            a01 = v0.fma(r1, a01);
            FloatVector v1 = FloatVector.fromArray(SPECIES, q, q1 + i);
            a10 = v1.fma(r0, a10);
            a11 = v1.fma(r1, a11);
            FloatVector v2 = FloatVector.fromArray(SPECIES, q, q2 + i);
            a20 = v2.fma(r0, a20);
            a21 = v2.fma(r1, a21);
            FloatVector v3 = FloatVector.fromArray(SPECIES, q, q3 + i);
            a30 = v3.fma(r0, a30);
            a31 = v3.fma(r1, a31);
        }
        float s00 = fold(a00);
        float s01 = fold(a01);
        float s10 = fold(a10);
        float s11 = fold(a11);
        float s20 = fold(a20);
        float s21 = fold(a21);
        float s30 = fold(a30);
        float s31 = fold(a31);
        for (; i < length; i++) {
            float r0 = x[x0 + i];
            float r1 = x[x1 + i];
            s00 += q[q0 + i] * r0;
            s01 += q[q0 + i] * r1;
            s10 += q[q1 + i] * r0;
            s11 += q[q1 + i] * r1;
            s20 += q[q2 + i] * r0;
            s21 += q[q2 + i] * r1;
            s30 += q[q3 + i] * r0;
            s31 += q[q3 + i] * r1;
        }
        out[at] = s00;
        out[at + 1] = s01;
        out[at + stride] = s10;
        out[at + stride + 1] = s11;
        out[at + 2 * stride] = s20;
        out[at + 2 * stride + 1] = s21;
        out[at + 3 * stride] = s30;
        out[at + 3 * stride + 1] = s31;
    }
}
