package io.latentbench.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batched search's tile with the queries across the lanes ({@link QueryTile.Lanes}): each row
 * element, broadcast, meets {@code LANES} queries in one fused multiply-add, so a block of rows
 * times one or two vectors of queries keeps every accumulator in a register and needs no lane
 * sums at the end. On 10k x 256 rows and 32 queries (AVX-512) the tile alone took 43 us per
 * query where {@link PanamaWide}'s, the queries along the lanes, took 65 (one JVM), and knnBatch
 * on one worker ran 43 % faster with it (JMH, relative run). With fewer queries than lanes the
 * lanes would idle, and that tile stays ({@link #fills}). Six rows by two vectors of queries is
 * 12 accumulators, 2 loads and 6 broadcasts per 12 fused multiply-adds, and fits AVX2's 16
 * registers as well as AVX-512's 32.
 */
final class PanamaLanes {

    /** A static final constant at every use (see {@link Species}). */
    static final VectorSpecies<Float> SPECIES = Species.WIDE;
    static final int LANES = SPECIES.length();

    private PanamaLanes() {}

    /** Whether a tile of {@code count} queries fills at least one vector of queries. */
    static boolean fills(int count) {
        return count >= LANES;
    }

    static void dotProductTile(QueryTile.Lanes tile, float[] data, int offset, int rows, float[] out) {
        int length = tile.length();
        int stride = tile.stride();
        if (stride % LANES != 0) { // laid out for other lanes: the same chains one pair at a time
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < tile.count(); j++) {
                    out[r * stride + j] = tile.dot(j, data, offset + r * length);
                }
            }
            return;
        }
        float[] t = tile.values();
        PanamaWide.touch(data, offset, rows * length); // see PanamaWide.dotProductTile
        int v = 0;
        for (; v + 2 * LANES <= stride; v += 2 * LANES) {
            int r = 0;
            for (; r + 6 <= rows; r += 6) {
                rows6x2(t, v, stride, data, offset + r * length, length, out, r * stride + v);
            }
            for (; r < rows; r++) {
                rows1x2(t, v, stride, data, offset + r * length, length, out, r * stride + v);
            }
        }
        for (; v < stride; v += LANES) {
            int r = 0;
            for (; r + 12 <= rows; r += 12) {
                rows12x1(t, v, stride, data, offset + r * length, length, out, r * stride + v);
            }
            for (; r < rows; r++) {
                rows1x1(t, v, stride, data, offset + r * length, length, out, r * stride + v);
            }
        }
    }

    /**
     * See {@link VectorKernels#ranksWithin}: a vector of queries at a time, the last one masked.
     * A tile narrower than the lanes (of 4 to 15 queries) then still ranks a row in one vector
     * operation: lane by lane in Java, knnBatch of 8 queries on two workers (tiles of 4) lost
     * 6.9 % [2.6, 10.9] of its throughput to the filter it replaced (JMH, relative run).
     */
    static long ranksWithin(float[] dots, int at, int count, float[] base, float[] scale, float term, float rowScale,
                            float[] bounds) {
        long within = 0L;
        int j = 0;
        for (; j + LANES <= count; j += LANES) {
            FloatVector rank = rank(FloatVector.fromArray(SPECIES, dots, at + j), FloatVector.fromArray(SPECIES, scale, j),
                    FloatVector.fromArray(SPECIES, base, j), term, rowScale);
            rank.intoArray(dots, at + j);
            within |= rank.compare(VectorOperators.GT, FloatVector.fromArray(SPECIES, bounds, j)).not().toLong() << j;
        }
        if (j < count) {
            VectorMask<Float> lanes = SPECIES.indexInRange(j, count);
            FloatVector rank = rank(FloatVector.fromArray(SPECIES, dots, at + j, lanes),
                    FloatVector.fromArray(SPECIES, scale, j, lanes), FloatVector.fromArray(SPECIES, base, j, lanes),
                    term, rowScale);
            rank.intoArray(dots, at + j, lanes);
            VectorMask<Float> above = rank.compare(VectorOperators.GT, FloatVector.fromArray(SPECIES, bounds, j, lanes));
            within |= above.not().and(lanes).toLong() << j;
        }
        return within;
    }

    /** The rank of {@link VectorKernels#ranksWithin}, lane by lane: {@code fma(dot, scale * rowScale, base + term)}. */
    private static FloatVector rank(FloatVector dots, FloatVector scale, FloatVector base, float term, float rowScale) {
        return dots.fma(scale.mul(rowScale), base.add(term));
    }

    private static void rows6x2(float[] t, int v, int stride, float[] x, int x0, int length, float[] out, int at) {
        FloatVector a00 = FloatVector.zero(SPECIES), a01 = FloatVector.zero(SPECIES);
        FloatVector a10 = FloatVector.zero(SPECIES), a11 = FloatVector.zero(SPECIES);
        FloatVector a20 = FloatVector.zero(SPECIES), a21 = FloatVector.zero(SPECIES);
        FloatVector a30 = FloatVector.zero(SPECIES), a31 = FloatVector.zero(SPECIES);
        FloatVector a40 = FloatVector.zero(SPECIES), a41 = FloatVector.zero(SPECIES);
        FloatVector a50 = FloatVector.zero(SPECIES), a51 = FloatVector.zero(SPECIES);
        int x1 = x0 + length;
        int x2 = x1 + length;
        int x3 = x2 + length;
        int x4 = x3 + length;
        int x5 = x4 + length;
        for (int i = 0, ti = v; i < length; i++, ti += stride) {
            FloatVector q0 = FloatVector.fromArray(SPECIES, t, ti);
            FloatVector q1 = FloatVector.fromArray(SPECIES, t, ti + LANES);
            FloatVector b0 = FloatVector.broadcast(SPECIES, x[x0 + i]);
            a00 = q0.fma(b0, a00); a01 = q1.fma(b0, a01);
            FloatVector b1 = FloatVector.broadcast(SPECIES, x[x1 + i]);
            a10 = q0.fma(b1, a10); a11 = q1.fma(b1, a11);
            FloatVector b2 = FloatVector.broadcast(SPECIES, x[x2 + i]);
            a20 = q0.fma(b2, a20); a21 = q1.fma(b2, a21);
            FloatVector b3 = FloatVector.broadcast(SPECIES, x[x3 + i]);
            a30 = q0.fma(b3, a30); a31 = q1.fma(b3, a31);
            FloatVector b4 = FloatVector.broadcast(SPECIES, x[x4 + i]);
            a40 = q0.fma(b4, a40); a41 = q1.fma(b4, a41);
            FloatVector b5 = FloatVector.broadcast(SPECIES, x[x5 + i]);
            a50 = q0.fma(b5, a50); a51 = q1.fma(b5, a51);
        }
        a00.intoArray(out, at); a01.intoArray(out, at + LANES);
        a10.intoArray(out, at + stride); a11.intoArray(out, at + stride + LANES);
        a20.intoArray(out, at + 2 * stride); a21.intoArray(out, at + 2 * stride + LANES);
        a30.intoArray(out, at + 3 * stride); a31.intoArray(out, at + 3 * stride + LANES);
        a40.intoArray(out, at + 4 * stride); a41.intoArray(out, at + 4 * stride + LANES);
        a50.intoArray(out, at + 5 * stride); a51.intoArray(out, at + 5 * stride + LANES);
    }

    private static void rows1x2(float[] t, int v, int stride, float[] x, int x0, int length, float[] out, int at) {
        FloatVector a00 = FloatVector.zero(SPECIES), a01 = FloatVector.zero(SPECIES);
        for (int i = 0, ti = v; i < length; i++, ti += stride) {
            FloatVector q0 = FloatVector.fromArray(SPECIES, t, ti);
            FloatVector q1 = FloatVector.fromArray(SPECIES, t, ti + LANES);
            FloatVector b0 = FloatVector.broadcast(SPECIES, x[x0 + i]);
            a00 = q0.fma(b0, a00); a01 = q1.fma(b0, a01);
        }
        a00.intoArray(out, at); a01.intoArray(out, at + LANES);
    }

    private static void rows12x1(float[] t, int v, int stride, float[] x, int x0, int length, float[] out, int at) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = FloatVector.zero(SPECIES);
        FloatVector a2 = FloatVector.zero(SPECIES);
        FloatVector a3 = FloatVector.zero(SPECIES);
        FloatVector a4 = FloatVector.zero(SPECIES);
        FloatVector a5 = FloatVector.zero(SPECIES);
        FloatVector a6 = FloatVector.zero(SPECIES);
        FloatVector a7 = FloatVector.zero(SPECIES);
        FloatVector a8 = FloatVector.zero(SPECIES);
        FloatVector a9 = FloatVector.zero(SPECIES);
        FloatVector a10 = FloatVector.zero(SPECIES);
        FloatVector a11 = FloatVector.zero(SPECIES);
        int x1 = x0 + length;
        int x2 = x1 + length;
        int x3 = x2 + length;
        int x4 = x3 + length;
        int x5 = x4 + length;
        int x6 = x5 + length;
        int x7 = x6 + length;
        int x8 = x7 + length;
        int x9 = x8 + length;
        int x10 = x9 + length;
        int x11 = x10 + length;
        for (int i = 0, ti = v; i < length; i++, ti += stride) {
            FloatVector q0 = FloatVector.fromArray(SPECIES, t, ti);
            FloatVector b0 = FloatVector.broadcast(SPECIES, x[x0 + i]);
            a0 = q0.fma(b0, a0);
            FloatVector b1 = FloatVector.broadcast(SPECIES, x[x1 + i]);
            a1 = q0.fma(b1, a1);
            FloatVector b2 = FloatVector.broadcast(SPECIES, x[x2 + i]);
            a2 = q0.fma(b2, a2);
            FloatVector b3 = FloatVector.broadcast(SPECIES, x[x3 + i]);
            a3 = q0.fma(b3, a3);
            FloatVector b4 = FloatVector.broadcast(SPECIES, x[x4 + i]);
            a4 = q0.fma(b4, a4);
            FloatVector b5 = FloatVector.broadcast(SPECIES, x[x5 + i]);
            a5 = q0.fma(b5, a5);
            FloatVector b6 = FloatVector.broadcast(SPECIES, x[x6 + i]);
            a6 = q0.fma(b6, a6);
            FloatVector b7 = FloatVector.broadcast(SPECIES, x[x7 + i]);
            a7 = q0.fma(b7, a7);
            FloatVector b8 = FloatVector.broadcast(SPECIES, x[x8 + i]);
            a8 = q0.fma(b8, a8);
            FloatVector b9 = FloatVector.broadcast(SPECIES, x[x9 + i]);
            a9 = q0.fma(b9, a9);
            FloatVector b10 = FloatVector.broadcast(SPECIES, x[x10 + i]);
            a10 = q0.fma(b10, a10);
            FloatVector b11 = FloatVector.broadcast(SPECIES, x[x11 + i]);
            a11 = q0.fma(b11, a11);
        }
        a0.intoArray(out, at);
        a1.intoArray(out, at + stride);
        a2.intoArray(out, at + 2 * stride);
        a3.intoArray(out, at + 3 * stride);
        a4.intoArray(out, at + 4 * stride);
        a5.intoArray(out, at + 5 * stride);
        a6.intoArray(out, at + 6 * stride);
        a7.intoArray(out, at + 7 * stride);
        a8.intoArray(out, at + 8 * stride);
        a9.intoArray(out, at + 9 * stride);
        a10.intoArray(out, at + 10 * stride);
        a11.intoArray(out, at + 11 * stride);
    }

    private static void rows1x1(float[] t, int v, int stride, float[] x, int x0, int length, float[] out, int at) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        for (int i = 0, ti = v; i < length; i++, ti += stride) {
            FloatVector q0 = FloatVector.fromArray(SPECIES, t, ti);
            FloatVector b0 = FloatVector.broadcast(SPECIES, x[x0 + i]);
            a0 = q0.fma(b0, a0);
        }
        a0.intoArray(out, at);
    }
}
