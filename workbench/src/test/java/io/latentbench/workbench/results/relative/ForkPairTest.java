package io.latentbench.workbench.results.relative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a pair's placement says about pairing its iterations and about its cores. */
class ForkPairTest {

    private static ForkPair pair(String order, int baseCore, int headCore, int headIterations) {
        return new ForkPair(0, order, baseCore, headCore, List.of(1.0, 1.1), List.of(1.2, 1.3, 1.4).subList(0,
                headIterations));
    }

    @Test
    void pinnedPairsHaveAnOrientationSwappedAndInterleavedOnesHaveNone() {
        assertThat(pair(ForkPair.TOGETHER, 1, 0, 2).orientation()).isEqualTo(1);
        assertThat(pair(ForkPair.TOGETHER, 0, 1, 2).orientation()).isZero();
        // the forks exchanged their cores over and over: neither sat on its starting core throughout
        assertThat(pair(ForkPair.SWAPPED, 1, 0, 2).orientation()).isEqualTo(-1);
        assertThat(pair("base-first", -1, -1, 2).orientation()).isEqualTo(-1);
        assertThat(pair(ForkPair.TOGETHER, -1, -1, 2).orientation()).isEqualTo(-1);
        assertThat(pair(ForkPair.SHARED, -1, -1, 2).orientation()).isEqualTo(-1);
    }

    @Test
    void iterationsPairUpWhenTheForksRanAtTheSameTimeForAsManyIterations() {
        assertThat(pair(ForkPair.TOGETHER, 0, 1, 2).iterationsAligned()).isTrue();
        assertThat(pair(ForkPair.SWAPPED, 0, 1, 2).iterationsAligned()).isTrue();
        assertThat(pair(ForkPair.SWAPPED, 0, 1, 3).iterationsAligned()).isFalse();
        assertThat(pair(ForkPair.SHARED, -1, -1, 2).iterationsAligned()).isTrue();
        assertThat(pair("head-first", -1, -1, 2).iterationsAligned()).isFalse();
    }
}
