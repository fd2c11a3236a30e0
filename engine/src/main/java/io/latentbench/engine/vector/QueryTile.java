package io.latentbench.engine.vector;

/**
 * The queries of a tile of batched search, laid out once by {@link VectorKernels#queryTile} and
 * read by {@link VectorKernels#dotProductTile} once per chunk of rows. The layout fixes the order
 * in which each pair's dot product is summed, so a pair's value depends on the pair and the
 * layout alone, never on the tile's other queries or rows.
 */
public sealed interface QueryTile {

    /** Queries in the tile. */
    int count();

    /** Elements per query. */
    int length();

    /**
     * Queries per row of the tile's output: {@link VectorKernels#dotProductTile} writes query
     * {@code j} against row {@code r} at {@code r * stride() + j}; lanes from {@link #count()}
     * to {@code stride()} are padding.
     */
    int stride();

    /**
     * Back to back, query {@code j} from {@code j * length}: each pair is summed across its
     * elements in the kernel's lanes, then folded in a fixed order.
     */
    record Rows(float[] queries, int count, int length) implements QueryTile {
        @Override
        public int stride() {
            return count;
        }
    }

    /**
     * Element by element, query {@code j}'s element {@code i} at {@code i * stride + j} (the
     * lanes past {@code count} zero): the queries lie across a vector's lanes, so one row element,
     * broadcast, serves every query of the tile. Each pair is the chain of fused multiply-adds over
     * its elements in order, {@code s = fma(q[i], x[i], s)} from {@code s = 0}, bit for bit
     * whichever kernel computes it.
     */
    record Lanes(float[] values, int count, int length, int stride) implements QueryTile {

        /** {@code count} back-to-back queries across lanes, {@code stride} the next multiple of {@code lanes}. */
        static Lanes of(float[] queries, int count, int length, int lanes) {
            int stride = (count + lanes - 1) / lanes * lanes;
            float[] values = new float[length * stride];
            for (int j = 0; j < count; j++) {
                for (int i = 0; i < length; i++) {
                    values[i * stride + j] = queries[j * length + i];
                }
            }
            return new Lanes(values, count, length, stride);
        }

        /** The pair of query {@code j} and the row at {@code offset}: the fused multiply-add chain. */
        float dot(int j, float[] data, int offset) {
            float s = 0f;
            for (int i = 0, at = j; i < length; i++, at += stride) {
                s = Math.fma(values[at], data[offset + i], s);
            }
            return s;
        }
    }
}
