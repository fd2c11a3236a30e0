package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ResultsCommandTest {

    @TempDir
    Path dir;

    private static String raw(String k) {
        return "[{\"benchmark\": \"io.latentbench.workbench.bench.suites.LatencyBenchmarks.knn\", \"mode\": \"avgt\","
                + " \"params\": {\"dim\": \"256\", \"k\": \"" + k + "\"},"
                + " \"primaryMetric\": {\"score\": 1.0, \"scoreUnit\": \"us/op\", \"rawData\": [[1.0]]}}]";
    }

    private Path shard(String name, String k) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        BenchmarkResult row = new BenchmarkResult("latency", "knn", new TreeMap<>(Map.of("dim", "256", "k", k)), "avgt",
                new Metric("us/op", 1.0, Double.NaN, Double.NaN, Double.NaN, List.of(List.of(1.0))), Map.of());
        ResultFiles.writeResultsJson(new ResultSet(
                new RunInfo(Instant.parse("2026-01-01T00:00:00Z"), "c1", "full", "25", "cpu", 2), List.of(row)),
                d.resolve("results.json"));
        Files.writeString(d.resolve("jmh-result.json"), raw(k));
        return d;
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void mergeWritesTheJoinedResultsTomlAndRawJson() throws Exception {
        Path a = shard("s1", "100");
        Path b = shard("s2", "10");
        Path merged = dir.resolve("merged");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "results", "merge", "-o", merged.toString(), a.toString(), b.resolve("results.json").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("merged 2 benchmarks from 2 inputs");
        assertThat(ResultFiles.read(merged.resolve("results.json")).results()).extracting(BenchmarkResult::key)
                .containsExactly("latency.knn[dim=256,k=10]", "latency.knn[dim=256,k=100]");
        assertThat(new ObjectMapper().readTree(merged.resolve("jmh-result.json").toFile())).hasSize(2);
        assertThat(Files.readString(merged.resolve("benchmark_results.toml"))).contains("[latency.knn.dim_256.k_10]");
    }

    @Test
    void mergingAShardWithItselfIsRefused() throws Exception {
        Path a = shard("s1", "100");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "results", "merge", "-o", dir.resolve("m").toString(), a.toString(),
                a.resolve("results.json").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("are the same results file");
        assertThat(dir.resolve("m")).doesNotExist();

        // A copy of a shard under another name is caught by its contents.
        Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.copy(a.resolve("results.json"), copy.resolve("results.json"));
        code = run(out, err, "results", "merge", "-o", dir.resolve("m").toString(), a.toString(), copy.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("latency.knn[dim=256,k=100] is in both");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void showPrintsATableOfARawJmhFile() throws Exception {
        Path rawFile = Files.writeString(dir.resolve("raw.json"), raw("10"));
        StringWriter out = new StringWriter();
        int code = run(out, new StringWriter(), "results", "show", rawFile.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("latency.knn[dim=256,k=10]").contains("us/op");
    }
}
