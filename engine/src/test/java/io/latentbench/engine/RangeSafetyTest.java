package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finite inputs at the ends of the float range: each is answered correctly or rejected with a
 * message naming its norm. Every case here failed before (issue 15): the wrong answer is named
 * in each test.
 */
class RangeSafetyTest {

    private static LatentSpace space(int dim, DistanceMetric metric) {
        return LatentSpace.create(LatentConfig.builder(dim).distanceMetric(metric).build());
    }

    @Test
    void aCosineVectorOfNorm5e20IsFoundAtDistanceZeroFromItself() {
        // Was: its squared norm (3e41) became Infinity in float and the vector was not found.
        LatentSpace space = space(4, DistanceMetric.cosine());
        float[] big = {1e20f, 2e20f, 3e20f, 4e20f};
        long id = space.add(big);
        space.add(new float[] {1, 0, 0, 0});
        space.add(new float[] {-4e20f, 3e20f, -2e20f, 1e20f});
        List<Neighbor> hits = space.knn(big, 3);
        assertThat(hits.get(0).id()).isEqualTo(id);
        assertThat(hits.get(0).distance()).isCloseTo(0f, within(1e-6f));
        assertThat(space.knnBatch(new float[][] {big, big}, 3)).containsOnly(hits);
    }

    @Test
    void aSubnormalCosineVectorIsAtDistanceZeroFromItself() {
        // Was: its squared norm underflowed to 0 in float, so the distance to itself was 1.
        LatentSpace space = space(3, DistanceMetric.cosine());
        float[] tiny = {1e-40f, 2e-40f, -1e-41f};
        long id = space.add(tiny);
        space.add(new float[] {1, 1, 1});
        Neighbor nearest = space.knn(tiny, 1).get(0);
        assertThat(nearest.id()).isEqualTo(id);
        assertThat(nearest.distance()).isCloseTo(0f, within(1e-6f));
        assertThat(space.knnBatch(new float[][] {tiny, {1, 1, 1}}, 2).get(0)).isEqualTo(space.knn(tiny, 2));
    }

