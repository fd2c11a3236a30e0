package io.latentbench.engine.vector;

/**
 * The reference implementation: plain loops in the order a reader would write them. Every
 * SIMD kernel is tested against these, and benchmarks use them as the scalar peer.
 */
final class ScalarKernels implements VectorKernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dotProduct(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float sum = 0f;
        for (int i = 0; i < length; i++) {
            sum += a[aOffset + i] * b[bOffset + i];
        }
        return sum;
    }

    @Override
    public float squareDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float sum = 0f;
        for (int i = 0; i < length; i++) {
            float d = a[aOffset + i] - b[bOffset + i];
            sum += d * d;
        }
        return sum;
    }

    @Override
    public float manhattanDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float sum = 0f;
        for (int i = 0; i < length; i++) {
            sum += Math.abs(a[aOffset + i] - b[bOffset + i]);
        }
        return sum;
    }

    @Override
    public float cosine(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float dot = 0f;
        float aa = 0f;
        float bb = 0f;
        for (int i = 0; i < length; i++) {
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
        float dot = 0f;
        float bb = 0f;
        for (int i = 0; i < length; i++) {
            float y = b[bOffset + i];
            dot += q[i] * y;
            bb += y * y;
        }
        return Similarities.cosineDistance(dot, qNorm, bb);
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        for (int i = 0; i < length; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    @Override
    public void scale(float alpha, float[] y, int yOffset, int length) {
        for (int i = 0; i < length; i++) {
            y[yOffset + i] *= alpha;
        }
    }

    // ---- attention kernels ----

    @Override
    public void segmentDots(float[] q, float[][] rows, int[] offsets, int count, int segments, int width,
                            float[] out, int outOffset, int outStride) {
        for (int i = 0; i < count; i++) {
            for (int s = 0; s < segments; s++) {
                out[outOffset + s * outStride + i] = dotProduct(q, s * width, rows[i], offsets[i] + s * width, width);
            }
        }
    }

    @Override
    public float maxValue(float[] x, int offset, int length) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, x[offset + i]);
        }
        return max;
    }

    @Override
    public float expShifted(float[] x, int offset, int length, float scale, float shift) {
        float sum = 0f;
        for (int i = 0; i < length; i++) {
            float e = PolynomialExp.exp(x[offset + i] * scale - shift);
            x[offset + i] = e;
            sum += e;
        }
        return sum;
    }

    @Override
    public void weightedSum(float[] weights, int wOffset, int wStride, float[][] rows, int[] offsets, int count,
                            int segments, int width, float[] out) {
        for (int i = 0; i < count; i++) {
            for (int s = 0; s < segments; s++) {
                axpy(weights[wOffset + s * wStride + i], rows[i], offsets[i] + s * width, out, s * width, width);
            }
        }
    }

    @Override
    public void squareDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = squareDistance(q, 0, data, offset + r * length, length);
        }
    }

    @Override
    public void directionDistances(float[] u, float[] data, int offset, int rows, int length,
                                   float[] norms, int normOffset, float[] out) {
        for (int r = 0; r < rows; r++) {
            float inverse = 1f / norms[normOffset + r];
            int o = offset + r * length;
            float sum = 0f;
            for (int i = 0; i < length; i++) {
                float d = u[i] - data[o + i] * inverse;
                sum += d * d;
            }
            out[r] = sum;
        }
    }

    @Override
    public void dotProducts(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = dotProduct(q, 0, data, offset + r * length, length);
        }
    }

    @Override
    public void manhattanDistances(float[] q, float[] data, int offset, int rows, int length, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = manhattanDistance(q, 0, data, offset + r * length, length);
        }
    }

    @Override
    public QueryTile queryTile(float[] queries, int count, int length) {
        return new QueryTile.Rows(queries, count, length);
    }

    @Override
    public void dotProductTile(QueryTile tile, float[] data, int offset, int rows, float[] out) {
        int length = tile.length();
        int stride = tile.stride();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < tile.count(); j++) {
                out[r * stride + j] = switch (tile) {
                    case QueryTile.Rows t -> dotProduct(t.queries(), j * length, data, offset + r * length, length);
                    case QueryTile.Lanes t -> t.dot(j, data, offset + r * length);
                };
            }
        }
    }

    @Override
    public long ranksWithin(float[] dots, int at, int count, float[] base, float[] scale, float term, float rowScale,
                            float[] bounds) {
        long within = 0L;
        for (int j = 0; j < count; j++) {
            float rank = Math.fma(dots[at + j], scale[j] * rowScale, base[j] + term);
            dots[at + j] = rank;
            if (!(rank > bounds[j])) {
                within |= 1L << j;
            }
        }
        return within;
    }
}
