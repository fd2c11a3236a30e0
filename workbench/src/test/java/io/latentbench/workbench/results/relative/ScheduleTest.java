package io.latentbench.workbench.results.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void aPointOnSeveralThreadsRunsInterleavedWhereTheScheduleWouldPinItsForksAndSharedWhenAskedFor() {
        assertThat(Schedule.DUET.forThreads()).isEqualTo(Schedule.INTERLEAVED);
        assertThat(Schedule.PINNED.forThreads()).isEqualTo(Schedule.INTERLEAVED);
        assertThat(Schedule.SHARED.forThreads()).isEqualTo(Schedule.SHARED);
        assertThat(Schedule.INTERLEAVED.forThreads()).isEqualTo(Schedule.INTERLEAVED);
        assertThat(Schedule.SHARED.together()).isTrue();
        assertThat(Schedule.SHARED.pinned()).isFalse();
    }

    @Test
    void namesParseWhateverTheirCaseAndAnUnknownOneIsNamed() {
        assertThat(Schedule.parse(" Shared ")).isEqualTo(Schedule.SHARED);
        assertThat(Schedule.defaultFor(1)).isEqualTo(Schedule.INTERLEAVED);
        assertThat(Schedule.defaultFor(2)).isEqualTo(Schedule.DUET);
        assertThatThrownBy(() -> Schedule.parse("solo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown schedule 'solo'; expected one of duet, pinned, shared, interleaved");
    }
}
