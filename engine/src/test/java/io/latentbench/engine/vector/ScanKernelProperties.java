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
    void dotProductTile(@ForAll @IntRange(min = 1, max = 600) int dim, @ForAll @IntRange(min = 1, max = 40) int count,
                        @ForAll @IntRange(min = 1, max = 15) int rows, @ForAll @IntRange(min = 0, max = 9) int offset,
                        @ForAll long seed) {
        Random random = new Random(seed);
        float[] queries = randoms(random, count * dim);
        float[] data = randoms(random, offset + rows * dim + 3);
        float[] expected = new float[count * rows];
        scalar.dotProductTile(scalar.queryTile(queries, count, dim), data, offset, rows, expected);
        QueryTile tile = simd.queryTile(queries, count, dim);
        assertThat(tile).as("the layout of %d queries", count)
                .isInstanceOf(count >= PanamaLanes.LANES ? QueryTile.Lanes.class : QueryTile.Rows.class);
        int stride = tile.stride();
        float[] actual = new float[stride * rows + 1];
        actual[stride * rows] = 42f;
        simd.dotProductTile(tile, data, offset, rows, actual);
        assertThat(actual[stride * rows]).as("the element after the tile").isEqualTo(42f);
        float[] alone = new float[1];
        for (int j = 0; j < count; j++) {
            float[] q = java.util.Arrays.copyOfRange(queries, j * dim, (j + 1) * dim);
            for (int r = 0; r < rows; r++) {
                float value = actual[r * stride + j];
                assertThat(value).as("query %d row %d", j, r)
                        .isCloseTo(expected[r * count + j], org.assertj.core.data.Offset.offset(Math.max(1e-6f, dim * 1e-5f)));
                int x = offset + r * dim;
                if (tile instanceof QueryTile.Lanes) {
                    assertThat(Float.floatToRawIntBits(value)).as("query %d row %d, the fma chain", j, r)
                            .isEqualTo(Float.floatToRawIntBits(fmaChain(q, data, x)));
                } else {
                    simd.dotProductTile(simd.queryTile(q, 1, dim), data, x, 1, alone);
                    assertThat(Float.floatToRawIntBits(value)).as("query %d row %d as a tile of its own", j, r)
                            .isEqualTo(Float.floatToRawIntBits(alone[0]));
                }
            }
        }
    }

    /** A queries-across-lanes tile gives the same bits in each kernel and for any stride, ragged ones included. */
    @Property(tries = 100)
    void lanesTileIsTheFmaChainAnywhere(@ForAll @IntRange(min = 1, max = 300) int dim, @ForAll @IntRange(min = 1, max = 40) int count,
                                        @ForAll @IntRange(min = 1, max = 20) int lanes, @ForAll @IntRange(min = 1, max = 15) int rows,
                                        @ForAll long seed) {
        Random random = new Random(seed);
        float[] queries = randoms(random, count * dim);
        float[] data = randoms(random, rows * dim);
        QueryTile.Lanes tile = QueryTile.Lanes.of(queries, count, dim, lanes);
        float[] bySimd = new float[tile.stride() * rows];
        float[] byScalar = new float[tile.stride() * rows];
        simd.dotProductTile(tile, data, 0, rows, bySimd);
        scalar.dotProductTile(tile, data, 0, rows, byScalar);
        for (int j = 0; j < count; j++) {
            float[] q = java.util.Arrays.copyOfRange(queries, j * dim, (j + 1) * dim);
            for (int r = 0; r < rows; r++) {
                int chain = Float.floatToRawIntBits(fmaChain(q, data, r * dim));
                int at = r * tile.stride() + j;
                assertThat(Float.floatToRawIntBits(bySimd[at])).as("panama, query %d row %d", j, r).isEqualTo(chain);
                assertThat(Float.floatToRawIntBits(byScalar[at])).as("scalar, query %d row %d", j, r).isEqualTo(chain);
            }
        }
    }

    /** The batched filter: each lane's rank is the fma of the javadoc, and its bit says rank <= bound, NaN included. */
    @Property(tries = 300)
    void ranksWithin(@ForAll @IntRange(min = 1, max = 64) int count, @ForAll @IntRange(min = 0, max = 5) int at,
                     @ForAll long seed) {
        Random random = new Random(seed);
        float[] dots = new float[at + count];
        float[] base = new float[count];
        float[] scale = new float[count];
        float[] bounds = new float[count];
        for (int j = 0; j < count; j++) {
            dots[at + j] = edgy(random, 100f);
            base[j] = edgy(random, 1000f);
            scale[j] = random.nextInt(3) - 2f + random.nextFloat();
            bounds[j] = random.nextInt(10) == 0 ? Float.POSITIVE_INFINITY : edgy(random, 1000f);
        }
        float term = edgy(random, 1000f);
        float rowScale = random.nextFloat() * 2;
        float[] bySimd = dots.clone();
        float[] byScalar = dots.clone();
        long simdBits = simd.ranksWithin(bySimd, at, count, base, scale, term, rowScale, bounds);
        long scalarBits = scalar.ranksWithin(byScalar, at, count, base, scale, term, rowScale, bounds);
        for (int j = 0; j < count; j++) {
            float rank = Math.fma(dots[at + j], scale[j] * rowScale, base[j] + term);
            assertThat(Float.floatToRawIntBits(bySimd[at + j])).as("panama rank %d", j).isEqualTo(Float.floatToRawIntBits(rank));
            assertThat(Float.floatToRawIntBits(byScalar[at + j])).as("scalar rank %d", j).isEqualTo(Float.floatToRawIntBits(rank));
            boolean within = !(rank > bounds[j]);
            assertThat((simdBits >>> j & 1L) == 1L).as("panama bit %d (rank %s, bound %s)", j, rank, bounds[j]).isEqualTo(within);
            assertThat((scalarBits >>> j & 1L) == 1L).as("scalar bit %d", j).isEqualTo(within);
        }
        assertThat(count == 64 ? 0L : simdBits >>> count).as("no bit past the queries").isZero();
        for (int i = 0; i < at; i++) {
            assertThat(bySimd[i]).as("element %d, before the lanes", i).isZero();
        }
    }

    /** Mostly ordinary values, sometimes an infinity, a NaN or a zero. */
    private static float edgy(Random random, float magnitude) {
        return switch (random.nextInt(20)) {
            case 0 -> Float.NaN;
            case 1 -> Float.NEGATIVE_INFINITY;
            case 2 -> Float.POSITIVE_INFINITY;
            case 3 -> 0f;
            default -> (random.nextFloat() * 2 - 1) * magnitude;
        };
    }

    private static float fmaChain(float[] q, float[] data, int offset) {
        float s = 0f;
        for (int i = 0; i < q.length; i++) {
            s = Math.fma(q[i], data[offset + i], s);
        }
        return s;
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
