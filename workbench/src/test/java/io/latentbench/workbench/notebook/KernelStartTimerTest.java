package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class KernelStartTimerTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void aSpreadHasTheMedianAndTheExtremes() {
        assertThat(KernelStartTimer.Spread.of(List.of(ms(300), ms(100), ms(200))))
                .isEqualTo(new KernelStartTimer.Spread(ms(200), ms(100), ms(300)));
        // an even count: the mean of the middle two
        assertThat(KernelStartTimer.Spread.of(List.of(ms(400), ms(100), ms(200), ms(300))))
                .isEqualTo(new KernelStartTimer.Spread(ms(250), ms(100), ms(400)));
        assertThat(KernelStartTimer.Spread.of(List.of(ms(7)))).isEqualTo(new KernelStartTimer.Spread(ms(7), ms(7), ms(7)));
    }

    @Test
    void noDurationsHaveNoSpread() {
        assertThatThrownBy(() -> KernelStartTimer.Spread.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no durations");
    }
}
