package io.latentbench.workbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonReaderTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/jmh/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    private Path file(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void throughputWithTwoForksOldPrefixAndStringParams() throws IOException {
        ResultSet set = ResultFiles.read(resource("thrpt-two-forks-old-prefix.json"));

        assertThat(set.info().profile()).isEqualTo("external");
        assertThat(set.info().jdk()).isEqualTo("17.0.9");
        assertThat(set.results()).hasSize(2);

        BenchmarkResult first = set.results().get(0);
        assertThat(first.suite()).isEqualTo("org.example.codec.CodecBench");
        assertThat(first.name()).isEqualTo("encode");
        assertThat(first.mode()).isEqualTo("thrpt");
        assertThat(first.params()).containsExactly(Map.entry("codec", "lz4"), Map.entry("size", "1024"));
        assertThat(first.key()).isEqualTo("org.example.codec.CodecBench.encode[codec=lz4,size=1024]");
        assertThat(first.unit()).isEqualTo("ops/s");
        assertThat(first.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);

        Metric p = first.primary();
        assertThat(p.score()).isEqualTo(1500.0);
        assertThat(p.error()).isEqualTo(120.5);
        assertThat(p.ciLow()).isEqualTo(1379.5);
        assertThat(p.ciHigh()).isEqualTo(1620.5);
        assertThat(p.forks()).isEqualTo(2);
        assertThat(p.forkSamples()).containsExactly(List.of(1400.0, 1500.0, 1600.0), List.of(1450.0, 1500.0, 1550.0));
        assertThat(p.forkMeans()).containsExactly(1500.0, 1500.0);
        assertThat(p.percentiles()).containsEntry(50.0, 1500.0).containsEntry(100.0, 1600.0);

        // The pre-1.37 middle-dot prefix is gone from the names.
        assertThat(first.secondary()).containsOnlyKeys("gc.alloc.rate.norm", "gc.count");
        Metric alloc = first.secondary().get("gc.alloc.rate.norm");
        assertThat(alloc.unit()).isEqualTo("B/op");
        assertThat(alloc.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(alloc.score()).isEqualTo(48.0);
        assertThat(first.secondary().get("gc.count").error()).isNaN();

        BenchmarkResult second = set.results().get(1);
        assertThat(second.params()).containsEntry("size", "65536");
        assertThat(second.secondary()).isEmpty();
        assertThat(second.primary().forkSamples()).containsExactly(List.of(19.0, 21.0), List.of(20.0, 20.0));
    }

    @Test
    void averageTimeWithNonFiniteStringsAndNoParams() throws IOException {
        ResultSet set = ResultFiles.read(resource("avgt-nonfinite-no-params.json"));
        BenchmarkResult r = set.results().get(0);

        assertThat(r.params()).isEmpty();
        assertThat(r.key()).isEqualTo("com.acme.Hashing.murmur");
        assertThat(r.mode()).isEqualTo("avgt");
        assertThat(r.primary().score()).isEqualTo(12.5);
        assertThat(r.primary().error()).isNaN();
        assertThat(r.primary().ciLow()).isNaN();
        assertThat(r.primary().ciHigh()).isNaN();
        assertThat(r.direction()).isEqualTo(Direction.LOWER_IS_BETTER);

        Metric rate = r.secondary().get("gc.alloc.rate");
        assertThat(rate.score()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(rate.ciLow()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(rate.ciHigh()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(rate.forkSamples()).containsExactly(List.of(Double.POSITIVE_INFINITY));
        assertThat(set.info().jdk()).isEqualTo("21.0.2");
    }

    @Test
    void sampleTimeHistogramsBecomeWeightedIterationMeansPerFork() throws IOException {
        BenchmarkResult r = ResultFiles.read(resource("sample-histogram.json")).results().get(0);

        assertThat(r.mode()).isEqualTo("sample");
        assertThat(r.params()).containsEntry("k", "10");
        Metric p = r.primary();
        assertThat(p.forks()).isEqualTo(2);
        // fork 0: (1*2 + 2 + 5) / 4 = 2.25 and 2.0; fork 1: (3*3 + 4) / 4 = 3.25 and (1 + 4) / 2 = 2.5
        assertThat(p.forkSamples().get(0)).containsExactly(2.25, 2.0);
        assertThat(p.forkSamples().get(1)).containsExactly(3.25, 2.5);
        assertThat(p.forkMeans()).containsExactly(2.125, 2.875);
        // The median of single calls comes from JMH's percentiles, not from iteration means.
        assertThat(p.median()).isEqualTo(2.0);
        assertThat(p.percentiles()).containsEntry(99.9999, 5.0);
    }

    @Test
    void singleShotWithNonStringParamsOfOurOwnSuite() throws IOException {
        BenchmarkResult r = ResultFiles.read(resource("ss-numeric-params-own-suite.json")).results().get(0);

        assertThat(r.suite()).isEqualTo("flash_vs_standard");
        assertThat(r.name()).isEqualTo("attention");
        assertThat(r.mode()).isEqualTo("ss");
        assertThat(r.params()).containsExactly(
                Map.entry("dim", "256"), Map.entry("exact", "true"), Map.entry("keys", "4096"), Map.entry("type", "flash"));
        assertThat(r.primary().forkSamples()).containsExactly(List.of(0.0035), List.of(0.004), List.of(0.0045));
        assertThat(r.primary().median()).isEqualTo(0.004);
        assertThat(r.primary().stdDev()).isCloseTo(0.0005, within(1e-12));
        assertThat(r.primary().mad()).isCloseTo(0.0005, within(1e-12));
    }

    @Test
    void anEmptyArrayIsAnEmptyRun() throws IOException {
        assertThat(ResultFiles.read(file("empty.json", "[]")).results()).isEmpty();
    }

    @Test
    void notJsonIsAClearError() throws IOException {
        Path p = file("broken.json", "[{\"benchmark\": ");
        assertThatThrownBy(() -> ResultFiles.read(p))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("broken.json is not valid JSON");
    }

    @Test
    void anEmptyFileIsAClearError() throws IOException {
        Path p = file("blank.json", "  \n");
        assertThatThrownBy(() -> ResultFiles.read(p))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("blank.json is empty");
    }

    @Test
    void anUnknownObjectIsNeitherFormat() throws IOException {
        Path p = file("other.json", "{\"hello\": 1}");
        assertThatThrownBy(() -> ResultFiles.read(p))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("neither a latentbench results.json")
                .hasMessageContaining("nor JMH JSON output");
    }

    @Test
    void aRunWithoutABenchmarkNameIsRejectedWithItsIndex() throws IOException {
        Path p = file("noname.json", "[{\"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"ns/op\"}}]");
        assertThatThrownBy(() -> ResultFiles.read(p))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("run #0")
                .hasMessageContaining("\"benchmark\" is missing");
    }

    @Test
    void aScoreThatIsNotANumberNamesTheFieldAndTheValue() throws IOException {
        Path p = file("badscore.json", "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\","
                + " \"primaryMetric\": {\"score\": \"fast\", \"scoreUnit\": \"ns/op\"}}]");
        assertThatThrownBy(() -> ResultFiles.read(p))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("a.B.c")
                .hasMessageContaining("primaryMetric.score is \"fast\"")
                .hasMessageContaining("expected a number");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> ResultFiles.read(dir.resolve("nope.json")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("nope.json");
    }

    @Test
    void aRawJmhFileOfOurSuitesIsKeyedByTheSuiteLabelAndAForeignClassByItsName() {
        assertThat(ForeignRows.suiteOf("io.latentbench.workbench.bench.suites.AttentionComparisonBenchmarks"))
                .isEqualTo("attention_comparison");
        assertThat(ForeignRows.suiteOf("org.other.PeersBenchmarks")).isEqualTo("org.other.PeersBenchmarks");
        // A suite split by family: each class in the package named for its label, and the one class it had before.
        assertThat(ForeignRows.suiteOf("io.latentbench.workbench.bench.suites.peers.KnnScanBenchmarks")).isEqualTo("peers");
        assertThat(ForeignRows.suiteOf("io.latentbench.workbench.bench.suites.PeersBenchmarks")).isEqualTo("peers");
        assertThat(ForeignRows.suiteOf("io.latentbench.workbench.bench.suites.peers.PythonPeer"))
                .isEqualTo("io.latentbench.workbench.bench.suites.peers.PythonPeer");
        assertThat(ForeignRows.suiteOf("io.latentbench.workbench.bench.suites.peers.deeper.XBenchmarks"))
                .isEqualTo("io.latentbench.workbench.bench.suites.peers.deeper.XBenchmarks");
    }
}
