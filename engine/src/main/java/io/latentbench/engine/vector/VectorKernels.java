package io.latentbench.engine.vector;

/**
 * The arithmetic inner loops of the engine. There are two implementations, chosen once at
 * start in the manner of Lucene's vectorization provider: {@link #panama()} on the JDK's
 * Vector API, and {@link #scalar()}, the plain-loop reference every SIMD kernel is tested
 * against. The system property {@value #IMPLEMENTATION_PROPERTY}{@code =scalar} forces the
 * scalar one, for comparison.
 *
 * <p>All methods read {@code length} floats starting at the given offsets and allocate
 * nothing, except {@link #queryTile}, which lays its queries out once.
 */
public interface VectorKernels {

    String IMPLEMENTATION_PROPERTY = "latentbench.kernels";

    /**
     * {@code "scalar"}, or {@code "panama-<bits>"} when every kernel uses one species, or
     * {@code "panama-<wide>/<narrow>"}, e.g. {@code panama-512/256} on AVX-512: the pair kernels
     * and batched search's tile on 512 bits, the one-query scans and attention on 256 (see
     * {@code Species}).
     */
    String name();

    /** {@code sum a[i] * b[i]}. */
    float dotProduct(float[] a, int aOffset, float[] b, int bOffset, int length);

    /** {@code sum (a[i] - b[i])^2}. */
    float squareDistance(float[] a, int aOffset, float[] b, int bOffset, int length);

    /** {@code sum |a[i] - b[i]|}. */
    float manhattanDistance(float[] a, int aOffset, float[] b, int bOffset, int length);

    /** Cosine similarity {@code a.b / (|a| |b|)}, as Lucene's {@code VectorUtil.cosine}. */
    float cosine(float[] a, int aOffset, float[] b, int bOffset, int length);

    /**
     * {@code 1 - cos(q, b)} where the caller already knows {@code |q|}: one pass computes
     * {@code q.b} and {@code |b|^2} together.
     */
    float cosineDistance(float[] q, float qNorm, float[] b, int bOffset, int length);

