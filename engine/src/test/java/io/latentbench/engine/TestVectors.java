package io.latentbench.engine;

import java.util.SplittableRandom;

/** Seeded random embeddings, uniform in [-1, 1), as the benchmarks use. */
final class TestVectors {

    private TestVectors() {}

    static float[][] uniform(int count, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[count][dim];
        for (float[] v : out) {
            for (int i = 0; i < dim; i++) {
                v[i] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return out;
    }

    static float[] uniform(int dim, long seed) {
        return uniform(1, dim, seed)[0];
    }

    static LatentSpace space(int dim, DistanceMetric metric, AttentionType attention, float[][] data) {
        LatentSpace space = LatentSpace.create(LatentConfig.builder(dim)
                .distanceMetric(metric).attentionType(attention).build());
        space.addAll(data);
        return space;
    }

    static double relativeL2(float[] expected, float[] actual) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += Math.pow(expected[i] - actual[i], 2);
            norm += Math.pow(expected[i], 2);
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-30);
    }
}
