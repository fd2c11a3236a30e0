package io.latentbench.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every SIMD kernel equals its scalar reference within float tolerance, at any length and offset. */
class KernelEquivalenceProperties {

    private final VectorKernels simd = VectorKernels.panama();
    private final VectorKernels scalar = VectorKernels.scalar();

    @Property(tries = 300)
    void dotProduct(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll long seed,
                    @ForAll @IntRange(min = 0, max = 9) int offset) {
        Pair p = Pair.random(dim, offset, seed);
        float expected = scalar.dotProduct(p.a, offset, p.b, offset, dim);
        float actual = simd.dotProduct(p.a, offset, p.b, offset, dim);
        assertThat(actual).isCloseTo(expected, within(p.sumOfAbsProducts()));
    }

    @Property(tries = 300)
    void squareDistance(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll long seed,
                        @ForAll @IntRange(min = 0, max = 9) int offset) {
        Pair p = Pair.random(dim, offset, seed);
        float expected = scalar.squareDistance(p.a, offset, p.b, 0, dim);
        float actual = simd.squareDistance(p.a, offset, p.b, 0, dim);
        assertThat(actual).isCloseTo(expected, within(expected));
    }

    @Property(tries = 300)
    void manhattan(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll long seed,
                   @ForAll @IntRange(min = 0, max = 9) int offset) {
        Pair p = Pair.random(dim, offset, seed);
        float expected = scalar.manhattanDistance(p.a, 0, p.b, offset, dim);
        float actual = simd.manhattanDistance(p.a, 0, p.b, offset, dim);
        assertThat(actual).isCloseTo(expected, within(expected));
    }

