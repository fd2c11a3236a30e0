package io.latentbench.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels. Each loop runs whole lanes of {@link #SPECIES} and finishes the
 * remainder with the scalar formula, so any length works.
 */
final class PanamaKernels implements VectorKernels {

    /**
     * Must stay a static final constant: a species the JIT cannot see as constant falls back
     * to boxed vectors, hundreds of times slower. 256 bits unless the machine has less: on
     * misaligned heap arrays 512-bit loads measured slower than 256-bit ones here.
     */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256
            ? FloatVector.SPECIES_256
            : FloatVector.SPECIES_PREFERRED;

    private static final int LANES = SPECIES.length();

    static final PanamaKernels INSTANCE = new PanamaKernels();

    private PanamaKernels() {}

    @Override
    public String name() {
        return "panama-" + SPECIES.vectorBitSize();
    }

    @Override
    public float dotProduct(float[] a, int aOffset, float[] b, int bOffset, int length) {
        int i = 0;
        float sum = 0f;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            FloatVector acc1 = FloatVector.zero(SPECIES);
            FloatVector acc2 = FloatVector.zero(SPECIES);
            int unrolled = bound - LANES;
            for (; i < unrolled; i += 2 * LANES) {
                acc1 = FloatVector.fromArray(SPECIES, a, aOffset + i)
                        .fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc1);
                acc2 = FloatVector.fromArray(SPECIES, a, aOffset + i + LANES)
                        .fma(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES), acc2);
            }
            for (; i < bound; i += LANES) {
                acc1 = FloatVector.fromArray(SPECIES, a, aOffset + i)
                        .fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc1);
            }
            sum = sum(acc1.add(acc2));
        }
        for (; i < length; i++) {
            sum += a[aOffset + i] * b[bOffset + i];
        }
        return sum;
    }

    @Override
    public float squareDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        int i = 0;
        float sum = 0f;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            FloatVector acc1 = FloatVector.zero(SPECIES);
            FloatVector acc2 = FloatVector.zero(SPECIES);
            int unrolled = bound - LANES;
            for (; i < unrolled; i += 2 * LANES) {
                FloatVector d1 = FloatVector.fromArray(SPECIES, a, aOffset + i)
                        .sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
                FloatVector d2 = FloatVector.fromArray(SPECIES, a, aOffset + i + LANES)
                        .sub(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES));
                acc1 = d1.fma(d1, acc1);
                acc2 = d2.fma(d2, acc2);
            }
            for (; i < bound; i += LANES) {
                FloatVector d = FloatVector.fromArray(SPECIES, a, aOffset + i)
                        .sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
                acc1 = d.fma(d, acc1);
            }
            sum = sum(acc1.add(acc2));
        }
        for (; i < length; i++) {
            float d = a[aOffset + i] - b[bOffset + i];
            sum += d * d;
        }
        return sum;
    }

    @Override
    public float manhattanDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        int i = 0;
        float sum = 0f;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            FloatVector acc = FloatVector.zero(SPECIES);
            for (; i < bound; i += LANES) {
                FloatVector d = FloatVector.fromArray(SPECIES, a, aOffset + i)
                        .sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
                acc = acc.add(d.abs());
            }
            sum = sum(acc);
        }
        for (; i < length; i++) {
            sum += Math.abs(a[aOffset + i] - b[bOffset + i]);
        }
        return sum;
    }

    @Override
    public float cosine(float[] a, int aOffset, float[] b, int bOffset, int length) {
        int i = 0;
        float dot = 0f;
        float aa = 0f;
        float bb = 0f;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            FloatVector dotAcc = FloatVector.zero(SPECIES);
            FloatVector aaAcc = FloatVector.zero(SPECIES);
            FloatVector bbAcc = FloatVector.zero(SPECIES);
            for (; i < bound; i += LANES) {
                FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + i);
                FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
                dotAcc = x.fma(y, dotAcc);
                aaAcc = x.fma(x, aaAcc);
                bbAcc = y.fma(y, bbAcc);
            }
            dot = sum(dotAcc);
            aa = sum(aaAcc);
            bb = sum(bbAcc);
        }
        for (; i < length; i++) {
            float x = a[aOffset + i];
            float y = b[bOffset + i];
            dot += x * y;
            aa += x * x;
            bb += y * y;
        }
        return Similarities.cosine(dot, aa, bb);
    }

    @Override
    public float cosineDistance(float[] q, float qNorm, float[] b, int bOffset, int length) {
        int i = 0;
        float dot = 0f;
        float bb = 0f;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            FloatVector dotAcc = FloatVector.zero(SPECIES);
            FloatVector bbAcc = FloatVector.zero(SPECIES);
            for (; i < bound; i += LANES) {
                FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
                dotAcc = FloatVector.fromArray(SPECIES, q, i).fma(y, dotAcc);
                bbAcc = y.fma(y, bbAcc);
            }
            dot = sum(dotAcc);
            bb = sum(bbAcc);
        }
        for (; i < length; i++) {
            float y = b[bOffset + i];
            dot += q[i] * y;
            bb += y * y;
        }
        return Similarities.cosineDistance(dot, qNorm, bb);
    }

    /** Queries per register tile: each loaded lane of the row feeds this many accumulators. */
    private static final int QUERY_TILE = 4;

    @Override
    public float dotProductsAndNorm(float[] queries, int count, float[] x, int xOffset, int length, float[] out) {
        int j = 0;
        for (; j + QUERY_TILE <= count; j += QUERY_TILE) {
            dot4(queries, j * length, x, xOffset, length, out, j);
        }
        for (; j < count; j++) {
            out[j] = dotProduct(queries, j * length, x, xOffset, length);
        }
        return dotProduct(x, xOffset, x, xOffset, length);
    }

    /**
     * Four queries (back to back from {@code qOffset}) against one row. Kept as its own small
     * method: inlined into a larger loop it exceeded C2's inlining budget and the vectors were
     * boxed on the heap.
     */
    private static void dot4(float[] q, int qOffset, float[] x, int xOffset, int length, float[] out, int outOffset) {
        int q0 = qOffset;
        int q1 = q0 + length;
        int q2 = q1 + length;
        int q3 = q2 + length;
        FloatVector acc0 = FloatVector.zero(SPECIES);
        FloatVector acc1 = FloatVector.zero(SPECIES);
        FloatVector acc2 = FloatVector.zero(SPECIES);
        FloatVector acc3 = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(length);
        int i = 0;
        for (; i < bound; i += LANES) {
            FloatVector xv = FloatVector.fromArray(SPECIES, x, xOffset + i);
            acc0 = FloatVector.fromArray(SPECIES, q, q0 + i).fma(xv, acc0);
            acc1 = FloatVector.fromArray(SPECIES, q, q1 + i).fma(xv, acc1);
            acc2 = FloatVector.fromArray(SPECIES, q, q2 + i).fma(xv, acc2);
            acc3 = FloatVector.fromArray(SPECIES, q, q3 + i).fma(xv, acc3);
        }
        float s0 = sum(acc0);
        float s1 = sum(acc1);
        float s2 = sum(acc2);
        float s3 = sum(acc3);
        for (; i < length; i++) {
            float xi = x[xOffset + i];
            s0 += q[q0 + i] * xi;
            s1 += q[q1 + i] * xi;
            s2 += q[q2 + i] * xi;
            s3 += q[q3 + i] * xi;
        }
        out[outOffset] = s0;
        out[outOffset + 1] = s1;
        out[outOffset + 2] = s2;
        out[outOffset + 3] = s3;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        int i = 0;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            FloatVector va = FloatVector.broadcast(SPECIES, alpha);
            for (; i < bound; i += LANES) {
                FloatVector.fromArray(SPECIES, x, xOffset + i)
                        .fma(va, FloatVector.fromArray(SPECIES, y, yOffset + i))
                        .intoArray(y, yOffset + i);
            }
        }
        for (; i < length; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    @Override
    public void scale(float alpha, float[] y, int yOffset, int length) {
        int i = 0;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            for (; i < bound; i += LANES) {
                FloatVector.fromArray(SPECIES, y, yOffset + i).mul(alpha).intoArray(y, yOffset + i);
            }
        }
        for (; i < length; i++) {
            y[yOffset + i] *= alpha;
        }
    }

    // ---- attention kernels ----

    /**
     * Rotations by half, a quarter and an eighth of the lanes: adding a vector to its
     * rotations sums all lanes in a fixed tree order from exact lane moves and lanewise adds,
     * the same bits interpreted or compiled (unlike {@code reduceLanes(ADD)}), and cheaper than
     * reading the lanes out one by one. SPECIES has at most 8 lanes.
     *
     * <p>The folds are written out in each kernel rather than in a helper taking a vector: when
     * a kernel is inlined into a large caller, C2 may refuse to inline the helper too
     * (NodeCountInliningCutoff), and a vector passed to a call is boxed on the heap.
     */
    private static final VectorShuffle<Float> FOLD_HALF = rotation(LANES / 2);
    private static final VectorShuffle<Float> FOLD_QUARTER = rotation(Math.max(1, LANES / 4));
    private static final VectorShuffle<Float> FOLD_EIGHTH = rotation(Math.max(1, LANES / 8));

    private static VectorShuffle<Float> rotation(int by) {
        return VectorShuffle.fromOp(SPECIES, lane -> (lane + by) % LANES);
    }

    @Override
    public void segmentDots(float[] q, float[] row, int rowOffset, int segments, int width,
                            float[] out, int outOffset, int outStride) {
        if (segments == 1) {
            out[outOffset] = dotProduct(q, 0, row, rowOffset, width);
            return;
        }
        int bound = SPECIES.loopBound(width);
        for (int s = 0; s < segments; s++) {
            int qBase = s * width;
            int rowBase = rowOffset + qBase;
            int i = 0;
            float sum = 0f;
            if (bound > 0) {
                FloatVector acc = FloatVector.zero(SPECIES);
                for (; i < bound; i += LANES) {
                    acc = FloatVector.fromArray(SPECIES, q, qBase + i)
                            .fma(FloatVector.fromArray(SPECIES, row, rowBase + i), acc);
                }
                if (LANES >= 2) {
                    acc = acc.add(acc.rearrange(FOLD_HALF));
                }
                if (LANES >= 4) {
                    acc = acc.add(acc.rearrange(FOLD_QUARTER));
                }
                if (LANES >= 8) {
                    acc = acc.add(acc.rearrange(FOLD_EIGHTH));
                }
                sum = acc.lane(0);
            }
            for (; i < width; i++) {
                sum += q[qBase + i] * row[rowBase + i];
            }
            out[outOffset + s * outStride] = sum;
        }
    }

    @Override
    public float expShifted(float[] x, int offset, int length, float scale, float shift) {
        int i = 0;
        float sum = 0f;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            FloatVector acc = FloatVector.zero(SPECIES);
            for (; i < bound; i += LANES) {
                // PolynomialExp.exp lane by lane, the same operations in the same order; written
                // out here, not in a helper, for the reason given at FOLD_HALF.
                FloatVector v = FloatVector.fromArray(SPECIES, x, offset + i).mul(scale).sub(shift);
                VectorMask<Float> underflow = v.compare(VectorOperators.LT, PolynomialExp.MIN_ARGUMENT);
                FloatVector clamped = v.max(PolynomialExp.MIN_ARGUMENT).min(PolynomialExp.MAX_ARGUMENT);
                FloatVector t = clamped.fma(PolynomialExp.LOG2_E, PolynomialExp.ROUNDING_MAGIC);
                FloatVector n = t.sub(PolynomialExp.ROUNDING_MAGIC);
                FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -PolynomialExp.LN2_HI), clamped);
                r = n.fma(FloatVector.broadcast(SPECIES, -PolynomialExp.LN2_LO), r);
                FloatVector p = r.fma(PolynomialExp.C7, PolynomialExp.C6);
                p = p.fma(r, FloatVector.broadcast(SPECIES, PolynomialExp.C5));
                p = p.fma(r, FloatVector.broadcast(SPECIES, PolynomialExp.C4));
                p = p.fma(r, FloatVector.broadcast(SPECIES, PolynomialExp.C3));
                p = p.fma(r, FloatVector.broadcast(SPECIES, PolynomialExp.C2));
                p = p.fma(r, FloatVector.broadcast(SPECIES, 1f));
                p = p.fma(r, FloatVector.broadcast(SPECIES, 1f));
                IntVector exponent = ((IntVector) t.reinterpretAsInts())
                        .add(127 - PolynomialExp.ROUNDING_MAGIC_BITS)
                        .lanewise(VectorOperators.LSHL, 23);
                FloatVector e = p.mul(exponent.reinterpretAsFloats()).blend(0f, underflow);
                e.intoArray(x, offset + i);
                acc = acc.add(e);
            }
            if (LANES >= 2) {
                acc = acc.add(acc.rearrange(FOLD_HALF));
            }
            if (LANES >= 4) {
                acc = acc.add(acc.rearrange(FOLD_QUARTER));
            }
            if (LANES >= 8) {
                acc = acc.add(acc.rearrange(FOLD_EIGHTH));
            }
            sum = acc.lane(0);
        }
        for (; i < length; i++) {
            float e = PolynomialExp.exp(x[offset + i] * scale - shift);
            x[offset + i] = e;
            sum += e;
        }
        return sum;
    }

    /** Output lanes kept in registers per pass over the rows: 4 vectors, one 32-float head at 256 bits. */
    private static final int SUM_TILE = 4 * LANES;

    @Override
    public void weightedSum(float[] weights, int wOffset, float[][] rows, int[] offsets, int count, int from,
                            float[] out, int outOffset, int length) {
        int j = 0;
        for (; j + SUM_TILE <= length; j += SUM_TILE) {
            FloatVector acc0 = FloatVector.zero(SPECIES);
            FloatVector acc1 = FloatVector.zero(SPECIES);
            FloatVector acc2 = FloatVector.zero(SPECIES);
            FloatVector acc3 = FloatVector.zero(SPECIES);
            for (int i = 0; i < count; i++) {
                FloatVector w = FloatVector.broadcast(SPECIES, weights[wOffset + i]);
                float[] row = rows[i];
                int base = offsets[i] + from + j;
                acc0 = FloatVector.fromArray(SPECIES, row, base).fma(w, acc0);
                acc1 = FloatVector.fromArray(SPECIES, row, base + LANES).fma(w, acc1);
                acc2 = FloatVector.fromArray(SPECIES, row, base + 2 * LANES).fma(w, acc2);
                acc3 = FloatVector.fromArray(SPECIES, row, base + 3 * LANES).fma(w, acc3);
            }
            int o = outOffset + j;
            FloatVector.fromArray(SPECIES, out, o).add(acc0).intoArray(out, o);
            FloatVector.fromArray(SPECIES, out, o + LANES).add(acc1).intoArray(out, o + LANES);
            FloatVector.fromArray(SPECIES, out, o + 2 * LANES).add(acc2).intoArray(out, o + 2 * LANES);
            FloatVector.fromArray(SPECIES, out, o + 3 * LANES).add(acc3).intoArray(out, o + 3 * LANES);
        }
        for (; j + LANES <= length; j += LANES) {
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int i = 0; i < count; i++) {
                acc = FloatVector.fromArray(SPECIES, rows[i], offsets[i] + from + j)
                        .fma(FloatVector.broadcast(SPECIES, weights[wOffset + i]), acc);
            }
            int o = outOffset + j;
            FloatVector.fromArray(SPECIES, out, o).add(acc).intoArray(out, o);
        }
        for (; j < length; j++) {
            float sum = 0f;
            for (int i = 0; i < count; i++) {
                sum = Math.fma(weights[wOffset + i], rows[i][offsets[i] + from + j], sum);
            }
            out[outOffset + j] += sum;
        }
    }

    /**
     * Sums the lanes in a fixed order. {@code reduceLanes(ADD)} leaves the order of float
     * additions unspecified, and the interpreter and the JIT really do differ: the same query
     * then gets distances a few ulps apart depending on how warm the code is.
     */
    private static float sum(FloatVector v) {
        float sum = 0f;
        for (int lane = 0; lane < LANES; lane++) {
            sum += v.lane(lane);
        }
        return sum;
    }
}
