package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scan ranks Euclidean rows by squared distance and only takes square roots for rows that
 * may enter the answer; the answer must still be the one the distances themselves give.
 */
class ExactScanTest {

    @Test
    void rowsWhoseSquaredDistancesDifferButWhoseDistancesTieAreBrokenById() {
        // Two points whose squared distances from the origin are different floats with the same
        // float square root: the farther by squared distance comes first in id order, so it wins
        // the tie and must not be skipped by the squared-distance bound.
        Random random = new Random(5);
        float[] near = null;
        float[] far = null;
        while (far == null) {
            float a = 1 + random.nextFloat();
            float b = random.nextFloat();
            float[] p = {a, b};
            float[] r = {Math.nextUp(a), b};
            float sp = a * a + b * b;
            float sr = r[0] * r[0] + b * b;
            if (sp < sr && (float) Math.sqrt(sp) == (float) Math.sqrt(sr)) {
                near = p;
                far = r;
            }
        }
        LatentSpace space = LatentSpace.create(LatentConfig.builder(2).build());
        space.add(new float[] {5, 5}); // id 0, farther than both
        space.add(far);                // id 1
        space.add(near);               // id 2
        List<Neighbor> hits = space.knn(new float[] {0, 0}, 1);
        assertThat(hits).extracting(Neighbor::id).containsExactly(1L);
        assertThat(space.knn(new float[] {0, 0}, 2)).extracting(Neighbor::id).containsExactly(1L, 2L);
    }

    @Test
    void aSpaceLargerThanAChunkWithTombstonesMatchesTheUnfilteredOrder() {
        int dim = 300; // a chunk of 64 rows at this dimension: many chunks, a partial tail
        float[][] data = TestVectors.uniform(1000, dim, 31);
        LatentSpace space = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(), data);
        for (int id = 0; id < 1000; id += 7) {
            space.remove(id);
        }
        float[] q = TestVectors.uniform(dim, 32);
        List<Neighbor> all = space.knn(q, 1000);
        for (int k : new int[] {1, 10, 100, 857}) {
            assertThat(space.knn(q, k)).as("k %d", k).isEqualTo(all.subList(0, Math.min(k, all.size())));
        }
        assertThat(all).hasSize(1000 - 143);
        assertThat(all).extracting(Neighbor::id).doesNotContain(0L, 7L, 994L);
    }
}
