package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.engine.vector.VectorKernels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** kNN equals a full sort of all distances, computed independently in double precision. */
class KnnTest {

    /** Each kind of metric, and hyperbolic at a second curvature. */
    static Stream<DistanceMetric> metrics() {
        return Stream.concat(DistanceMetric.everyKind().stream(), Stream.of(DistanceMetric.hyperbolic(-0.3)));
    }

    @ParameterizedTest
    @MethodSource("metrics")
    void knnEqualsASortOfAllDistances(DistanceMetric metric) {
        int dim = 37;
        float[][] data = TestVectors.uniform(500, dim, 7);
        LatentSpace space = TestVectors.space(dim, metric, AttentionType.standard(), data);
        for (int trial = 0; trial < 5; trial++) {
            float[] q = TestVectors.uniform(dim, 100 + trial);
            for (int k : new int[] {1, 10, 100, 499, 500}) {
                assertMatchesReference(space, metric, data, q, k);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("metrics")
    void scalarAndSimdSpacesAgree(DistanceMetric metric) {
        int dim = 130;
        float[][] data = TestVectors.uniform(300, dim, 11);
        LatentConfig config = LatentConfig.builder(dim).distanceMetric(metric).build();
        LatentSpace simd = LatentSpace.create(config, VectorKernels.panama());
        LatentSpace scalar = LatentSpace.create(config, VectorKernels.scalar());
        simd.addAll(data);
        scalar.addAll(data);
        float[] q = TestVectors.uniform(dim, 5);
        List<Neighbor> a = simd.knn(q, 20);
        List<Neighbor> b = scalar.knn(q, 20);
        for (int i = 0; i < 20; i++) {
            assertThat(a.get(i).distance()).isCloseTo(b.get(i).distance(),
                    org.assertj.core.data.Offset.offset(1e-4f * Math.max(1f, Math.abs(b.get(i).distance()))));
        }
    }

    @ParameterizedTest
    @MethodSource("metrics")
    void tiesAreBrokenByAscendingId(DistanceMetric metric) {
        float[] a = {1, 2, 3};
        float[] b = {-3, 0.5f, 2};
        LatentSpace space = LatentSpace.create(LatentConfig.builder(3).distanceMetric(metric).build());
        // Identical vectors at scattered ids, added out of id order: their distances tie exactly.
        space.add(b, 40);
        space.add(a, 30);
        space.add(b, 10);
        space.add(a, 20);
        space.add(a, 5);
        List<Neighbor> hits = space.knn(a, 5);
        assertThat(hits).extracting(Neighbor::id).startsWith(5L, 20L, 30L);
        assertThat(hits.subList(3, 5)).extracting(Neighbor::id).containsExactly(10L, 40L);
    }

    @Test
    void kLargerThanTheSpaceReturnsEverything() {
        float[][] data = TestVectors.uniform(7, 4, 3);
        LatentSpace space = TestVectors.space(4, DistanceMetric.euclidean(), AttentionType.standard(), data);
        List<Neighbor> hits = space.knn(data[2], 1000);
        assertThat(hits).hasSize(7);
        assertThat(hits.get(0)).isEqualTo(new Neighbor(2, 0f));
        assertThat(hits).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void anEmptySpaceHasNoNeighbours() {
        LatentSpace space = LatentSpace.create(LatentConfig.builder(4).build());
        assertThat(space.knn(new float[4], 3)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("metrics")
    void batchEqualsOneQueryAtATime(DistanceMetric metric) {
        int dim = 64;
        float[][] data = TestVectors.uniform(2000, dim, 21);
        LatentSpace space = TestVectors.space(dim, metric, AttentionType.standard(), data);
        for (int i = 0; i < 300; i += 3) {
            space.remove(i); // tombstones inside the scanned chunks
        }
        float[][] queries = TestVectors.uniform(37, dim, 22);
        for (int k : new int[] {1, 15, 100, 1990, 5000}) {
            List<List<Neighbor>> batch = space.knnBatch(queries, k);
            assertThat(batch).hasSize(37);
            for (int i = 0; i < queries.length; i++) {
                assertThat(batch.get(i)).as("query %d, k %d", i, k).isEqualTo(space.knn(queries[i], k));
            }
        }
    }

    @Test
    void workersSharingATilesRowsAnswerTheSame() {
        int dim = 24;
        LatentSpace space = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(),
                TestVectors.uniform(900, dim, 27));
        for (long id = 0; id < 900; id += 7) {
            space.remove(id);
        }
        float[][] queries = TestVectors.uniform(20, dim, 28);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            List<List<Neighbor>> batch = three.submit(() -> space.knnBatch(queries, 40)).join();
            for (int i = 0; i < queries.length; i++) {
                assertThat(batch.get(i)).as("query %d", i).isEqualTo(space.knn(queries[i], 40));
            }
        } finally {
            three.shutdown();
        }
    }

    @Test
    void batchOnOneWorkerIsOneTileAndAnswersTheSame() {
        int dim = 32;
        LatentSpace space = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(),
                TestVectors.uniform(700, dim, 25));
        float[][] queries = TestVectors.uniform(45, dim, 26);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            assertThat(one.submit(BatchSearch::callerWorkers).join()).isEqualTo(1);
            List<List<Neighbor>> batch = one.submit(() -> space.knnBatch(queries, 7)).join();
            for (int i = 0; i < queries.length; i++) {
                assertThat(batch.get(i)).as("query %d", i).isEqualTo(space.knn(queries[i], 7));
            }
        } finally {
            one.shutdown();
        }
    }

    @Test
    void workersTheTilesDoNotFillShareTheirRows() {
        assertThat(BatchSearch.Plan.of(32, 1, 157)).isEqualTo(new BatchSearch.Plan(32, 1, 1));
        assertThat(BatchSearch.Plan.of(32, 2, 157)).isEqualTo(new BatchSearch.Plan(32, 1, 2));
        assertThat(BatchSearch.Plan.of(33, 2, 157)).isEqualTo(new BatchSearch.Plan(17, 2, 1));
        assertThat(BatchSearch.Plan.of(1000, 2, 157)).isEqualTo(new BatchSearch.Plan(BatchSearch.MAX_TILE, 32, 1));
        assertThat(BatchSearch.Plan.of(6, 8, 157)).isEqualTo(new BatchSearch.Plan(6, 1, 8));
        assertThat(BatchSearch.Plan.of(6, 8, 3)).as("no more parts than chunks").isEqualTo(new BatchSearch.Plan(6, 1, 3));
        assertThat(BatchSearch.Plan.of(70, 8, 157)).isEqualTo(new BatchSearch.Plan(24, 3, 2));
        assertThat(BatchSearch.callerWorkers()).isEqualTo(ForkJoinPool.getCommonPoolParallelism() + 1);
    }

    @ParameterizedTest
    @MethodSource("metrics")
    void batchEqualsOneQueryAtATimeThroughExactTies(DistanceMetric metric) {
        // Many copies of a few vectors: the k-th answer ties with rows left out of the candidates.
        int dim = 20;
        float[][] distinct = TestVectors.uniform(5, dim, 23);
        float[][] data = new float[600][];
        for (int i = 0; i < data.length; i++) {
            data[i] = distinct[i % distinct.length];
        }
        LatentSpace space = TestVectors.space(dim, metric, AttentionType.standard(), data);
        float[][] queries = TestVectors.uniform(9, dim, 24);
        for (int k : new int[] {3, 10, 130}) {
            List<List<Neighbor>> batch = space.knnBatch(queries, k);
            for (int i = 0; i < queries.length; i++) {
                assertThat(batch.get(i)).as("query %d, k %d", i, k).isEqualTo(space.knn(queries[i], k));
            }
        }
    }

    private static void assertMatchesReference(LatentSpace space, DistanceMetric metric, float[][] data, float[] q, int k) {
        List<Neighbor> hits = space.knn(q, k);
        assertThat(hits).hasSize(Math.min(k, data.length));
        assertThat(hits).isSortedAccordingTo(Comparator.naturalOrder());

        List<Neighbor> reference = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            reference.add(new Neighbor(i, (float) ReferenceDistances.of(metric, q, data[i])));
        }
        reference.sort(Comparator.naturalOrder());

        for (int i = 0; i < hits.size(); i++) {
            Neighbor hit = hits.get(i);
            double exact = ReferenceDistances.of(metric, q, data[(int) hit.id()]);
            assertThat((double) hit.distance()).as("distance of id %d", hit.id())
                    .isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(exact))));
            // The i-th hit is as near as the i-th of the full sort, up to rounding.
            double expectedRank = reference.get(i).distance();
            assertThat((double) hit.distance()).as("rank %d", i)
                    .isCloseTo(expectedRank, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(expectedRank))));
        }
    }
}
