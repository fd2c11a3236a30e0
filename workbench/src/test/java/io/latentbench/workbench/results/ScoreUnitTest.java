package io.latentbench.workbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScoreUnitTest {

    /** Every time spelling either former Units class knew (hours from one, "sec" from the other). */
    @ParameterizedTest
    @CsvSource({"ns/op, 1e-9", "us/op, 1e-6", "\u00b5s/op, 1e-6", "\u03bcs/op, 1e-6", "ms/op, 1e-3", "s/op, 1",
        "sec/op, 1", "min/op, 60", "h/op, 3600", "hr/op, 3600", "US/OP, 1e-6"})
    void readsEveryTimePerOperation(String text, double seconds) {
        ScoreUnit unit = ScoreUnit.of(text);
        assertThat(unit).isInstanceOf(ScoreUnit.TimePerOp.class);
        assertThat(((ScoreUnit.TimePerOp) unit).secondsPerOp(2)).isCloseTo(2 * seconds, within(1e-15 * seconds));
        assertThat(unit.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(unit.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"ops/ns, 1e-9", "ops/us, 1e-6", "ops/ms, 1e-3", "ops/s, 1", "ops/sec, 1", "ops/min, 60", "ops/hr, 3600"})
    void readsEveryRate(String text, double seconds) {
        ScoreUnit unit = ScoreUnit.of(text);
        assertThat(unit).isInstanceOf(ScoreUnit.OpsPerTime.class);
        assertThat(((ScoreUnit.OpsPerTime) unit).opsPerSecond(1)).isCloseTo(1 / seconds, within(1e-9 / seconds));
        assertThat(unit.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @ParameterizedTest
    @CsvSource({"B, Size, LOWER_IS_BETTER", "bytes, Size, LOWER_IS_BETTER", "KiB, Size, LOWER_IS_BETTER",
        "MB, Size, LOWER_IS_BETTER", "GiB, Size, LOWER_IS_BETTER", "B/op, SizePerOp, LOWER_IS_BETTER",
        "bytes/op, SizePerOp, LOWER_IS_BETTER", "B/vector, SizePerItem, LOWER_IS_BETTER",
        "MB/sec, SizePerTime, HIGHER_IS_BETTER", "x, Ratio, HIGHER_IS_BETTER", "counts, Other, LOWER_IS_BETTER",
        "ms, Other, LOWER_IS_BETTER", "#/op, Other, LOWER_IS_BETTER", "ops, Other, HIGHER_IS_BETTER",
        "ops/ref, Other, HIGHER_IS_BETTER", "x ref, Other, LOWER_IS_BETTER"})
    void knowsWhatEachUnitMeasuresAndWhichWayIsBetter(String text, String kind, Direction direction) {
        ScoreUnit unit = ScoreUnit.of(text);
        assertThat(unit.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(unit.direction()).isEqualTo(direction);
    }

    @Test
    void convertsWithinAKindOnly() {
        assertThat(ScoreUnit.of("us/op").factorTo(ScoreUnit.of("ns/op")).getAsDouble()).isCloseTo(1000, within(1e-9));
        assertThat(ScoreUnit.of("sec/op").factorTo(ScoreUnit.of("ms/op")).getAsDouble()).isCloseTo(1000, within(1e-9));
        assertThat(ScoreUnit.of("ops/ms").factorTo(ScoreUnit.of("ops/s")).getAsDouble()).isCloseTo(1000, within(1e-9));
        assertThat(ScoreUnit.of("KB").factorTo(ScoreUnit.of("B")).getAsDouble()).isEqualTo(1024);
        assertThat(ScoreUnit.of("B").factorTo(ScoreUnit.of("MB")).getAsDouble()).isEqualTo(1.0 / (1024 * 1024));
        assertThat(ScoreUnit.of("KB/op").factorTo(ScoreUnit.of("B/op")).getAsDouble()).isEqualTo(1024);
        assertThat(ScoreUnit.of("x").factorTo(ScoreUnit.of("x")).getAsDouble()).isEqualTo(1.0);
        assertThat(ScoreUnit.of("counts").factorTo(ScoreUnit.of("Counts")).getAsDouble()).isEqualTo(1.0);
        assertThat(ScoreUnit.of("us/op").factorTo(ScoreUnit.of("ops/s"))).isEmpty();
        assertThat(ScoreUnit.of("B/op").factorTo(ScoreUnit.of("B"))).isEmpty();
        assertThat(ScoreUnit.of("B/vector").factorTo(ScoreUnit.of("B/query"))).isEmpty();
        assertThat(ScoreUnit.of("counts").factorTo(ScoreUnit.of("ms"))).isEmpty();
    }

    @Test
    void writesTimesShortAfterANumber() {
        assertThat(ScoreUnit.of("us/op").shortText()).isEqualTo("\u00b5s");
        assertThat(ScoreUnit.of("ns/op").shortText()).isEqualTo("ns");
        assertThat(ScoreUnit.of("B/op").shortText()).isEqualTo("B/op");
    }

    @Test
    void theStrictReadingNamesAnUnknownUnitAndTheAcceptedOnes() {
        assertThat(ScoreUnit.parse("MB")).isEqualTo(new ScoreUnit.Size("MB", 1024 * 1024));
        assertThatThrownBy(() -> ScoreUnit.parse("furlongs/fortnight"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown unit 'furlongs/fortnight'")
                .hasMessageContaining("T/op")
                .hasMessageContaining("ns, us, \u00b5s, \u03bcs, ms, s, sec, min, h, hr")
                .hasMessageContaining("b, bytes, kb, kib, mb, mib, gb, gib");
    }

    @Test
    void theNotebookConversionsAskTheVocabulary() {
        assertThat(Units.secondsPerOp(3, "hr/op")).isEqualTo(10800);
        assertThat(Units.secondsPerOp(3, "sec/op")).isEqualTo(3);
        assertThat(Units.secondsPerOp(3, "ops/s")).isNaN();
        assertThat(Units.opsPerSecond(4, "ms/op")).isCloseTo(250, within(1e-9));
        assertThat(Units.isOpsPerTime("ops/min")).isTrue();
        assertThat(Units.withUnit(45.2, "us/op")).isEqualTo("45.2 \u00b5s");
    }
}
