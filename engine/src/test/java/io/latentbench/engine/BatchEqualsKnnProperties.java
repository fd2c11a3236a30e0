package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.engine.DistanceMetric.Cosine;
import io.latentbench.engine.DistanceMetric.DotProduct;
import io.latentbench.engine.DistanceMetric.Euclidean;
import io.latentbench.engine.DistanceMetric.Hyperbolic;
import io.latentbench.engine.DistanceMetric.Manhattan;
import io.latentbench.engine.vector.VectorKernels;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * knnBatch equals knn for every metric, every k (from 1 to past the live rows) and inputs over
 * the whole accepted range: each vector has its own scale, from subnormal to the largest norm
 * the metric takes, with duplicates and removed rows; every live row is in an answer of k at
 * least the live count.
 */
class BatchEqualsKnnProperties {

    @Provide
    Arbitrary<DistanceMetric> metrics() {
        return Arbitraries.of(DistanceMetric.everyKind());
    }

    /** The largest scale of a vector's coordinates the metric accepts at this dimension. */
    private static double largestScale(DistanceMetric metric, int dim) {
        return switch (metric) {
            case Euclidean e -> 4e18 / Math.sqrt(dim);
            case Cosine c -> 1e36;
            case Manhattan m -> 4e18 / Math.sqrt(dim);
            case DotProduct d -> 4e18 / Math.sqrt(dim);
            case Hyperbolic h -> 1e36;
        };
    }

    private static float[] vector(SplittableRandom random, int dim, double largestScale) {
        // A scale from 1e-42 to the largest, log-uniform, sometimes exactly 1.
        double scale = random.nextInt(4) == 0 ? 1 : Math.pow(10, random.nextDouble(-42, Math.log10(largestScale)));
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) v[i] = (float) (random.nextDouble(-1, 1) * scale);
        if (v[0] == 0) v[0] = Float.MIN_VALUE; // cosine takes no zero vector
        return v;
    }

    @Property(tries = 120)
    void knnBatchEqualsKnn(@ForAll("metrics") DistanceMetric metric,
                           @ForAll @IntRange(min = 1, max = 40) int dim,
                           @ForAll @IntRange(min = 1, max = 150) int rows,
                           @ForAll @IntRange(min = 2, max = 40) int queryCount,
                           @ForAll long seed) {
        double largest = largestScale(metric, dim);
        SplittableRandom random = new SplittableRandom(seed);
        float[][] data = new float[rows][];
        for (int r = 0; r < rows; r++) {
            data[r] = r > 0 && random.nextInt(5) == 0 ? data[random.nextInt(r)].clone() : vector(random, dim, largest);
        }
        float[][] queries = new float[queryCount][];
        for (int j = 0; j < queryCount; j++) {
            queries[j] = random.nextInt(3) == 0 ? data[random.nextInt(rows)].clone() : vector(random, dim, largest);
        }
        for (VectorKernels kernels : List.of(VectorKernels.scalar(), VectorKernels.instance())) {
            LatentSpace space = LatentSpace.create(LatentConfig.builder(dim).distanceMetric(metric).build(), kernels);
            space.addAll(data);
            for (int r = 0; r < rows; r += 7) space.remove(r);
            int live = space.size();
            for (int k : new int[] {1, 1 + random.nextInt(rows), Math.max(1, live), live + 5, Integer.MAX_VALUE}) {
                List<List<Neighbor>> batch = space.knnBatch(queries, k);
                for (int j = 0; j < queryCount; j++) {
                    List<Neighbor> one = space.knn(queries[j], k);
                    assertThat(batch.get(j)).as("%s, %s, k = %d, query %d", metric.label(), kernels.name(), k, j)
                            .isEqualTo(one);
                    assertThat(one).hasSize(Math.min(k, live));
                    assertThat(one).allSatisfy(n -> assertThat(n.distance()).isNotNaN());
                }
            }
        }
    }
}
