package io.latentbench.workbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    @TempDir
    Path dir;

    static ResultSet sample() {
        Metric knn = new Metric("us/op", 120.5, 3.25, 117.25, 123.75,
                List.of(List.of(119.0, 121.0), List.of(120.0, 122.0)), new TreeMap<>(Map.of(50.0, 120.5)));
        Metric alloc = new Metric("B/op", 96.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                List.of(List.of(96.0), List.of(96.0)));
        Metric ops = new Metric("ops/s", 8542.0, 100.0, 8442.0, 8642.0, List.of(List.of(8500.0, 8584.0)));
        return new ResultSet(
                new RunInfo(Instant.parse("2026-11-29T10:00:00Z"), "abc123", "quick", "25+36", "AMD EPYC 9R45", 2),
                List.of(
                        new BenchmarkResult("latency", "knn", new TreeMap<>(Map.of("dim", "128", "k", "10")), "avgt",
                                knn, Map.of("gc.alloc.rate.norm", alloc)),
                        new BenchmarkResult("throughput", "batchAdd", new TreeMap<>(Map.of("batch", "32")), "thrpt",
                                ops, Map.of())));
    }

    @Test
    void resultsJsonRoundTripsExactly() {
        Path p = dir.resolve("out/results.json");
        ResultSet original = sample();

        ResultFiles.writeResultsJson(original, p);
        ResultSet back = ResultFiles.read(p);

        assertThat(back).isEqualTo(original);
        assertThat(back.info().testbed()).isEqualTo("amd-epyc-9r45-2c-jdk25");
        assertThat(back.find("latency.knn[dim=128,k=10]")).isPresent();
    }

    @Test
    void resultsJsonCarriesKeyUnitAndDirectionForOtherReaders() throws IOException {
        Path p = dir.resolve("results.json");
        ResultFiles.writeResultsJson(sample(), p);
        String text = Files.readString(p);

        assertThat(text).contains("\"format\" : \"latentbench-results\"")
                .contains("\"key\" : \"latency.knn[dim=128,k=10]\"")
                .contains("\"direction\" : \"lower_is_better\"")
                .contains("\"direction\" : \"higher_is_better\"")
                .contains("\"scoreError\" : \"NaN\"")
                .contains("\"+INF\"")
                .contains("\"testbed\" : \"amd-epyc-9r45-2c-jdk25\"");
    }

    @Test
    void writingReplacesTheOldFileAndLeavesNoTemporaryFiles() throws IOException {
        Path p = dir.resolve("results.json");
        Files.writeString(p, "old content");

        ResultFiles.writeResultsJson(sample(), p);

        assertThat(Files.readString(p)).startsWith("{");
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            // Result files are artifacts for others to read: they get the permissions of any new
            // file here, not the owner-only ones of a temporary file.
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            assertThat(Files.getPosixFilePermissions(p)).isEqualTo(Files.getPosixFilePermissions(plain));
            Files.delete(plain);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("results.json");
        }
    }

    @Test
    void aWriteThatCannotCreateItsDirectoryFailsClearlyAndTouchesNothing() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path p = blocker.resolve("results.json");
        assertThatThrownBy(() -> ResultFiles.writeResultsJson(sample(), p))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot write");
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    @Test
    void aResultsJsonNamesTheSampleItCannotUseAndReadsOnlyItsOwnFields() throws IOException {
        String head = "{\"format\": \"latentbench-results\", \"version\": 1, \"run\": {}, \"results\": [{\"suite\": \"latency\","
                + " \"name\": \"knn\", \"mode\": \"avgt\", \"unit\": \"us/op\", \"score\": 1, ";
        Path corrupt = Files.writeString(dir.resolve("corrupt.json"), head + "\"forkSamples\": [[1.0, -2.0]]}]}");
        assertThatThrownBy(() -> ResultFiles.read(corrupt)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining("corrupt.json: results[0] (latency.knn).forkSamples[0][1] is -2.0");

        // JMH's field names for samples and unit mean nothing here; a secondary metric's samples may be NaN
        Path own = Files.writeString(dir.resolve("own.json"), head + "\"rawData\": [[5.0]], \"scoreUnit\": \"s/op\","
                + " \"secondary\": {\"gc.count\": {\"unit\": \"counts\", \"score\": \"NaN\", \"forkSamples\": [[\"NaN\"]]}}}]}");
        BenchmarkResult row = ResultFiles.read(own).results().get(0);
        assertThat(row.unit()).isEqualTo("us/op");
        assertThat(row.primary().forkSamples()).isEmpty();
        assertThat(row.secondary().get("gc.count").unit()).isEqualTo("counts");
        assertThat(row.secondary().get("gc.count").forkSamples().get(0).get(0)).isNaN();
    }

    @Test
    void theBenchmarksARunCouldNotMeasureRoundTripAndAFileWithoutThemHadNone() throws IOException {
        ResultSet measured = sample();
        ResultSet partial = new ResultSet(measured.info(), measured.results(), List.of(new FailedBenchmark(
                "peers.dotProduct[dim=0,impl=scalar]", "java.lang.IllegalArgumentException: dim >= 1\n\tat x")));
        Path p = dir.resolve("partial.json");

        ResultFiles.writeResultsJson(partial, p);

        assertThat(ResultFiles.read(p)).isEqualTo(partial);
        assertThat(ResultFiles.toResultsJson(measured)).as("nothing failed: no such field").doesNotContain("failed");
        Path bad = Files.writeString(dir.resolve("bad-failed.json"),
                Files.readString(p).replace("\"message\" : ", "\"note\" : "));
        assertThatThrownBy(() -> ResultFiles.read(bad)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining("failed[0] (peers.dotProduct[dim=0,impl=scalar])")
                .hasMessageContaining("'message' is missing");
    }

    @Test
    void aResultsJsonFromANewerVersionIsRefused() throws IOException {
        Path p = Files.writeString(dir.resolve("future.json"),
                "{\"format\": \"latentbench-results\", \"version\": 7, \"run\": {}, \"results\": []}");
        assertThatThrownBy(() -> ResultFiles.read(p))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("version 7 is not supported");
    }

    @Test
    void aRowWithoutAUnitIsNamed() throws IOException {
        Path p = Files.writeString(dir.resolve("bad.json"),
                "{\"format\": \"latentbench-results\", \"version\": 1, \"run\": {\"profile\": \"quick\"},"
                        + " \"results\": [{\"suite\": \"latency\", \"name\": \"knn\", \"mode\": \"avgt\", \"score\": 1}]}");
        assertThatThrownBy(() -> ResultFiles.read(p))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("results[0]")
                .hasMessageContaining("\"unit\" is missing");
    }
}
