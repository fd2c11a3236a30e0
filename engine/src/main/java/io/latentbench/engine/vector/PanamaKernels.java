package io.latentbench.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels. Each loop runs whole lanes of {@link #SPECIES} and finishes the
 * remainder with the scalar formula, so any length works.
 */
final class PanamaKernels implements VectorKernels {

    /**
     * Must stay a static final constant: a species the JIT cannot see as constant falls back
     * to boxed vectors, hundreds of times slower. 256 bits unless the machine has less: on
     * misaligned heap arrays 512-bit loads measured slower than 256-bit ones on an AVX-512
     * machine, and on an AVX2-only one (MaxVectorSize 32) a 512-bit species is not compiled to
     * vector instructions at all: measured 30 to 60 times slower than 256 bits.
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
            // Two sets of accumulators: one set leaves the loop waiting on the latency of
            // three fma chains, which kept cosine below Lucene's (also unrolled) kernel.
            FloatVector dotAcc = FloatVector.zero(SPECIES);
            FloatVector aaAcc = FloatVector.zero(SPECIES);
            FloatVector bbAcc = FloatVector.zero(SPECIES);
            FloatVector dotAcc2 = FloatVector.zero(SPECIES);
            FloatVector aaAcc2 = FloatVector.zero(SPECIES);
            FloatVector bbAcc2 = FloatVector.zero(SPECIES);
            int unrolled = bound - LANES;
            for (; i < unrolled; i += 2 * LANES) {
                FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + i);
                FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
                FloatVector x2 = FloatVector.fromArray(SPECIES, a, aOffset + i + LANES);
                FloatVector y2 = FloatVector.fromArray(SPECIES, b, bOffset + i + LANES);
                dotAcc = x.fma(y, dotAcc);
                aaAcc = x.fma(x, aaAcc);
                bbAcc = y.fma(y, bbAcc);
                dotAcc2 = x2.fma(y2, dotAcc2);
                aaAcc2 = x2.fma(x2, aaAcc2);
                bbAcc2 = y2.fma(y2, bbAcc2);
            }
            for (; i < bound; i += LANES) {
                FloatVector x = FloatVector.fromArray(SPECIES, a, aOffset + i);
                FloatVector y = FloatVector.fromArray(SPECIES, b, bOffset + i);
                dotAcc = x.fma(y, dotAcc);
                aaAcc = x.fma(x, aaAcc);
                bbAcc = y.fma(y, bbAcc);
            }
            dot = sum(dotAcc.add(dotAcc2));
            aa = sum(aaAcc.add(aaAcc2));
            bb = sum(bbAcc.add(bbAcc2));
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

    @Override
    public void squareDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        PanamaScan.squareDistances(q, data, offset, rows, length, out);
    }

    @Override
    public void dotProducts(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        PanamaScan.dotProducts(q, data, offset, rows, length, out);
    }

    @Override
    public void manhattanDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        PanamaScan.manhattanDistances(q, data, offset, rows, length, out);
    }

    @Override
    public void dotProductTile(float[] queries, int count, float[] data, int offset, int rows, int length, float[] out) {
        PanamaScan.dotProductTile(queries, count, data, offset, rows, length, out);
    }
}
