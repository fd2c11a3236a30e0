package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The next automatic id is one more than the largest id used, explicit or automatic; ids run
 * to {@code Long.MAX_VALUE - 1}. Issue 16, item 11: {@code add(v, Long.MAX_VALUE)} was accepted
 * and left the next automatic id where it was (id + 1 overflowed), so automatic ids then
 * went on from below it.
 */
class AutomaticIdTest {

    private final float[] v = {1, 2};

    private LatentSpace space() {
        return LatentSpace.create(LatentConfig.builder(2).build());
    }

    @Test
    void theLargestLongIsRefusedByName() {
        LatentSpace space = space();
        space.add(v, 5);
        assertThatThrownBy(() -> space.add(v, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id 9223372036854775807").hasMessageContaining("next automatic id");
        assertThat(space.size()).isEqualTo(1);
        assertThat(space.add(v)).isEqualTo(6);
    }

    @Test
    void afterExplicitIdsNearTheTopTheNextAutomaticIdFollowsTheLargest() {
        LatentSpace space = space();
        space.add(v, Long.MAX_VALUE - 3);
        space.add(v, 10);
        assertThat(space.add(v)).isEqualTo(Long.MAX_VALUE - 2);
        assertThat(space.add(v)).isEqualTo(Long.MAX_VALUE - 1);
        assertThatThrownBy(() -> space.add(v)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(String.valueOf(Long.MAX_VALUE));
        assertThat(space.size()).isEqualTo(4);
    }

    @Test
    void theLargestIdLeavesNoAutomaticIdAndAddAllAddsNone() {
        LatentSpace space = space();
        space.add(v, Long.MAX_VALUE - 1);
        assertThatThrownBy(() -> space.add(v)).isInstanceOf(IllegalStateException.class);
        LatentSpace other = space();
        other.add(v, Long.MAX_VALUE - 3);
        assertThatThrownBy(() -> other.addAll(new float[][] {v, v, v})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 free ids");
        assertThat(other.size()).isEqualTo(1);
        assertThat(other.addAll(new float[][] {v, v})).containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1);
    }
}
