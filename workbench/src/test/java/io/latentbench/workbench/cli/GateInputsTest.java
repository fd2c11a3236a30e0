package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.bench.Bench;
import io.latentbench.workbench.results.ResultFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lb compare} on runs that must not pass the gate: empty, without samples, with corrupt samples, with
 * baseline benchmarks gone; and on files it cannot read, whose messages must say why.
 */
class GateInputsTest {

    @TempDir
    Path dir;


    /** A raw JMH run of benchmark {@code org.example.Bench.NAME} whose rawData is the given JSON. */
    private static String run(String name, String rawData) {
        return "{\"benchmark\": \"org.example.Bench." + name + "\", \"mode\": \"avgt\", \"jdkVersion\": \"25\","
                + " \"primaryMetric\": {\"score\": 100.0, \"scoreUnit\": \"us/op\", \"rawData\": " + rawData + "}}";
    }

    /** Five forks of three iterations around {@code mean}. */
    private static String forks(double mean) {
        List<String> forks = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            double m = mean * (1 + 0.003 * (f - 2));
            forks.add(String.format(Locale.ROOT, "[%.3f, %.3f, %.3f]", m, m * 1.001, m * 0.999));
        }
        return "[" + String.join(", ", forks) + "]";
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path baseline() throws Exception {
        return file("base.json", "[" + run("a", forks(100)) + ", " + run("b", forks(50)) + ", " + run("c", forks(10)) + "]");
    }

    private CommandRun compare(Path base, Path current, String... more) {
        List<String> args = new ArrayList<>(List.of("compare", "--baseline", base.toString(), "--current", current.toString()));
        args.addAll(List.of(more));
        return CommandRun.lb(args.toArray(String[]::new));
    }

    @Test
    void theSameRunPassesAndStaysTheReference() throws Exception {
        Path base = baseline();
        CommandRun r = compare(base, file("same.json", Files.readString(base)));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }

