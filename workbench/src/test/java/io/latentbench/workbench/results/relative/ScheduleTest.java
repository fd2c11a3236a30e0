package io.latentbench.workbench.results.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void aPointOnSeveralThreadsRunsInTurnsWhereTheScheduleWouldPinItsForksAndSharedWhenAskedFor() {
        assertThat(Schedule.DUET.forThreads()).isEqualTo(Schedule.TURNS);
        assertThat(Schedule.PINNED.forThreads()).isEqualTo(Schedule.TURNS);
        assertThat(Schedule.SHARED.forThreads()).isEqualTo(Schedule.SHARED);
        assertThat(Schedule.TURNS.forThreads()).isEqualTo(Schedule.TURNS);
        assertThat(Schedule.INTERLEAVED.forThreads()).isEqualTo(Schedule.INTERLEAVED);
    }

    @Test
    void aPointThatSplitsItsCallsIsNeverSharedAndRunsInTurnsWhereverTheForksMeet() {
        assertThat(Schedule.DUET.forSplitCalls()).isEqualTo(Schedule.TURNS);
        assertThat(Schedule.PINNED.forSplitCalls()).isEqualTo(Schedule.TURNS);
        assertThat(Schedule.SHARED.forSplitCalls()).isEqualTo(Schedule.TURNS);
        assertThat(Schedule.TURNS.forSplitCalls()).isEqualTo(Schedule.TURNS);
        assertThat(Schedule.INTERLEAVED.forSplitCalls()).isEqualTo(Schedule.INTERLEAVED);
    }

    @Test
    void onlyTheSchedulesThatMeasureBothSidesAtOnceNeedACoreForEach() {
        assertThat(Schedule.SHARED.together()).isTrue();
        assertThat(Schedule.SHARED.pinned()).isFalse();
        assertThat(Schedule.TURNS.together()).isFalse();
        assertThat(Schedule.TURNS.meets()).isTrue();
        assertThat(Schedule.TURNS.pinned()).isFalse();
        assertThat(Schedule.INTERLEAVED.meets()).isFalse();
    }

    @Test
    void namesParseWhateverTheirCaseAndAnUnknownOneIsNamed() {
        assertThat(Schedule.parse(" Shared ")).isEqualTo(Schedule.SHARED);
        assertThat(Schedule.parse("turns")).isEqualTo(Schedule.TURNS);
        assertThat(Schedule.defaultFor(1)).isEqualTo(Schedule.INTERLEAVED);
        assertThat(Schedule.defaultFor(2)).isEqualTo(Schedule.DUET);
        assertThatThrownBy(() -> Schedule.parse("solo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown schedule 'solo'; expected one of duet, pinned, shared, turns, interleaved");
    }
}
