package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.format.ResultFormatType;

class JmhOptionsTest {

    private static final BenchPoint KNN = new BenchPoint(Suite.LATENCY, "knn", "avgt", new TreeMap<>(Map.of("dim", "256", "k", "10")));
    private static final BenchPoint ADD = new BenchPoint(Suite.LATENCY, "add", "avgt", new TreeMap<>(Map.of("dim", "256")));

    @Test
    void profilerSpecsSplitAtTheFirstColon() {
        assertThat(JmhOptions.Profiler.parse("stack")).isEqualTo(new JmhOptions.Profiler("stack", ""));
        assertThat(JmhOptions.Profiler.parse("async:libPath=/x/y.so;output=flamegraph"))
                .isEqualTo(new JmhOptions.Profiler("async", "libPath=/x/y.so;output=flamegraph"));
        assertThatThrownBy(() -> JmhOptions.Profiler.parse(":lines=3")).hasMessageContaining("needs a name");
    }

    @Test
    void includeAndExcludeAreFoundInTheJmhNameOrTheKey() {
        assertThat(JmhOptions.NONE.selects(KNN)).isTrue();
        JmhOptions jmhName = JmhOptions.NONE.withInclude("LatencyBenchmarks?\\.knn$");
        assertThat(jmhName.selects(KNN)).isTrue();
        assertThat(jmhName.selects(ADD)).isFalse();
        JmhOptions byKey = JmhOptions.NONE.withInclude("k=10").withInclude("add");
        assertThat(byKey.selects(KNN)).isTrue();
        assertThat(byKey.selects(ADD)).isTrue();
        assertThat(byKey.withExclude("^latency\\.add").selects(ADD)).isFalse();
    }

    @Test
    void unitsAndFormatsTakeJmhsNamesAndRefuseOthersNamingThem() {
        assertThat(JmhOptions.parseTimeUnit("us")).isEqualTo(TimeUnit.MICROSECONDS);
        assertThat(JmhOptions.parseTimeUnit("NS")).isEqualTo(TimeUnit.NANOSECONDS);
        assertThatThrownBy(() -> JmhOptions.parseTimeUnit("week")).hasMessage("time unit 'week' is not one of ns, us, ms, s, m, h");
        assertThat(JmhOptions.parseResultFormat("latex")).isEqualTo(ResultFormatType.LATEX);
        assertThat(JmhOptions.resultFileName(ResultFormatType.TEXT)).isEqualTo("jmh-result.txt");
        assertThat(JmhOptions.resultFileName(ResultFormatType.SCSV)).isEqualTo("jmh-result.scsv");
        assertThatThrownBy(() -> JmhOptions.parseResultFormat("yaml")).hasMessageContaining("'yaml'");
    }

    @Test
    void aRelativeRunsForksTakeTheThreadsAndTheUnitAndRefuseProfilersAndFormatsNamingThem() {
        assertThat(JmhOptions.NONE.forkArguments()).isEmpty();
        assertThat(JmhOptions.NONE.withThreads(2).withTimeUnit(TimeUnit.MICROSECONDS).withInclude("knn").forkArguments())
                .containsExactly("-t", "2", "-tu", "us");
        for (TimeUnit u : new TimeUnit[] {TimeUnit.NANOSECONDS, TimeUnit.MILLISECONDS, TimeUnit.SECONDS,
                TimeUnit.MINUTES, TimeUnit.HOURS}) {
            // the name JMH's command line takes is the one --time-unit reads back
            String name = JmhOptions.NONE.withTimeUnit(u).forkArguments().get(1);
            assertThat(JmhOptions.parseTimeUnit(name)).isEqualTo(u);
        }
        assertThatThrownBy(() -> JmhOptions.NONE.withProfiler(JmhOptions.Profiler.parse("stack:lines=3")).forkArguments())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[stack:lines=3]")
                .hasMessageContaining("without --against");
        assertThatThrownBy(() -> JmhOptions.NONE.withResultFormat(ResultFormatType.CSV).forkArguments())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not csv")
                .hasMessageContaining("without --against");
    }
}