    @Test
    void anEmptyCurrentRunCannotBeCompared() throws Exception {
        CommandRun r = compare(baseline(), file("e.json", "[]"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains("e.json").contains("no benchmark results");
    }

    @Test
    void aRunWithoutAnySampleCannotBeCompared() throws Exception {
        Path noRaw = file("noraw.json", "[{\"benchmark\": \"org.example.Bench.a\", \"mode\": \"avgt\","
                + " \"primaryMetric\": {\"score\": 100.0, \"scoreUnit\": \"us/op\"}}]");
        CommandRun r = compare(baseline(), noRaw);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains("noraw.json").contains("no per-fork samples");
    }

    @Test
    void nonFiniteNegativeOrMissingSamplesAreCorrupt() throws Exception {
        Path base = baseline();
        String[][] cases = {
            {"nan.json", "[[100.1, \"NaN\", 99.9], [100, 100, 100]]", "rawData[0][1] is NaN"},
            {"inf.json", "[[100.1, 1e999, 99.9]]", "rawData[0][1] is Infinity"},
            {"neg.json", "[[100.1, -4.000, 99.9]]", "rawData[0][1] is -4.0"},
            {"empty.json", "[]", "rawData is empty"},
            {"emptyfork.json", "[[100.0], []]", "rawData[1] is empty"},
        };
        for (String[] c : cases) {
            Path current = file(c[0], "[" + run("a", c[1]) + ", " + run("b", forks(50)) + ", " + run("c", forks(10)) + "]");
            CommandRun r = compare(base, current);
            assertThat(r.exitCode()).as(c[0] + ": " + r.out() + r.err()).isEqualTo(3);
            assertThat(r.err()).as(c[0]).contains(c[0]).contains("org.example.Bench.a").contains(c[2]).contains("corrupt");
        }
        // a results.json says the same of its forkSamples
        Path results = file("results.json", "{\"format\": \"latentbench-results\", \"version\": 1, \"run\": {},"
                + " \"results\": [{\"suite\": \"s\", \"name\": \"x\", \"mode\": \"avgt\", \"unit\": \"us/op\","
                + " \"score\": 1, \"forkSamples\": [[1.0, -2.0]]}]}");
        assertThatThrownBy(() -> Bench.load(results)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining("results.json").hasMessageContaining("s.x").hasMessageContaining("-2.0");
    }

    @Test
    void baselineBenchmarksMissingFromTheRunFailTheGateBeyondTheTolerance() throws Exception {
        Path base = baseline();
        Path partial = file("partial.json", "[" + run("a", forks(100)) + ", " + run("b", forks(50)) + "]");

        CommandRun strict = compare(base, partial);
        assertThat(strict.exitCode()).as(strict.out() + strict.err()).isEqualTo(1);
        assertThat(strict.err()).contains("1 of 3 baseline measurements").contains("org.example.Bench.c")
                .contains("--max-missing");

        CommandRun tolerant = compare(base, partial, "--max-missing", "40");
        assertThat(tolerant.exitCode()).as(tolerant.out() + tolerant.err()).isZero();
        assertThat(compare(base, partial, "--max-missing", "30").exitCode()).isEqualTo(1);
        assertThat(compare(base, partial, "--max-missing", "101").exitCode()).isEqualTo(3);
        assertThat(CommandRun.lb("compare", "--help").out()).contains("--max-missing").contains("corrupt");
    }

    @Test
    void deeplyNestedJsonIsNamedAsSuch() throws Exception {
        Path deep = file("deep.json", "[".repeat(100_000) + "]".repeat(100_000));
        CommandRun r = compare(baseline(), deep);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("deep.json").contains("nesting depth").doesNotContain("NullPointerException");
        assertThatThrownBy(() -> Bench.load(deep)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining("deep.json").hasMessageContaining("nesting depth");
    }

    @Test
    void unreadableFilesSayWhy() throws Exception {
        Path base = baseline();
        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {'[', (byte) 0xC3, (byte) 0x28, ']'});
        CommandRun bin = compare(base, binary);
        assertThat(bin.exitCode()).isEqualTo(3);
        assertThat(bin.err()).contains("binary.json").contains("not UTF-8").doesNotContain("Input length");

        Path utf16 = dir.resolve("utf16.json");
        Files.write(utf16, Files.readString(base).getBytes(StandardCharsets.UTF_16));
        CommandRun u16 = compare(base, utf16);
        assertThat(u16.exitCode()).isEqualTo(3);
        assertThat(u16.err()).contains("utf16.json").contains("UTF-16").doesNotContain("Input length");

        Path truncated = file("truncated.json", Files.readString(base).substring(0, 40));
        CommandRun cut = compare(truncated, base);
        assertThat(cut.exitCode()).isEqualTo(3);
        assertThat(cut.err()).contains("truncated.json").contains("line 1").doesNotContain("REDACTED")
                .doesNotContain("[Source");
        assertThatThrownBy(() -> Bench.load(truncated)).hasMessageNotContaining("REDACTED");
    }

    @Test
    void aBaselineDirectoryThatCannotBeWrittenSaysPermissionDenied() throws Exception {
        Path results = file("r.json", "[" + run("a", forks(100)) + "]");
        Path testbedDir = unwritableDirectory();
        CommandRun r = CommandRun.lb("baseline", "--testbed", testbedDir.getFileName().toString(), "update",
                "--dir", testbedDir.getParent().toString(), "--approve", "--results", results.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains(testbedDir.toString()).contains("Permission denied");
    }

    /**
     * An existing testbed directory this user cannot create files in: a read-only one, or, for root (who
     * writes there anyway), a directory of sysfs, which refuses new files to everyone.
     */
    private Path unwritableDirectory() throws Exception {
        Path tb = Files.createDirectories(this.dir.resolve("baselines/tb"));
        tb.toFile().setWritable(false, false);
        try {
            Files.delete(Files.createFile(tb.resolve("probe")));
        } catch (java.nio.file.AccessDeniedException expected) {
            return tb;
        }
        Path sysfs = Path.of("/sys/kernel");
        assertThatThrownBy(() -> Files.createFile(sysfs.resolve("probe")))
                .as("running as root: sysfs must refuse new files").isInstanceOf(java.nio.file.AccessDeniedException.class);
        return sysfs;
    }
}
