package io.latentbench.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the wide species ({@link Species#WIDE}: 512 bits where the JVM compiles them):
 * the tile of batched search, and the fixed-order lane fold of the pair kernels. Like
 * {@link PanamaScan}'s, every sum here is in a fixed order: a pair's value never depends on
 * its neighbours, on the call or on the JIT.
 */
final class PanamaWide {

    /** A static final constant at every use (see {@link Species}). */
    static final VectorSpecies<Float> SPECIES = Species.WIDE;
    static final int LANES = SPECIES.length();

    /* Lane i of XOR_n takes lane i ^ n (see PanamaScan; masked for narrower species). */
    private static final VectorShuffle<Float> XOR_8 = VectorShuffle.fromOp(SPECIES, i -> (i ^ 8) & (LANES - 1));
    private static final VectorShuffle<Float> XOR_4 = VectorShuffle.fromOp(SPECIES, i -> (i ^ 4) & (LANES - 1));
    private static final VectorShuffle<Float> XOR_2 = VectorShuffle.fromOp(SPECIES, i -> (i ^ 2) & (LANES - 1));
    private static final VectorShuffle<Float> XOR_1 = VectorShuffle.fromOp(SPECIES, i -> (i ^ 1) & (LANES - 1));

    /** Lanes {@code l} with bit {@code b} of {@code l} set, for the tile's butterfly. */
    private static final VectorMask<Float> BIT2 = lanesWithBit(2);
    private static final VectorMask<Float> BIT1 = lanesWithBit(1);
    private static final VectorMask<Float> BIT0 = lanesWithBit(0);

    private PanamaWide() {}

    private static VectorMask<Float> lanesWithBit(int bit) {
        boolean[] set = new boolean[LANES];
        for (int l = 0; l < LANES; l++) {
            set[l] = (l >> bit & 1) == 1;
        }
        return VectorMask.fromArray(SPECIES, set, 0);
    }

    /** The sum of the lanes as a balanced tree in a fixed order (see {@link PanamaScan#fold}). */
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

    /** {@link #fold} of lanes stored in {@code t} from {@code at}, the same tree pair by pair. */
    static float foldStored(float[] t, int at) {
        for (int step = LANES / 2; step >= 1; step /= 2) {
            for (int i = 0; i < step; i++) {
                t[at + i] += t[at + i + step];
            }
        }
        return t[at];
    }

    /** One pair with a single accumulator, as the tile kernel computes each of its pairs. */
    private static float dotProductOneChain(float[] q, int qo, float[] x, int o, int length) {
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

    /** Where {@link #touch} leaves what it read, so that the reads cannot be left out. */
    @SuppressWarnings("unused")
    private static volatile int touched;

    /** Floats per 64-byte cache line. */
    private static final int LINE_FLOATS = 16;

    /**
     * Reads one float of each cache line of {@code data[from, from + length)}. The reads do not
     * depend on each other, so the core keeps many misses in flight, as a plain read does; Java
     * has no prefetch instruction to ask for the lines otherwise.
     */
    static void touch(float[] data, int from, int length) {
        int bits = 0;
        for (int i = from, end = from + length; i < end; i += LINE_FLOATS) {
            bits |= Float.floatToRawIntBits(data[i]);
        }
        if (bits == 0x7fc0_0001) { // one quiet NaN's bits: never stored, but the JIT cannot know
            touched = bits;
        }
    }

    /** Queries and rows per register block of the tile kernel: 8 accumulators, 6 loads per 8 fma. */
    private static final int TILE_QUERIES = 4;
    private static final int TILE_ROWS = 2;

    static void dotProductTile(float[] queries, int count, float[] data, int offset, int rows, int length, float[] out) {
        float[] scratch = new float[TILE_QUERIES * TILE_ROWS * LANES];
        // The chunk (64 KiB) into cache first, at the pace of a plain read: the arithmetic then
        // reads it from L2. Without it the first block of queries waited on memory a line at a
        // time: a 16 x 64 tile over a 10 MB space took twice its time over one cached chunk,
        // and knnBatch on one worker ran 12 % slower (373 and 380 against 333 and 324 us per
        // query, JMH A/B/A/B).
        touch(data, offset, rows * length);
        int blocks = count - count % TILE_QUERIES;
        for (int j = 0; j < blocks; j += TILE_QUERIES) {
            int r = 0;
            for (; r + TILE_ROWS <= rows; r += TILE_ROWS) {
                dotProducts4x2(queries, j * length, data, offset + r * length, length, out, r * count + j, count, scratch);
            }
            for (; r < rows; r++) {
                for (int jj = j; jj < j + TILE_QUERIES; jj++) {
                    out[r * count + jj] = dotProductOneChain(queries, jj * length, data, offset + r * length, length);
                }
            }
        }
        for (int j = blocks; j < count; j++) {
            for (int r = 0; r < rows; r++) {
                out[r * count + j] = dotProductOneChain(queries, j * length, data, offset + r * length, length);
            }
        }
    }

    /**
     * Four queries (from {@code q0}, {@code length} apart) against two rows (from {@code x0}):
     * {@code out[at + r * rowStep + j]}. One accumulator per pair, its lanes summed in a fixed
     * order (a different one from the scan's: batched search rescores its candidates exactly).
     */
    private static void dotProducts4x2(float[] q, int q0, float[] x, int x0, int length,
                                       float[] out, int at, int rowStep, float[] scratch) {
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
        if (LANES == 8 || LANES == 16) {
            if (LANES == 16) {
                // Each lane i takes the sum of lanes i and i + 8: the 8-lane butterfly below then
                // works on lanes 0 to 7 (8 more lanewise adds).
                a00 = a00.add(a00.rearrange(XOR_8));
                a01 = a01.add(a01.rearrange(XOR_8));
                a10 = a10.add(a10.rearrange(XOR_8));
                a11 = a11.add(a11.rearrange(XOR_8));
                a20 = a20.add(a20.rearrange(XOR_8));
                a21 = a21.add(a21.rearrange(XOR_8));
                a30 = a30.add(a30.rearrange(XOR_8));
                a31 = a31.add(a31.rearrange(XOR_8));
            }
            // The butterfly of PanamaKernels.dots8: pair p = 2 query + row ends in lane p of
            // one vector, 28 lanewise operations where eight folds through memory took about
            // 8 x 28 scalar ones (a third of the tile's time at d = 256).
            FloatVector b0 = a00.blend(a20, BIT2).add(a20.blend(a00, BIT2).rearrange(XOR_4));
            FloatVector b1 = a01.blend(a21, BIT2).add(a21.blend(a01, BIT2).rearrange(XOR_4));
            FloatVector b2 = a10.blend(a30, BIT2).add(a30.blend(a10, BIT2).rearrange(XOR_4));
            FloatVector b3 = a11.blend(a31, BIT2).add(a31.blend(a11, BIT2).rearrange(XOR_4));
            FloatVector c0 = b0.blend(b2, BIT1).add(b2.blend(b0, BIT1).rearrange(XOR_2));
            FloatVector c1 = b1.blend(b3, BIT1).add(b3.blend(b1, BIT1).rearrange(XOR_2));
            c0.blend(c1, BIT0).add(c1.blend(c0, BIT0).rearrange(XOR_1)).intoArray(scratch, 0);
        } else {
            // Through memory rather than eight folds in registers: with eight inlined folds this
            // method passed C2's node budget, the last fold was not inlined and its accumulator
            // was boxed on every call (measured: 2.7 MB allocated per batch of 32 queries).
            a00.intoArray(scratch, 0);
            a01.intoArray(scratch, LANES);
            a10.intoArray(scratch, 2 * LANES);
            a11.intoArray(scratch, 3 * LANES);
            a20.intoArray(scratch, 4 * LANES);
            a21.intoArray(scratch, 5 * LANES);
            a30.intoArray(scratch, 6 * LANES);
            a31.intoArray(scratch, 7 * LANES);
            for (int p = 0; p < 8; p++) {
                scratch[p] = foldStored(scratch, p * LANES);
            }
        }
        float s00 = scratch[0];
        float s01 = scratch[1];
        float s10 = scratch[2];
        float s11 = scratch[3];
        float s20 = scratch[4];
        float s21 = scratch[5];
        float s30 = scratch[6];
        float s31 = scratch[7];
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
        out[at + rowStep] = s01;
        out[at + 1] = s10;
        out[at + 1 + rowStep] = s11;
        out[at + 2] = s20;
        out[at + 2 + rowStep] = s21;
        out[at + 3] = s30;
        out[at + 3 + rowStep] = s31;
    }
}
