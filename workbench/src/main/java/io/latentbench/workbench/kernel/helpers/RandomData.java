package io.latentbench.workbench.kernel.helpers;

import java.util.Random;

import io.latentbench.workbench.bench.DataSets;

/**
 * Random data sets by seed, the same for the same seed on every machine and JDK ({@link Random}
 * is specified to the bit): vectors with Gaussian or uniform components, and queries near a
 * given vector. The uniform ones are the benchmarks' own.
 */
public final class RandomData {

    private RandomData() {
    }

    /** {@code count} vectors of {@code dim} standard normal components. */
    public static float[][] gaussian(int count, int dim, long seed) {
        check(count, dim);
        Random random = new Random(seed);
        float[][] data = new float[count][dim];
        for (float[] v : data) {
            for (int j = 0; j < dim; j++) {
                v[j] = (float) random.nextGaussian();
            }
        }
        return data;
    }

    /** {@code count} vectors of {@code dim} components uniform in [-1, 1): the benchmarks' data sets ({@link DataSets}). */
    public static float[][] uniform(int count, int dim, long seed) {
        return DataSets.uniform(count, dim, seed);
    }

    /** A copy of {@code v} with Gaussian noise of standard deviation {@code noise} added: a query whose nearest neighbour is known. */
    public static float[] near(float[] v, double noise, long seed) {
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be >= 0, got " + noise);
        }
        Random random = new Random(seed);
        float[] q = v.clone();
        for (int j = 0; j < q.length; j++) {
            q[j] += (float) (noise * random.nextGaussian());
        }
        return q;
    }

    private static void check(int count, int dim) {
        if (count < 0 || dim < 1) {
            throw new IllegalArgumentException("a data set needs count >= 0 and dim >= 1, got count " + count + ", dim " + dim);
        }
    }
}
