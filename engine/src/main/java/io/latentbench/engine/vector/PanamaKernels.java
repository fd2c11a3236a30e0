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
     * The species of attention's kernels: {@link Species#NARROW} (256 bits), as their lane sums
     * are 8-lane butterflies. A static final constant, like every species (see {@link Species}).
     */
    static final VectorSpecies<Float> SPECIES = Species.NARROW;

    /** The species of the pair kernels (dot product, distances, cosine): {@link Species#WIDE}. */
    private static final VectorSpecies<Float> PAIR = PanamaWide.SPECIES;
    private static final int PAIR_LANES = PAIR.length();

    private static final int LANES = SPECIES.length();

    static final PanamaKernels INSTANCE = new PanamaKernels();

    private PanamaKernels() {}

    @Override
    public String name() {
        return Species.describe();
    }

    @Override
    public float dotProduct(float[] a, int aOffset, float[] b, int bOffset, int length) {
        int i = 0;
        float sum = 0f;
        int bound = PAIR.loopBound(length);
        if (bound > 0) {
            FloatVector acc1 = FloatVector.zero(PAIR);
            FloatVector acc2 = FloatVector.zero(PAIR);
            int unrolled = bound - PAIR_LANES;
            for (; i < unrolled; i += 2 * PAIR_LANES) {
                acc1 = FloatVector.fromArray(PAIR, a, aOffset + i)
                        .fma(FloatVector.fromArray(PAIR, b, bOffset + i), acc1);
                acc2 = FloatVector.fromArray(PAIR, a, aOffset + i + PAIR_LANES)
                        .fma(FloatVector.fromArray(PAIR, b, bOffset + i + PAIR_LANES), acc2);
            }
            for (; i < bound; i += PAIR_LANES) {
                acc1 = FloatVector.fromArray(PAIR, a, aOffset + i)
                        .fma(FloatVector.fromArray(PAIR, b, bOffset + i), acc1);
            }
            sum = PanamaWide.fold(acc1.add(acc2));
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
        int bound = PAIR.loopBound(length);
        if (bound > 0) {
            FloatVector acc1 = FloatVector.zero(PAIR);
            FloatVector acc2 = FloatVector.zero(PAIR);
            int unrolled = bound - PAIR_LANES;
            for (; i < unrolled; i += 2 * PAIR_LANES) {
                FloatVector d1 = FloatVector.fromArray(PAIR, a, aOffset + i)
                        .sub(FloatVector.fromArray(PAIR, b, bOffset + i));
                FloatVector d2 = FloatVector.fromArray(PAIR, a, aOffset + i + PAIR_LANES)
                        .sub(FloatVector.fromArray(PAIR, b, bOffset + i + PAIR_LANES));
                acc1 = d1.fma(d1, acc1);
                acc2 = d2.fma(d2, acc2);
            }
            for (; i < bound; i += PAIR_LANES) {
                FloatVector d = FloatVector.fromArray(PAIR, a, aOffset + i)
                        .sub(FloatVector.fromArray(PAIR, b, bOffset + i));
                acc1 = d.fma(d, acc1);
            }
            sum = PanamaWide.fold(acc1.add(acc2));
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
        int bound = PAIR.loopBound(length);
        if (bound > 0) {
            FloatVector acc = FloatVector.zero(PAIR);
            for (; i < bound; i += PAIR_LANES) {
                FloatVector d = FloatVector.fromArray(PAIR, a, aOffset + i)
                        .sub(FloatVector.fromArray(PAIR, b, bOffset + i));
                acc = acc.add(d.abs());
            }
            sum = PanamaWide.fold(acc);
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
        int bound = PAIR.loopBound(length);
        if (bound > 0) {
            // Two sets of accumulators: one set leaves the loop waiting on the latency of
            // three fma chains, which kept cosine below Lucene's (also unrolled) kernel.
            FloatVector dotAcc = FloatVector.zero(PAIR);
            FloatVector aaAcc = FloatVector.zero(PAIR);
            FloatVector bbAcc = FloatVector.zero(PAIR);
            FloatVector dotAcc2 = FloatVector.zero(PAIR);
            FloatVector aaAcc2 = FloatVector.zero(PAIR);
            FloatVector bbAcc2 = FloatVector.zero(PAIR);
            int unrolled = bound - PAIR_LANES;
            for (; i < unrolled; i += 2 * PAIR_LANES) {
                FloatVector x = FloatVector.fromArray(PAIR, a, aOffset + i);
                FloatVector y = FloatVector.fromArray(PAIR, b, bOffset + i);
                FloatVector x2 = FloatVector.fromArray(PAIR, a, aOffset + i + PAIR_LANES);
                FloatVector y2 = FloatVector.fromArray(PAIR, b, bOffset + i + PAIR_LANES);
                dotAcc = x.fma(y, dotAcc);
                aaAcc = x.fma(x, aaAcc);
                bbAcc = y.fma(y, bbAcc);
                dotAcc2 = x2.fma(y2, dotAcc2);
                aaAcc2 = x2.fma(x2, aaAcc2);
                bbAcc2 = y2.fma(y2, bbAcc2);
            }
            for (; i < bound; i += PAIR_LANES) {
                FloatVector x = FloatVector.fromArray(PAIR, a, aOffset + i);
                FloatVector y = FloatVector.fromArray(PAIR, b, bOffset + i);
                dotAcc = x.fma(y, dotAcc);
                aaAcc = x.fma(x, aaAcc);
                bbAcc = y.fma(y, bbAcc);
            }
            dot = PanamaWide.fold(dotAcc.add(dotAcc2));
            aa = PanamaWide.fold(aaAcc.add(aaAcc2));
            bb = PanamaWide.fold(bbAcc.add(bbAcc2));
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
        int bound = PAIR.loopBound(length);
        if (bound > 0) {
            FloatVector dotAcc = FloatVector.zero(PAIR);
            FloatVector bbAcc = FloatVector.zero(PAIR);
            for (; i < bound; i += PAIR_LANES) {
                FloatVector y = FloatVector.fromArray(PAIR, b, bOffset + i);
                dotAcc = FloatVector.fromArray(PAIR, q, i).fma(y, dotAcc);
                bbAcc = y.fma(y, bbAcc);
            }
            dot = PanamaWide.fold(dotAcc);
            bb = PanamaWide.fold(bbAcc);
        }
        for (; i < length; i++) {
            float y = b[bOffset + i];
            dot += q[i] * y;
            bb += y * y;
        }
        return Similarities.cosineDistance(dot, qNorm, bb);
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

    /** Lanes {@code l} with bit {@code b} of {@code l} set, for the butterfly of {@link #dots8}. */
    static final VectorMask<Float> BIT2 = VectorMask.fromLong(SPECIES, 0b11110000);
    static final VectorMask<Float> BIT1 = VectorMask.fromLong(SPECIES, 0b11001100);
    static final VectorMask<Float> BIT0 = VectorMask.fromLong(SPECIES, 0b10101010);
    /** Lane {@code l} takes lane {@code l ^ 4}, {@code l ^ 2}, {@code l ^ 1}. */
    private static final VectorShuffle<Float> SWAP4 = VectorShuffle.fromOp(SPECIES, lane -> (lane ^ 4) % LANES);
    private static final VectorShuffle<Float> SWAP2 = VectorShuffle.fromOp(SPECIES, lane -> (lane ^ 2) % LANES);
    private static final VectorShuffle<Float> SWAP1 = VectorShuffle.fromOp(SPECIES, lane -> (lane ^ 1) % LANES);

    /** Rows per group of {@link #dots8}: one per lane, so the group's sums fill one vector. */
    private static final int DOT_ROWS = 8;

    @Override
    public void segmentDots(float[] q, float[][] rows, int[] offsets, int count, int segments, int width,
                            float[] out, int outOffset, int outStride) {
        int i = 0;
        if (LANES == DOT_ROWS) {
            boolean flat = segments > 1 && Integer.bitCount(width) == 1 && width >= LANES;
            for (; i + DOT_ROWS <= count; i += DOT_ROWS) {
                if (flat) {
                    dots8Flat(q, rows, offsets, i, segments, width, out, outOffset + i, outStride);
                } else {
                    dots8(q, rows, offsets, i, segments, width, out, outOffset + i, outStride);
                }
            }
        }
        for (; i < count; i++) {
            for (int s = 0; s < segments; s++) {
                out[outOffset + s * outStride + i] = oneSegmentDot(q, s * width, rows[i], offsets[i] + s * width, width);
            }
        }
    }

    /**
     * Eight rows at once, segment by segment: eight accumulators, then a butterfly that sums
     * the lanes of all eight together (three rounds of blend, swap and add: 28 lanewise
     * operations where eight separate reductions take about 56) and leaves row {@code r}'s sum
     * in lane {@code r}, stored with one write. Fixed order and exact lane moves: the same
     * bits interpreted or compiled. Only for 8-lane species.
     */
    private static void dots8(float[] q, float[][] rows, int[] offsets, int first, int segments, int width,
                              float[] out, int outOffset, int outStride) {
        float[] r0 = rows[first];
        float[] r1 = rows[first + 1];
        float[] r2 = rows[first + 2];
        float[] r3 = rows[first + 3];
        float[] r4 = rows[first + 4];
        float[] r5 = rows[first + 5];
        float[] r6 = rows[first + 6];
        float[] r7 = rows[first + 7];
        int bound = SPECIES.loopBound(width);
        for (int s = 0; s < segments; s++) {
            int base = s * width;
            int o0 = offsets[first] + base;
            int o1 = offsets[first + 1] + base;
            int o2 = offsets[first + 2] + base;
            int o3 = offsets[first + 3] + base;
            int o4 = offsets[first + 4] + base;
            int o5 = offsets[first + 5] + base;
            int o6 = offsets[first + 6] + base;
            int o7 = offsets[first + 7] + base;
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = FloatVector.zero(SPECIES);
            FloatVector a2 = FloatVector.zero(SPECIES);
            FloatVector a3 = FloatVector.zero(SPECIES);
            FloatVector a4 = FloatVector.zero(SPECIES);
            FloatVector a5 = FloatVector.zero(SPECIES);
            FloatVector a6 = FloatVector.zero(SPECIES);
            FloatVector a7 = FloatVector.zero(SPECIES);
            int j = 0;
            for (; j < bound; j += LANES) {
                FloatVector qv = FloatVector.fromArray(SPECIES, q, base + j);
                a0 = FloatVector.fromArray(SPECIES, r0, o0 + j).fma(qv, a0);
                a1 = FloatVector.fromArray(SPECIES, r1, o1 + j).fma(qv, a1);
                a2 = FloatVector.fromArray(SPECIES, r2, o2 + j).fma(qv, a2);
                a3 = FloatVector.fromArray(SPECIES, r3, o3 + j).fma(qv, a3);
                a4 = FloatVector.fromArray(SPECIES, r4, o4 + j).fma(qv, a4);
                a5 = FloatVector.fromArray(SPECIES, r5, o5 + j).fma(qv, a5);
                a6 = FloatVector.fromArray(SPECIES, r6, o6 + j).fma(qv, a6);
                a7 = FloatVector.fromArray(SPECIES, r7, o7 + j).fma(qv, a7);
            }
            // Round 1: lanes 0-3 of b_p hold half sums of a_p, lanes 4-7 those of a_(p+4).
            FloatVector b0 = a0.blend(a4, BIT2).add(a4.blend(a0, BIT2).rearrange(SWAP4));
            FloatVector b1 = a1.blend(a5, BIT2).add(a5.blend(a1, BIT2).rearrange(SWAP4));
            FloatVector b2 = a2.blend(a6, BIT2).add(a6.blend(a2, BIT2).rearrange(SWAP4));
            FloatVector b3 = a3.blend(a7, BIT2).add(a7.blend(a3, BIT2).rearrange(SWAP4));
            // Round 2: c_p holds quarter sums of a_p, a_(p+2), a_(p+4), a_(p+6) in lane pairs.
            FloatVector c0 = b0.blend(b2, BIT1).add(b2.blend(b0, BIT1).rearrange(SWAP2));
            FloatVector c1 = b1.blend(b3, BIT1).add(b3.blend(b1, BIT1).rearrange(SWAP2));
            // Round 3: lane r holds the whole sum of a_r.
            FloatVector sums = c0.blend(c1, BIT0).add(c1.blend(c0, BIT0).rearrange(SWAP1));
            int at = outOffset + s * outStride;
            sums.intoArray(out, at);
            for (int k = bound; k < width; k++) {
                float qk = q[base + k];
                out[at] += qk * r0[o0 + k];
                out[at + 1] += qk * r1[o1 + k];
                out[at + 2] += qk * r2[o2 + k];
                out[at + 3] += qk * r3[o3 + k];
                out[at + 4] += qk * r4[o4 + k];
                out[at + 5] += qk * r5[o5 + k];
                out[at + 6] += qk * r6[o6 + k];
                out[at + 7] += qk * r7[o7 + k];
            }
        }
    }

    /**
     * {@link #dots8} for many short segments of a power-of-two width (heads of d = 256 with 8
     * heads are 4 vectors): one flat loop over the row that reduces and stores at each segment
     * boundary. A short loop per segment runs mostly in C2's pre- and post-loops, and
     * straight-line code keeps a bounds check on every load.
     */
    private static void dots8Flat(float[] q, float[][] rows, int[] offsets, int first, int segments, int width,
                                  float[] out, int outOffset, int outStride) {
        float[] r0 = rows[first];
        float[] r1 = rows[first + 1];
        float[] r2 = rows[first + 2];
        float[] r3 = rows[first + 3];
        float[] r4 = rows[first + 4];
        float[] r5 = rows[first + 5];
        float[] r6 = rows[first + 6];
        float[] r7 = rows[first + 7];
        int o0 = offsets[first];
        int o1 = offsets[first + 1];
        int o2 = offsets[first + 2];
        int o3 = offsets[first + 3];
        int o4 = offsets[first + 4];
        int o5 = offsets[first + 5];
        int o6 = offsets[first + 6];
        int o7 = offsets[first + 7];
        int segmentMask = width - 1;
        int length = segments * width;
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = zero;
        FloatVector a1 = zero;
        FloatVector a2 = zero;
        FloatVector a3 = zero;
        FloatVector a4 = zero;
        FloatVector a5 = zero;
        FloatVector a6 = zero;
        FloatVector a7 = zero;
        for (int k = 0, at = outOffset; k < length; k += LANES) {
            FloatVector qv = FloatVector.fromArray(SPECIES, q, k);
            a0 = FloatVector.fromArray(SPECIES, r0, o0 + k).fma(qv, a0);
            a1 = FloatVector.fromArray(SPECIES, r1, o1 + k).fma(qv, a1);
            a2 = FloatVector.fromArray(SPECIES, r2, o2 + k).fma(qv, a2);
            a3 = FloatVector.fromArray(SPECIES, r3, o3 + k).fma(qv, a3);
            a4 = FloatVector.fromArray(SPECIES, r4, o4 + k).fma(qv, a4);
            a5 = FloatVector.fromArray(SPECIES, r5, o5 + k).fma(qv, a5);
            a6 = FloatVector.fromArray(SPECIES, r6, o6 + k).fma(qv, a6);
            a7 = FloatVector.fromArray(SPECIES, r7, o7 + k).fma(qv, a7);
            if (((k + LANES) & segmentMask) == 0) {
                // The same butterfly as in dots8.
                FloatVector b0 = a0.blend(a4, BIT2).add(a4.blend(a0, BIT2).rearrange(SWAP4));
                FloatVector b1 = a1.blend(a5, BIT2).add(a5.blend(a1, BIT2).rearrange(SWAP4));
                FloatVector b2 = a2.blend(a6, BIT2).add(a6.blend(a2, BIT2).rearrange(SWAP4));
                FloatVector b3 = a3.blend(a7, BIT2).add(a7.blend(a3, BIT2).rearrange(SWAP4));
                FloatVector c0 = b0.blend(b2, BIT1).add(b2.blend(b0, BIT1).rearrange(SWAP2));
                FloatVector c1 = b1.blend(b3, BIT1).add(b3.blend(b1, BIT1).rearrange(SWAP2));
                c0.blend(c1, BIT0).add(c1.blend(c0, BIT0).rearrange(SWAP1)).intoArray(out, at);
                at += outStride;
                a0 = zero;
                a1 = zero;
                a2 = zero;
                a3 = zero;
                a4 = zero;
                a5 = zero;
                a6 = zero;
                a7 = zero;
            }
        }
    }

    /** One segment of one row: vector lanes folded in a fixed tree, then the scalar tail. */
    private static float oneSegmentDot(float[] q, int qOffset, float[] row, int rowOffset, int width) {
        int bound = SPECIES.loopBound(width);
        int i = 0;
        float sum = 0f;
        if (bound > 0) {
            FloatVector acc = FloatVector.zero(SPECIES);
            for (; i < bound; i += LANES) {
                acc = FloatVector.fromArray(SPECIES, q, qOffset + i)
                        .fma(FloatVector.fromArray(SPECIES, row, rowOffset + i), acc);
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
            sum += q[qOffset + i] * row[rowOffset + i];
        }
        return sum;
    }

    @Override
    public float maxValue(float[] x, int offset, int length) {
        int i = 0;
        float max = Float.NEGATIVE_INFINITY;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            // Two chains: a block of MultiHead's scores is only 8 vectors, so one chain of
            // dependent max operations would be most of its time.
            FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
            FloatVector acc2 = acc;
            for (; i < bound - LANES; i += 2 * LANES) {
                acc = acc.max(FloatVector.fromArray(SPECIES, x, offset + i));
                acc2 = acc2.max(FloatVector.fromArray(SPECIES, x, offset + i + LANES));
            }
            for (; i < bound; i += LANES) {
                acc = acc.max(FloatVector.fromArray(SPECIES, x, offset + i));
            }
            acc = acc.max(acc2);
            // The maximum is exact in any order; folds as for the sums.
            if (LANES >= 2) {
                acc = acc.max(acc.rearrange(FOLD_HALF));
            }
            if (LANES >= 4) {
                acc = acc.max(acc.rearrange(FOLD_QUARTER));
            }
            if (LANES >= 8) {
                acc = acc.max(acc.rearrange(FOLD_EIGHTH));
            }
            max = acc.lane(0);
        }
        for (; i < length; i++) {
            max = Math.max(max, x[offset + i]);
        }
        return max;
    }

    @Override
    public float expShifted(float[] x, int offset, int length, float scale, float shift) {
        int i = 0;
        float sum = 0f;
        int bound = SPECIES.loopBound(length);
        if (bound > 0) {
            // Even and odd vectors summed apart (the two accumulators trade places each step),
            // then together: two chains of dependent adds instead of one.
            FloatVector acc = FloatVector.zero(SPECIES);
            FloatVector acc2 = acc;
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
                FloatVector other = acc2;
                acc2 = acc.add(e);
                acc = other;
            }
            acc = acc.add(acc2);
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

    /** Rows folded into each loaded slice of the output before it is stored again. */
    private static final int ROWS_PER_PASS = 4;

    @Override
    public void weightedSum(float[] weights, int wOffset, int wStride, float[][] rows, int[] offsets, int count,
                            int segments, int width, float[] out) {
        int i = 0;
        for (; i + ROWS_PER_PASS <= count; i += ROWS_PER_PASS) {
            weightedSum4(weights, wOffset + i, wStride, rows[i], offsets[i], rows[i + 1], offsets[i + 1],
                    rows[i + 2], offsets[i + 2], rows[i + 3], offsets[i + 3], segments, width, out);
        }
        for (; i < count; i++) {
            for (int s = 0; s < segments; s++) {
                axpy(weights[wOffset + s * wStride + i], rows[i], offsets[i] + s * width, out, s * width, width);
            }
        }
    }

    /**
     * Four rows into {@code out}: each output vector is loaded, takes four fmas and is stored,
     * where a row at a time would load and store it four times. Its own method so that it is
     * compiled whole even where the caller is inlined into a large method.
     */
    private static void weightedSum4(float[] weights, int w, int wStride, float[] r0, int o0, float[] r1, int o1,
                                     float[] r2, int o2, float[] r3, int o3, int segments, int width, float[] out) {
        if (segments > 1 && Integer.bitCount(width) == 1 && width >= LANES) {
            // Many short segments: one flat loop over the row, taking the next segment's weights
            // at each boundary, runs far better in C2 than a short inner loop per segment (whose
            // few trips run mostly in C2's pre- and post-loops).
            int segmentMask = width - 1;
            int length = segments * width;
            FloatVector v0 = FloatVector.zero(SPECIES);
            FloatVector v1 = v0;
            FloatVector v2 = v0;
            FloatVector v3 = v0;
            for (int k = 0, ws = w; k < length; k += LANES) {
                if ((k & segmentMask) == 0) {
                    v0 = FloatVector.broadcast(SPECIES, weights[ws]);
                    v1 = FloatVector.broadcast(SPECIES, weights[ws + 1]);
                    v2 = FloatVector.broadcast(SPECIES, weights[ws + 2]);
                    v3 = FloatVector.broadcast(SPECIES, weights[ws + 3]);
                    ws += wStride;
                }
                FloatVector o = FloatVector.fromArray(SPECIES, r0, o0 + k).fma(v0, FloatVector.fromArray(SPECIES, out, k));
                o = FloatVector.fromArray(SPECIES, r1, o1 + k).fma(v1, o);
                o = FloatVector.fromArray(SPECIES, r2, o2 + k).fma(v2, o);
                FloatVector.fromArray(SPECIES, r3, o3 + k).fma(v3, o).intoArray(out, k);
            }
            return;
        }
        int bound = SPECIES.loopBound(width);
        for (int s = 0; s < segments; s++) {
            int ws = w + s * wStride;
            float w0 = weights[ws];
            float w1 = weights[ws + 1];
            float w2 = weights[ws + 2];
            float w3 = weights[ws + 3];
            FloatVector v0 = FloatVector.broadcast(SPECIES, w0);
            FloatVector v1 = FloatVector.broadcast(SPECIES, w1);
            FloatVector v2 = FloatVector.broadcast(SPECIES, w2);
            FloatVector v3 = FloatVector.broadcast(SPECIES, w3);
            int base = s * width;
            int j = 0;
            for (; j < bound; j += LANES) {
                int k = base + j;
                FloatVector o = FloatVector.fromArray(SPECIES, r0, o0 + k).fma(v0, FloatVector.fromArray(SPECIES, out, k));
                o = FloatVector.fromArray(SPECIES, r1, o1 + k).fma(v1, o);
                o = FloatVector.fromArray(SPECIES, r2, o2 + k).fma(v2, o);
                FloatVector.fromArray(SPECIES, r3, o3 + k).fma(v3, o).intoArray(out, k);
            }
            for (; j < width; j++) {
                int k = base + j;
                out[k] = Math.fma(r3[o3 + k], w3, Math.fma(r2[o2 + k], w2, Math.fma(r1[o1 + k], w1,
                        Math.fma(r0[o0 + k], w0, out[k]))));
            }
        }
    }

    @Override
    public void squareDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        PanamaScan.squareDistances(q, data, offset, rows, length, out);
    }

    @Override
    public void directionDistances(float[] u, float[] data, int offset, int rows, int length,
                                   float[] norms, int normOffset, float[] out) {
        PanamaScan.directionDistances(u, data, offset, rows, length, norms, normOffset, out);
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
    public QueryTile queryTile(float[] queries, int count, int length) {
        return PanamaLanes.fills(count)
                ? QueryTile.Lanes.of(queries, count, length, PanamaLanes.LANES)
                : new QueryTile.Rows(queries, count, length);
    }

    @Override
    public void dotProductTile(QueryTile tile, float[] data, int offset, int rows, float[] out) {
        switch (tile) {
            case QueryTile.Rows t -> PanamaWide.dotProductTile(t.queries(), t.count(), data, offset, rows, t.length(), out);
            case QueryTile.Lanes t -> PanamaLanes.dotProductTile(t, data, offset, rows, out);
        }
    }

    @Override
    public long ranksWithin(float[] dots, int at, int count, float[] base, float[] scale, float term, float rowScale,
                            float[] bounds) {
        return PanamaLanes.ranksWithin(dots, at, count, base, scale, term, rowScale, bounds);
    }
}
