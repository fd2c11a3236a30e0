package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input is an exception naming the value, and the space is unchanged afterwards. */
class BadInputTest {

    private LatentSpace space;
    private float[][] data;
    private float[] probe;

    @BeforeEach
    void fill() {
        data = TestVectors.uniform(50, 4, 1);
        space = TestVectors.space(4, DistanceMetric.cosine(), AttentionType.moe(2, 1), data);
        probe = TestVectors.uniform(4, 2);
    }

    private void assertRejectedUnchanged(Executable action, Class<? extends Throwable> type, String... message) {
        List<Neighbor> before = space.knn(probe, 50);
        float[] attentionBefore = space.attention(probe);
        long[] idsBefore = space.idsInOrder();
        assertThatThrownBy(action::execute).isInstanceOf(type).hasMessageContainingAll(message);
        assertThat(space.size()).isEqualTo(50);
        assertThat(space.idsInOrder()).containsExactly(idsBefore);
        assertThat(space.knn(probe, 50)).isEqualTo(before);
        assertThat(space.attention(probe)).containsExactly(attentionBefore);
    }

    @Test
    void dimensionMismatch() {
        assertRejectedUnchanged(() -> space.add(new float[5]), IllegalArgumentException.class, "dimension 5", "expected 4");
        assertRejectedUnchanged(() -> space.knn(new float[3], 1), IllegalArgumentException.class, "query", "dimension 3");
        assertRejectedUnchanged(() -> space.attention(new float[2]), IllegalArgumentException.class, "dimension 2");
        assertRejectedUnchanged(() -> space.add(null), IllegalArgumentException.class, "must not be null");
    }

    @Test
    void nanAndInfinity() {
        assertRejectedUnchanged(() -> space.add(new float[] {1, Float.NaN, 0, 0}), IllegalArgumentException.class, "vector[1] is NaN", "finite");
        assertRejectedUnchanged(() -> space.add(new float[] {1, 0, 0, Float.POSITIVE_INFINITY}, 99),
                IllegalArgumentException.class, "vector[3] is Infinity");
        assertRejectedUnchanged(() -> space.knn(new float[] {Float.NEGATIVE_INFINITY, 0, 0, 1}, 3),
                IllegalArgumentException.class, "query[0] is -Infinity");
    }

    @Test
    void aBatchWithOneBadRowAddsNothing() {
        float[][] batch = TestVectors.uniform(10, 4, 3);
        batch[7][2] = Float.NaN;
        assertRejectedUnchanged(() -> space.addAll(batch), IllegalArgumentException.class, "batch[7][2] is NaN");
        float[][] ragged = TestVectors.uniform(3, 4, 4);
        ragged[1] = new float[6];
        assertRejectedUnchanged(() -> space.addAll(ragged), IllegalArgumentException.class, "batch[1] has dimension 6");
    }

    @Test
    void zeroVectorUnderCosine() {
        assertRejectedUnchanged(() -> space.add(new float[4]), IllegalArgumentException.class, "zero vector", "cosine");
        assertRejectedUnchanged(() -> space.knn(new float[4], 1), IllegalArgumentException.class, "query is the zero vector");
    }

    @Test
    void badK() {
        assertRejectedUnchanged(() -> space.knn(probe, 0), IllegalArgumentException.class, "k must be >= 1, got 0");
        assertRejectedUnchanged(() -> space.knnBatch(new float[][] {probe}, -3), IllegalArgumentException.class, "got -3");
    }

    @Test
    void unknownAndDuplicateIds() {
        assertRejectedUnchanged(() -> space.get(1234), NoSuchElementException.class, "no embedding with id 1234");
        assertRejectedUnchanged(() -> space.add(probe, 7), IllegalArgumentException.class, "id 7 is already in the space");
        assertRejectedUnchanged(() -> space.add(probe, -2), IllegalArgumentException.class, "id must be >= 0, got -2");
        assertThat(space.remove(1234)).isFalse();
        assertThat(space.size()).isEqualTo(50);
    }

    @Test
    void attentionOverAnEmptySpace() {
        LatentSpace empty = LatentSpace.create(LatentConfig.builder(4).build());
        assertThatThrownBy(() -> empty.attention(new float[4]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty space");
        assertThatThrownBy(() -> empty.attentionBatch(new float[][] {new float[4]}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty space");
        assertThat(empty.size()).isZero();
    }

    @Test
    void invalidConfigs() {
        assertThatThrownBy(() -> LatentConfig.builder(0).build()).hasMessageContaining("dimension must be in 1..65536, got 0");
        assertThatThrownBy(() -> LatentConfig.builder(65537).build()).hasMessageContaining("got 65537");
        assertThatThrownBy(() -> DistanceMetric.hyperbolic(0.5)).hasMessageContaining("negative", "0.5");
        assertThatThrownBy(() -> DistanceMetric.hyperbolic(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> AttentionType.flash(0)).hasMessageContaining("block size must be >= 1, got 0");
        assertThatThrownBy(() -> AttentionType.multiHead(0)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> AttentionType.moe(0)).hasMessageContaining("experts must be >= 1, got 0");
        assertThatThrownBy(() -> AttentionType.moe(4, 5)).hasMessageContaining("topK must be in 1..4", "got 5");
        assertThatThrownBy(() -> LatentConfig.builder(10).attentionType(AttentionType.multiHead(4)).build())
                .hasMessageContaining("dimension 10 is not divisible by the number of attention heads 4");
        assertThatThrownBy(() -> LatentConfig.builder(10).attentionType(AttentionType.multiHead()).build())
                .as("the default of 8 heads applies to multiHead()").hasMessageContaining("heads 8");
        assertThatThrownBy(() -> LatentConfig.builder(8).numHeads(0).build()).hasMessageContaining("numHeads must be >= 1, got 0");
        assertThatThrownBy(() -> LatentConfig.builder(8).initialCapacity(-1).build()).hasMessageContaining("got -1");
        assertThatThrownBy(() -> LatentConfig.builder(8).distanceMetric(null).build()).hasMessageContaining("distanceMetric");
        assertThatThrownBy(() -> DistanceMetric.parse("chebyshev")).hasMessageContaining("'chebyshev'", "euclidean");
        assertThatThrownBy(() -> AttentionType.parse("sparse")).hasMessageContaining("'sparse'");
    }

    @Test
    void defaultsAreThoseOfTheDesign() {
        LatentConfig config = LatentConfig.builder(256).build();
        assertThat(config.distanceMetric()).isEqualTo(DistanceMetric.euclidean());
        assertThat(config.attentionType()).isEqualTo(AttentionType.standard());
        assertThat(config.numHeads()).isEqualTo(8);
        assertThat(config.initialCapacity()).isEqualTo(1024);
        assertThat(config.seed()).isEqualTo(42L);
        assertThat(AttentionType.flash()).isEqualTo(new AttentionType.Flash(64));
        assertThat(AttentionType.moe(4)).isEqualTo(new AttentionType.MoE(4, 2));
        for (String label : new String[] {"standard", "flash", "flash_16", "multi_head_8", "moe_4_2"}) {
            assertThat(AttentionType.parse(label).label()).isEqualTo(label);
        }
        for (String label : new String[] {"euclidean", "cosine", "manhattan", "dot_product", "hyperbolic"}) {
            assertThat(DistanceMetric.parse(label).label()).isEqualTo(label);
        }
    }
}