    @Test
    void aDotProductThatWouldOverflowIsRejectedByNorm() {
        // Was: {3e38, 3e38} . {3e38, -3e38} is NaN in float and the row vanished from the answer.
        LatentSpace space = space(2, DistanceMetric.dotProduct());
        assertThatThrownBy(() -> space.add(new float[] {3e38f, 3e38f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vector has norm 4.24264").hasMessageContaining("2^62");
        space.add(new float[] {3e18f, 3e18f});
        space.add(new float[] {3e18f, -3e18f});
        assertThatThrownBy(() -> space.knn(new float[] {3e38f, -3e38f}, 2))
                .hasMessageContaining("query has norm 4.24264");
        List<Neighbor> hits = space.knn(new float[] {3e18f, -3e18f}, 2);
        assertThat(hits).extracting(Neighbor::id).containsExactly(1L, 0L);
        assertThat(hits.get(0).distance()).isCloseTo(-1.8e37f, within(1e32f));
        assertThat(hits.get(1).distance()).isZero();
    }

    @Test
    void euclideanBeyond2To62IsRejectedAndBelowItKnnBatchEqualsKnn() {
        // Was: at 1e20 every squared distance was Infinity and knn and knnBatch answered differently.
        LatentSpace space = space(3, DistanceMetric.euclidean());
        assertThatThrownBy(() -> space.add(new float[] {1e20f, 0, 0})).hasMessageContaining("norm 1.0000000200408773E20");
        float[][] rows = new float[40][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {2e18f * ((i % 7) - 3) / 3, 2e18f * ((i % 5) - 2) / 2, i * 1e16f};
        }
        space.addAll(rows);
        float[][] queries = {rows[3], rows[17], {1e18f, -1e18f, 0}, {0, 0, 0}};
        List<List<Neighbor>> batch = space.knnBatch(queries, 10);
        for (int j = 0; j < queries.length; j++) {
            assertThat(batch.get(j)).isEqualTo(space.knn(queries[j], 10));
            assertThat(batch.get(j)).allSatisfy(n -> assertThat(n.distance()).isFinite());
        }
    }

    @Test
    void subnormalEuclideanDifferencesKeepTheirDistance() {
        // Was: the squares of differences below 1e-23 underflowed and distinct rows were at 0.
        LatentSpace space = space(2, DistanceMetric.euclidean());
        space.add(new float[] {3e-39f, 0}, 1);
        space.add(new float[] {0, 4e-39f}, 2);
        List<Neighbor> hits = space.knn(new float[] {0, 0}, 2);
        assertThat(hits).extracting(Neighbor::id).containsExactly(1L, 2L);
        assertThat(hits.get(0).distance()).isCloseTo(3e-39f, within(1e-44f));
        assertThat(hits.get(1).distance()).isCloseTo(4e-39f, within(1e-44f));
        Neighbor nearest = space.knn(new float[] {3e-39f, 4e-39f}, 1).get(0);
        assertThat(nearest.id()).isEqualTo(2L);
        assertThat(nearest.distance()).isCloseTo(3e-39f, within(1e-44f));
    }

    @Test
    void hyperbolicAtTheLargestCurvatureAnswersEveryRow() {
        // Was: hyperbolic(-Double.MAX_VALUE) answered 0 of 7 rows. The limits are known: as c grows,
        // the geodesic between two directions runs through the origin, d = 2|u| + 2|v|; as c
        // vanishes, the ball is flat with conformal factor 2, d = 2|u - v|.
        for (double curvature : new double[] {-Double.MAX_VALUE, -1e300, -Double.MIN_VALUE, -1e-300}) {
            LatentSpace space = space(3, DistanceMetric.hyperbolic(curvature));
            float[][] rows = TestVectors.uniform(7, 3, 5);
            space.addAll(rows);
            boolean large = curvature < -1;
            for (float[] q : rows) {
                List<Neighbor> hits = space.knn(q, 7);
                assertThat(hits).as("curvature %s", curvature).hasSize(7);
                assertThat(hits.get(0).distance()).isZero();
                for (Neighbor n : hits.subList(1, 7)) {
                    float[] x = rows[(int) n.id()];
                    double expected = large ? 2 * (norm(q) + norm(x)) : 2 * norm(difference(q, x));
                    assertThat(n.distance()).as("curvature %s", curvature)
                            .isCloseTo((float) expected, within((float) (1e-4 * expected)));
                }
            }
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }

    private static float[] difference(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    @Test
    void hyperbolicTakesNormsUpTo2To125AndNamesALargerOne() {
        LatentSpace space = space(2, DistanceMetric.hyperbolic(-1));
        space.add(new float[] {3e37f, 3e37f});
        space.add(new float[] {-3e37f, 3e37f});
        assertThat(space.knn(new float[] {1, 0}, 2)).allSatisfy(n -> assertThat(n.distance()).isFinite());
        assertThatThrownBy(() -> space.add(new float[] {Float.MAX_VALUE, 0}))
                .hasMessageContaining("norm 3.4028234663852886E38").hasMessageContaining("2^125");
    }

    @Test
    void attentionAtScale1e20IsRejectedAndBelow2To62IsFinite() {
        // Was: every attention type returned all NaN at scale 1e20.
        float[][] keys = TestVectors.uniform(20, 8, 3);
        for (AttentionType type : new AttentionType[] {AttentionType.standard(), AttentionType.flash(4),
                AttentionType.multiHead(2), AttentionType.moe(2, 1)}) {
            LatentSpace space = LatentSpace.create(LatentConfig.builder(8).attentionType(type).build());
            for (float[] k : keys) {
                float[] big = k.clone();
                for (int i = 0; i < big.length; i++) big[i] *= 1e18f;
                space.add(big);
            }
            float[] q = keys[0].clone();
            for (int i = 0; i < q.length; i++) q[i] *= 1e18f;
            float[] out = space.attention(q);
            for (float x : out) assertThat(x).as(type.label()).isFinite();
            float[] huge = q.clone();
            for (int i = 0; i < huge.length; i++) huge[i] *= 100;
            assertThatThrownBy(() -> space.attention(huge)).as(type.label()).hasMessageContaining("query has norm");
        }
        LatentSpace cosine = LatentSpace.create(LatentConfig.builder(2).distanceMetric(DistanceMetric.cosine()).build());
        cosine.add(new float[] {1, 2});
        cosine.add(new float[] {1e20f, 1e20f}, 7);
        assertThatThrownBy(() -> cosine.attention(new float[] {1, 1}))
                .hasMessageContaining("key 7 has norm 1.41421").hasMessageContaining("attention scores");
    }

    @Test
    void kIsClampedToTheLiveRowsInKnnBatch() {
        // Was: Integer.MAX_VALUE threw NegativeArraySizeException, and 2e8 ran out of memory.
        for (DistanceMetric metric : KnnTest.metrics().toList()) {
            LatentSpace space = space(5, metric);
            space.addAll(TestVectors.uniform(10, 5, 1));
            space.remove(4);
            float[][] queries = TestVectors.uniform(6, 5, 2);
            for (int k : new int[] {Integer.MAX_VALUE, 200_000_000, 9, 10}) {
                List<List<Neighbor>> batch = space.knnBatch(queries, k);
                for (int j = 0; j < queries.length; j++) {
                    assertThat(batch.get(j)).as("%s k = %d", metric.label(), k).hasSize(9)
                            .isEqualTo(space.knn(queries[j], k));
                }
            }
        }
    }
}
