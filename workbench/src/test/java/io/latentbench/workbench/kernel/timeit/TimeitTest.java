package io.latentbench.workbench.kernel.timeit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The arithmetic of timeit on a fake clock that each call of the body moves on: nothing here is timed. */
class TimeitTest {

    private final AtomicLong clock = new AtomicLong();

    private Timeit timer(Duration maxWarmup) {
        return new Timeit(clock::get, maxWarmup);
    }

    @Test
    void anAutomaticCountReachesTheTargetAsIPythonChoosesIt() {
        // every call takes exactly 1 ms: warm-up rounds of 50 loops settle at once, repeats of 200 loops reach 0.2 s
        TimeitResult r = timer(Duration.ofSeconds(10)).measure(0, 7, () -> clock.addAndGet(1_000_000));
        assertThat(r.loops()).isEqualTo(200);
        assertThat(r.repeat()).isEqualTo(7);
        assertThat(r.allRuns()).hasSize(7).allSatisfy(t -> assertThat(t).isCloseTo(0.2, within(1e-12)));
        assertThat(r.average()).isCloseTo(1e-3, within(1e-15));
        assertThat(r.stdev()).isCloseTo(0, within(1e-15));
        assertThat(r.best()).isCloseTo(1e-3, within(1e-15));
        assertThat(r.settled()).isTrue();
        assertThat(r.warmupRounds()).isEqualTo(Timeit.SETTLED_ROUNDS);
        // 1 + 2 + 5 + 10 + 20 + 50 calls to size the rounds, then three rounds of 50
        assertThat(r.warmup()).isEqualTo(Duration.ofMillis(88 + 150));
        assertThat(r.toString()).isEqualTo("1 ms ± 0 ns per loop (mean ± std. dev. of 7 runs, 200 loops each); best 1 ms");
    }

    @Test
    void givenLoopsAndRepeatsAreKeptAndTheStatisticsFollowTheRuns() {
        long[] step = {0};
        // repeat times differ after the warm-up: 10 loops of 1 us, then of 3 us
        TimeitResult r = timer(Duration.ofSeconds(10)).measure(10, 2, () -> clock.addAndGet(step[0]++ < 238 ? 1_000 : 3_000));
        assertThat(r.loops()).isEqualTo(10);
        assertThat(r.repeat()).isEqualTo(2);
        assertThat(r.perLoop()).hasSize(2);
        assertThat(r.best()).isLessThanOrEqualTo(r.average());
        assertThat(r.worst()).isGreaterThanOrEqualTo(r.average());
        double mean = r.perLoop().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(r.average()).isCloseTo(mean, within(1e-18));
        assertThat(r.stdev()).isCloseTo((r.worst() - r.best()) / 2, within(1e-15)); // two values: half their distance
    }

    @Test
    void aWarmUpThatNeverSettlesStopsAtItsLimitAndSaysSo() {
        long[] cost = {1_000};
        TimeitResult r = timer(Duration.ofMillis(500)).measure(3, 2, () -> clock.addAndGet(cost[0] += 500));
        assertThat(r.settled()).isFalse();
        assertThat(r.warmup()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(r.notes().get(0)).contains("stopped at its limit");
        assertThat(r.notes()).last().asString().contains("in-process").contains("Bench");
    }

    @Test
    void settlingNeedsTheLastRoundsWithinTheSpread() {
        assertThat(Timeit.settled(List.of(5.0, 1.0, 1.05, 1.09))).isTrue();
        assertThat(Timeit.settled(List.of(1.0, 1.05, 1.2))).isFalse();
        assertThat(Timeit.settled(List.of(1.0, 1.0))).isFalse();
    }

    @Test
    void loopsForAPerLoopTimeFollowOneTwoFive() {
        assertThat(Timeit.loopsFor(1e6, 0.2)).isEqualTo(200);
        assertThat(Timeit.loopsFor(3e8, 0.2)).isEqualTo(1);
        assertThat(Timeit.loopsFor(15_000, 0.2)).isEqualTo(20_000);
        assertThat(Timeit.loopsFor(Double.NaN, 0.2)).isEqualTo(1);
    }

    @Test
    void aThrowingBodyFailsWithItsOwnException() {
        assertThatThrownBy(() -> timer(Duration.ofSeconds(1)).measure(1, 1, () -> {
            throw new java.io.IOException("disk gone");
        })).isInstanceOf(java.io.IOException.class).hasMessage("disk gone");
    }

    @Test
    void badCountsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> Timeit.timeit(-1, 7, () -> 1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> Timeit.timeit(1, 0, () -> 1)).hasMessageContaining("repeat must be >= 1; got 0");
    }

    @Test
    void secondsFormatLikeIPython() {
        assertThat(TimeitResult.format(0.000205)).isEqualTo("205 µs");
        assertThat(TimeitResult.format(1.5e-8)).isEqualTo("15 ns");
        assertThat(TimeitResult.format(2.25)).isEqualTo("2.25 s");
        assertThat(TimeitResult.format(0.0123456)).isEqualTo("12.3 ms");
    }
}
