package io.latentbench.workbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TomlSummaryTest {

    @TempDir
    Path dir;

    private static BenchmarkResult row(String suite, String name, Map<String, String> params, String mode,
            Metric primary, Map<String, Metric> secondary) {
        return new BenchmarkResult(suite, name, new TreeMap<>(params), mode, primary, secondary);
    }

    private static ResultSet set() {
        Metric knn = new Metric("us/op", 45.2, 1.5, 43.7, 46.7,
                List.of(List.of(44.0, 46.0), List.of(45.0, 47.0)));
        Metric alloc = new Metric("B/op", 1040, 0, 1040, 1040, List.of(List.of(1040.0)));
        Metric batch = new Metric("ops/ms", 8.542, 0.1, 8.442, 8.642, List.of(List.of(8.5, 8.584)));
        Metric build = new Metric("ms/op", 30, 2, 28, 32, List.of(List.of(29.0, 31.0)));
        Metric flash = new Metric("us/op", 800, 10, 790, 810, List.of(List.of(800.0)));
        return new ResultSet(new RunInfo(Instant.parse("2026-11-29T10:00:00Z"), "abc", "quick", "25", "cpu", 2), List.of(
                row("latency", "knn", Map.of("dim", "128", "k", "10"), "avgt", knn, Map.of("gc.alloc.rate.norm", alloc)),
                row("throughput", "batchAdd", Map.of("batch", "32", "dim", "256"), "thrpt", batch, Map.of()),
                row("memory", "buildScaling", Map.of("dataset", "10000", "dim", "256"), "ss", build, Map.of(
                        "peak.mb", Metric.of("MB", 24.5),
                        "retained.mb", Metric.of("MB", 10.25),
                        "bytes.per.vector", Metric.of("B/vector", 1040),
                        "gc.alloc.rate.norm", Metric.of("B/op", 30_000_000))),
                row("attention_comparison", "attention", Map.of("type", "flash", "scale", "0.5"), "avgt", flash,
                        Map.of("speedup_vs_standard", Metric.of("x", 1.25)))));
    }

    @Test
    void writesThePlansTablesAndParsesAsToml() throws Exception {
        Path p = dir.resolve("benchmark_results.toml");
        TomlSummary.write(set(), p);
        JsonNode toml = new TomlMapper().readTree(Files.readString(p));

        JsonNode knn = toml.path("latency").path("knn").path("dim_128").path("k_10");
        assertThat(knn.path("mean").asText()).isEqualTo("45.2 \u00b5s");
        assertThat(knn.path("median").asText()).isEqualTo("45.5 \u00b5s");
        // samples 44, 46, 45, 47: sample standard deviation sqrt(5/3), MAD 1
        assertThat(knn.path("std_dev").asText()).isEqualTo("1.291 \u00b5s");
        assertThat(knn.path("mad").asText()).isEqualTo("1 \u00b5s");
        assertThat(knn.path("allocated").asText()).isEqualTo("1040 B/op");

        JsonNode tp = toml.path("throughput").path("batchAdd").path("batch_32").path("dim_256");
        assertThat(tp.path("ops_per_sec").asText()).isEqualTo("8542");
        assertThat(tp.path("throughput").asText()).isEqualTo("273300 elements/s");

        JsonNode mem = toml.path("memory").path("buildScaling").path("dataset_10000").path("dim_256");
        assertThat(mem.path("peak_mb").asText()).isEqualTo("24.5");
        assertThat(mem.path("average_mb").asText()).isEqualTo("10.25");
        assertThat(mem.path("allocations").asText()).isEqualTo("30000000 B");
        assertThat(mem.path("bytes_per_vector").asText()).isEqualTo("1040");

        // A value that is not a bare key is quoted, and still parses.
        JsonNode flash = toml.path("attention_comparison").path("attention").path("scale_0.5").path("type_flash");
        assertThat(flash.path("speedup_vs_standard").asText()).isEqualTo("1.25x");
    }

    @Test
    void aForeignJmhFileBecomesValidTomlWithQuotedClassNames() throws Exception {
        Path raw = dir.resolve("raw.json");
        try (var in = getClass().getResourceAsStream("/jmh/thrpt-two-forks-old-prefix.json")) {
            Files.copy(in, raw);
        }
        String text = TomlSummary.render(ResultFiles.read(raw));
        JsonNode toml = new TomlMapper().readTree(text);

        assertThat(text).contains("[\"org.example.codec.CodecBench\".encode.codec_lz4.size_1024]");
        JsonNode encode = toml.path("org.example.codec.CodecBench").path("encode").path("codec_lz4");
        assertThat(encode.path("size_1024").path("ops_per_sec").asText()).isEqualTo("1500");
        assertThat(encode.path("size_65536").path("ops_per_sec").asText()).isEqualTo("20");
    }

    @Test
    void numbersKeepFourSignificantDigits() {
        assertThat(Units.number(124.5)).isEqualTo("124.5");
        assertThat(Units.number(0.00123456)).isEqualTo("0.001235");
        assertThat(Units.number(8542.4)).isEqualTo("8542");
        assertThat(Units.number(123456)).isEqualTo("123500");
        assertThat(Units.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Units.withUnit(3, "ns/op")).isEqualTo("3 ns");
        assertThat(Units.withUnit(Double.NaN, "ns/op")).isEqualTo("NaN");
    }
}
