package io.latentbench.workbench.bench;

import java.util.SplittableRandom;

/**
 * Benchmark inputs, generated deterministically so that two runs (and two forks) measure the
 * same work: uniform floats in [-1, 1), the same distribution in every suite so their rows compare.
 */
public final class DataSets {

    /** The seed of every data set unless a benchmark says otherwise. */
    public static final long SEED = 42L;

    private DataSets() {}

    /** {@code count} vectors of {@code dim} floats, uniform in [-1, 1). */
    public static float[][] uniform(int count, int dim, long seed) {
        if (count < 0 || dim < 1) {
            throw new IllegalArgumentException("a data set needs count >= 0 and dim >= 1, got count " + count
                    + " and dim " + dim);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][dim];
        for (float[] row : out) {
            for (int i = 0; i < dim; i++) {
                // nextFloat has 24 random bits, so 2x - 1 is exact and stays below 1.
                row[i] = random.nextFloat() * 2f - 1f;
            }
        }
        return out;
    }

    /** One vector, from a seed distinct from the data set's so queries are not stored vectors. */
    public static float[] query(int dim, long seed) {
        return uniform(1, dim, seed ^ 0x9E3779B97F4A7C15L)[0];
    }

    /** {@code count} query vectors, from a seed distinct from the data set's. */
    public static float[][] queries(int count, int dim, long seed) {
        return uniform(count, dim, seed ^ 0x9E3779B97F4A7C15L);
    }

    /** The rows laid end to end in one array, as a scan reads them. */
    public static float[] flatten(float[][] rows) {
        int dim = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return flat;
    }
}
