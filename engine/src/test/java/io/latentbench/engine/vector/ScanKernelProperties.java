package io.latentbench.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The scan kernels (one query against many rows) equal the scalar reference within float
 * tolerance, and each row's value is bit for bit the one the same kernel gives that row
 * alone: what makes batched search, which rescores rows one at a time, agree with the scan.
 */
class ScanKernelProperties {

    private final VectorKernels simd = VectorKernels.panama();
    private final VectorKernels scalar = VectorKernels.scalar();

    interface Scan {
        void apply(VectorKernels k, float[] q, float[] data, int offset, int rows, int length, float[] out);
    }

    @Property(tries = 200)
    void squareDistances(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll @IntRange(min = 1, max = 11) int rows,
                         @ForAll @IntRange(min = 0, max = 9) int offset, @ForAll long seed) {
        check(VectorKernels::squareDistances, dim, rows, offset, seed, false);
    }

    @Property(tries = 200)
    void dotProducts(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll @IntRange(min = 1, max = 11) int rows,
                     @ForAll @IntRange(min = 0, max = 9) int offset, @ForAll long seed) {
        check(VectorKernels::dotProducts, dim, rows, offset, seed, true);
    }

    @Property(tries = 200)
    void manhattanDistances(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll @IntRange(min = 1, max = 11) int rows,
                            @ForAll @IntRange(min = 0, max = 9) int offset, @ForAll long seed) {
        check(VectorKernels::manhattanDistances, dim, rows, offset, seed, false);
    }

    @Property(tries = 200)
    void directionDistances(@ForAll @IntRange(min = 1, max = 1100) int dim, @ForAll @IntRange(min = 1, max = 11) int rows,
                            @ForAll @IntRange(min = 0, max = 9) int offset, @ForAll long seed) {
        Random random = new Random(seed);
        float[] u = randoms(random, dim);
        float[] data = randoms(random, offset + rows * dim + 3);
        int normOffset = 2;
        float[] norms = new float[normOffset + rows];
        for (int r = 0; r < rows; r++) {
            norms[normOffset + r] = 0.25f + 4 * random.nextFloat();
        }
        float[] expected = new float[rows];
        float[] actual = new float[rows + 1];
        actual[rows] = 42f;
        scalar.directionDistances(u, data, offset, rows, dim, norms, normOffset, expected);
        simd.directionDistances(u, data, offset, rows, dim, norms, normOffset, actual);
        assertThat(actual[rows]).as("the element after the last row").isEqualTo(42f);
        float[] alone = new float[1];
        for (int r = 0; r < rows; r++) {
            assertThat(actual[r]).as("row %d", r)
                    .isCloseTo(expected[r], org.assertj.core.data.Offset.offset(Math.max(1e-6f, Math.abs(expected[r]) * 1e-5f)));
            simd.directionDistances(u, data, offset + r * dim, 1, dim, norms, normOffset + r, alone);
            assertThat(Float.floatToRawIntBits(alone[0])).as("row %d alone, bit for bit", r)
                    .isEqualTo(Float.floatToRawIntBits(actual[r]));
        }
    }

    @Property(tries = 200)
    void dotProductTile(@ForAll @IntRange(min = 1, max = 600) int dim, @ForAll @IntRange(min = 1, max = 11) int count,
                        @ForAll @IntRange(min = 1, max = 9) int rows, @ForAll @IntRange(min = 0, max = 9) int offset,
                        @ForAll long seed) {
        Random random = new Random(seed);
        float[] queries = randoms(random, count * dim);
        float[] data = randoms(random, offset + rows * dim + 3);
        float[] expected = new float[count * rows];
        float[] actual = new float[count * rows + 1];
        actual[count * rows] = 42f;
        scalar.dotProductTile(queries, count, data, offset, rows, dim, expected);
        simd.dotProductTile(queries, count, data, offset, rows, dim, actual);
        assertThat(actual[count * rows]).as("the element after the tile").isEqualTo(42f);
        float[] alone = new float[1];
        for (int j = 0; j < count; j++) {
            float[] q = java.util.Arrays.copyOfRange(queries, j * dim, (j + 1) * dim);
            for (int r = 0; r < rows; r++) {
                float value = actual[j * rows + r];
                assertThat(value).as("query %d row %d", j, r)
                        .isCloseTo(expected[j * rows + r], org.assertj.core.data.Offset.offset(Math.max(1e-6f, dim * 1e-5f)));
                simd.dotProductTile(q, 1, data, offset + r * dim, 1, dim, alone);
                assertThat(Float.floatToRawIntBits(value)).as("query %d row %d as a tile of its own", j, r)
                        .isEqualTo(Float.floatToRawIntBits(alone[0]));
            }
        }
    }

    private void check(Scan scan, int dim, int rows, int offset, long seed, boolean signed) {
        Random random = new Random(seed);
        float[] q = randoms(random, dim);
        float[] data = randoms(random, offset + rows * dim + 3);
        float[] expected = new float[rows];
        float[] actual = new float[rows + 1];
        actual[rows] = 42f;
        scan.apply(scalar, q, data, offset, rows, dim, expected);
        scan.apply(simd, q, data, offset, rows, dim, actual);
        assertThat(actual[rows]).as("the element after the last row").isEqualTo(42f);
        float[] alone = new float[1];
        for (int r = 0; r < rows; r++) {
            // Rounding bound: a few ulps of the sum of magnitudes (dim * 2^-24 relative, generously).
            float magnitude = signed ? dim : Math.abs(expected[r]);
            assertThat(actual[r]).as("row %d", r)
                    .isCloseTo(expected[r], org.assertj.core.data.Offset.offset(Math.max(1e-6f, magnitude * 1e-5f)));
            scan.apply(simd, q, data, offset + r * dim, 1, dim, alone);
            assertThat(Float.floatToRawIntBits(alone[0])).as("row %d alone, bit for bit", r)
                    .isEqualTo(Float.floatToRawIntBits(actual[r]));
        }
    }

    private static float[] randoms(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