    @Property(tries = 300)
    void cosine(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll long seed) {
        Pair p = Pair.random(dim, 0, seed);
        assertThat(simd.cosine(p.a, p.b)).isCloseTo(scalar.cosine(p.a, p.b), org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Property(tries = 300)
    void cosineDistance(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll long seed,
                        @ForAll @IntRange(min = 0, max = 9) int offset) {
        Pair p = Pair.random(dim, offset, seed);
        float[] q = java.util.Arrays.copyOf(p.a, dim);
        float norm = (float) Math.sqrt(scalar.dotProduct(q, q));
        float expected = scalar.cosineDistance(q, norm, p.b, offset, dim);
        float actual = simd.cosineDistance(q, norm, p.b, offset, dim);
        assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(actual).isBetween(0f, 2f);
    }

    @Property(tries = 200)
    void axpyAndScale(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll long seed,
                      @ForAll @IntRange(min = 0, max = 9) int offset) {
        Pair p = Pair.random(dim, offset, seed);
        float[] y1 = p.b.clone();
        float[] y2 = p.b.clone();
        scalar.axpy(0.37f, p.a, offset, y1, offset, dim);
        simd.axpy(0.37f, p.a, offset, y2, offset, dim);
        scalar.scale(-1.5f, y1, offset, dim);
        simd.scale(-1.5f, y2, offset, dim);
        for (int i = 0; i < y1.length; i++) {
            // fma rounds once where the scalar loop rounds twice: one ulp of the operands apart.
            assertThat(y2[i]).as("element %d", i).isCloseTo(y1[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Property(tries = 50)
    void kernelsLeaveElementsOutsideTheRangeAlone(@ForAll @IntRange(min = 1, max = 100) int dim, @ForAll long seed) {
        Pair p = Pair.random(dim, 3, seed);
        float[] y = p.b.clone();
        simd.axpy(2f, p.a, 3, y, 3, dim - 1);
        assertThat(y[0]).isEqualTo(p.b[0]);
        assertThat(y[y.length - 1]).isEqualTo(p.b[p.b.length - 1]);
    }

    @Property(tries = 300)
    void segmentDotsAreTheDotProductsOfTheSlices(@ForAll @IntRange(min = 1, max = 9) int segments,
                                                 @ForAll("widths") int width,
                                                 @ForAll @IntRange(min = 0, max = 30) int count,
                                                 @ForAll long seed) {
        Random r = new Random(seed);
        int dim = segments * width;
        float[] q = new float[dim];
        for (int i = 0; i < dim; i++) q[i] = r.nextFloat() * 2 - 1;
        float[][] rows = new float[count][];
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = r.nextInt(7);
            rows[i] = new float[offsets[i] + dim + r.nextInt(3)];
            for (int j = 0; j < rows[i].length; j++) rows[i][j] = r.nextFloat() * 2 - 1;
        }
        int stride = count + 2;
        float[] expected = new float[1 + segments * stride];
        float[] actual = new float[1 + segments * stride];
        scalar.segmentDots(q, rows, offsets, count, segments, width, expected, 1, stride);
        simd.segmentDots(q, rows, offsets, count, segments, width, actual, 1, stride);
        for (int s = 0; s < segments; s++) {
            for (int i = 0; i < count; i++) {
                float magnitude = 0;
                for (int j = 0; j < width; j++) magnitude += Math.abs(q[s * width + j] * rows[i][offsets[i] + s * width + j]);
                assertThat(actual[1 + s * stride + i]).as("segment %d row %d", s, i)
                        .isCloseTo(expected[1 + s * stride + i], within(magnitude));
            }
            assertThat(actual[1 + s * stride + count]).as("untouched").isZero();
        }
        assertThat(actual[0]).as("untouched").isZero();
    }

    @Property(tries = 200)
    void maxValueIsExact(@ForAll @IntRange(min = 0, max = 300) int length, @ForAll long seed,
                         @ForAll @IntRange(min = 0, max = 9) int offset) {
        Random r = new Random(seed);
        float[] x = new float[length + offset + 1];
        for (int i = 0; i < x.length; i++) x[i] = r.nextInt(10) == 0 ? Float.NEGATIVE_INFINITY : r.nextFloat() * 200 - 100;
        x[x.length - 1] = 1000f; // outside the range: must not count
        assertThat(simd.maxValue(x, offset, length)).isEqualTo(scalar.maxValue(x, offset, length));
    }

    @Property(tries = 200)
    void expShiftedGivesTheSameExponentialsAsTheScalarCode(@ForAll @IntRange(min = 1, max = 700) int length,
                                                           @ForAll long seed,
                                                           @ForAll @IntRange(min = 0, max = 9) int offset) {
        Random r = new Random(seed);
        float[] x = new float[length + offset];
        for (int i = 0; i < x.length; i++) {
            // scores around a shift, a few far below it and some tombstones
            x[i] = r.nextInt(20) == 0 ? Float.NEGATIVE_INFINITY : (r.nextFloat() * 2 - 1) * (r.nextBoolean() ? 3 : 300);
        }
        float scale = 0.0625f + r.nextFloat();
        float shift = 300 * scale;
        float[] expected = x.clone();
        float[] actual = x.clone();
        float expectedSum = scalar.expShifted(expected, offset, length, scale, shift);
        float actualSum = simd.expShifted(actual, offset, length, scale, shift);
        // The same operations lane by lane: identical bits; only the order of the sum differs.
        assertThat(actual).containsExactly(expected);
        assertThat(actualSum).isCloseTo(expectedSum, within(expectedSum));
        for (int i = 0; i < offset; i++) assertThat(actual[i]).isEqualTo(x[i]);
    }

    @Property(tries = 300)
    void weightedSumOfGatheredRowsPerSegment(@ForAll @IntRange(min = 1, max = 8) int segments,
                                             @ForAll("widths") int width,
                                             @ForAll @IntRange(min = 0, max = 70) int count,
                                             @ForAll long seed) {
        Random r = new Random(seed);
        int length = segments * width;
        int wStride = count + r.nextInt(3);
        float[][] rows = new float[count][];
        int[] offsets = new int[count];
        float[] weights = new float[2 + segments * wStride];
        for (int i = 0; i < count; i++) {
            offsets[i] = r.nextInt(5);
            rows[i] = new float[offsets[i] + length + r.nextInt(3)];
            for (int j = 0; j < rows[i].length; j++) rows[i][j] = r.nextFloat() * 2 - 1;
        }
        for (int i = 0; i < weights.length; i++) weights[i] = r.nextFloat();
        float[] start = new float[length];
        for (int j = 0; j < length; j++) start[j] = r.nextFloat();
        float[] expected = start.clone();
        float[] actual = start.clone();
        scalar.weightedSum(weights, 2, wStride, rows, offsets, count, segments, width, expected);
        simd.weightedSum(weights, 2, wStride, rows, offsets, count, segments, width, actual);
        for (int s = 0; s < segments; s++) {
            for (int j = 0; j < width; j++) {
                int k = s * width + j;
                float magnitude = Math.abs(start[k]);
                for (int i = 0; i < count; i++) magnitude += Math.abs(weights[2 + s * wStride + i] * rows[i][offsets[i] + k]);
                assertThat(actual[k]).as("segment %d element %d", s, j).isCloseTo(expected[k], within(magnitude));
            }
        }
    }

    /** Head widths: any from 1 to 80, and often the powers of two that take the kernels' flat paths. */
    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> widths() {
        return net.jqwik.api.Arbitraries.oneOf(
                net.jqwik.api.Arbitraries.integers().between(1, 80),
                net.jqwik.api.Arbitraries.of(8, 16, 32, 64));
    }

    /**
     * Summation order differs between the lanes and the scalar loop; the error of either is
     * bounded by a few ulps of the sum of magnitudes.
     */
    private static org.assertj.core.data.Offset<Float> within(float magnitude) {
        return org.assertj.core.data.Offset.offset(Math.max(1e-6f, Math.abs(magnitude) * 1e-5f));
    }

    private record Pair(float[] a, float[] b, int offset, int dim) {
        static Pair random(int dim, int offset, long seed) {
            Random r = new Random(seed);
            float[] a = new float[dim + offset + 1];
            float[] b = new float[dim + offset + 1];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextFloat() * 2 - 1;
                b[i] = r.nextFloat() * 2 - 1;
            }
            return new Pair(a, b, offset, dim);
        }

        Pair scaled(float s) {
            float[] a2 = a.clone();
            float[] b2 = b.clone();
            for (int i = 0; i < a2.length; i++) {
                a2[i] *= s;
                b2[i] *= s;
            }
            return new Pair(a2, b2, offset, dim);
        }

        float sumOfAbsProducts() {
            float sum = 0;
            for (int i = 0; i < dim; i++) {
                sum += Math.abs(a[offset + i] * b[offset + i]);
            }
            return sum;
        }
    }
}