    /** {@code y[i] += alpha * x[i]}. */
    void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length);

    /** {@code y[i] *= alpha}. */
    void scale(float alpha, float[] y, int yOffset, int length);

    // ---- attention kernels ----

    /**
     * Per-segment dot products of a query with {@code count} gathered rows, for multi-head
     * attention (one segment per head; Standard is one segment of the whole dimension):
     * segment {@code s} covers {@code [s * width, (s + 1) * width)} of the query and of each row,
     * and {@code out[outOffset + s * outStride + i] = sum_j q[s*width + j] * rows[i][offsets[i] + s*width + j]}.
     * Several rows go through at once, so each loaded slice of the query serves all of them and
     * their sums are reduced together.
     */
    void segmentDots(float[] q, float[][] rows, int[] offsets, int count, int segments, int width,
                     float[] out, int outOffset, int outStride);

    /** {@code max x[i]} over {@code i < length}; {@code -inf} when length is 0. Inputs are never NaN. */
    float maxValue(float[] x, int offset, int length);

    /**
     * The softmax numerators in place: {@code x[i] = exp(x[i] * scale - shift)} for
     * {@code i < length}, where {@code -inf} and anything below about -87.3 (whose exponential
     * is under the smallest normal float) give 0. Returns the sum of the new values.
     *
     * <p>The exponential is a polynomial of fixed operations (fma, add, exact bit
     * manipulation), so it gives the same bits interpreted or compiled, in every lane and in
     * the scalar tail (see {@code PolynomialExp} for its accuracy against {@link Math#exp}).
     */
    float expShifted(float[] x, int offset, int length, float scale, float shift);

    /**
     * The weighted sums of {@code count} gathered rows, segment by segment (one segment per
     * head): for {@code s < segments} and {@code j < width},
     * {@code out[s*width + j] += sum_i weights[wOffset + s*wStride + i] * rows[i][offsets[i] + s*width + j]}.
     * Rows are read in order, a few at a time, so each slice of {@code out} is loaded and stored
     * once per group of rows rather than once per row.
     */
    void weightedSum(float[] weights, int wOffset, int wStride, float[][] rows, int[] offsets, int count,
                     int segments, int width, float[] out);

    default float dotProduct(float[] a, float[] b) {
        checkSameLength(a, b);
        return dotProduct(a, 0, b, 0, a.length);
    }

    default float squareDistance(float[] a, float[] b) {
        checkSameLength(a, b);
        return squareDistance(a, 0, b, 0, a.length);
    }

    default float manhattanDistance(float[] a, float[] b) {
        checkSameLength(a, b);
        return manhattanDistance(a, 0, b, 0, a.length);
    }

    default float cosine(float[] a, float[] b) {
        checkSameLength(a, b);
        return cosine(a, 0, b, 0, a.length);
    }

    private static void checkSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vector lengths differ: " + a.length + " and " + b.length);
        }
    }

    /** The implementation chosen at start: Panama where the Vector API is usable, unless forced scalar. */
    static VectorKernels instance() {
        return KernelProvider.INSTANCE;
    }

    static VectorKernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /**
     * The Vector API implementation.
     *
     * @throws UnsupportedOperationException when {@code jdk.incubator.vector} is not readable
     *         (the JVM was started without {@code --add-modules jdk.incubator.vector})
     */
    static VectorKernels panama() {
        return KernelProvider.panama();
    }

    // --- Scan kernels: one query against many consecutive rows, for exact kNN. ---

    /**
     * {@code out[r] = sum (q[i] - x_r[i])^2} for the {@code rows} rows stored back to back from
     * {@code offset} ({@code x_r} at {@code offset + r * length}). Each value is summed in a
     * fixed order that does not depend on {@code rows} or on how warm the JIT is: calling it
     * for one row gives bit for bit the value it gives that row inside a larger call.
     */
    void squareDistances(float[] q, float[] data, int offset, int rows, int length, float[] out);

    /**
     * {@code out[r] = sum (u[i] - x_r[i] * (1 / norms[normOffset + r]))^2}: the squared distance
     * between the unit direction {@code u} of a query and that of row {@code r}, for hyperbolic
     * distances. Each direction component is rounded once ({@code x * (1f / norm)}, a multiply,
     * never fused), so that a query prepared the same way from the same vector is at exactly 0.
     * With the guarantees of {@link #squareDistances}; norms must be positive and finite.
     */
    void directionDistances(float[] u, float[] data, int offset, int rows, int length,
                            float[] norms, int normOffset, float[] out);

    /** {@code out[r] = q . x_r}, with the guarantees of {@link #squareDistances}. */
    void dotProducts(float[] q, float[] data, int offset, int rows, int length, float[] out);

    /** {@code out[r] = sum |q[i] - x_r[i]|}, with the guarantees of {@link #squareDistances}. */
    void manhattanDistances(float[] q, float[] data, int offset, int rows, int length, float[] out);

    /**
     * The queries of a tile ({@code count} of them back to back in {@code queries}, query
     * {@code j} at {@code j * length}) laid out for {@link #dotProductTile}: made once per tile,
     * read once per chunk of rows.
     */
    QueryTile queryTile(float[] queries, int count, int length);

    /**
     * The dot products of a tile of queries with {@code rows} consecutive rows of
     * {@code tile.length()} elements: {@code out[r * tile.stride() + j] = q_j . x_r}, row by row
     * with the queries side by side ({@code out} holds {@code rows * tile.stride()}; padding lanes
     * get unspecified values). Summed in the order the tile's layout fixes (see
     * {@link QueryTile}), not necessarily {@link #dotProducts}'s: batched search only ranks by it
     * and rescores exactly. The inner kernel of batched kNN: each loaded element of a row serves
     * several queries and each query element several rows.
     */
    void dotProductTile(QueryTile tile, float[] data, int offset, int rows, float[] out);

    /**
     * Batched search's filter over one row of a tile's dot products, the queries side by side:
     * {@code dots[at + j]} for {@code j < count} becomes the rank
     * {@code fma(dots[at + j], scale[j] * rowScale, base[j] + term)}, each step rounded to float
     * in that order (bit for bit in every implementation); returns bit {@code j} set for each
     * query whose rank is not above {@code bounds[j]}, a NaN rank included. {@code count} is at
     * most 64.
     */
    long ranksWithin(float[] dots, int at, int count, float[] base, float[] scale, float term, float rowScale,
                     float[] bounds);
}
