package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;
import io.latentbench.workbench.results.relative.ForkPair;
import io.latentbench.workbench.results.relative.PairedBenchmark;
import io.latentbench.workbench.results.relative.RelativeRun;
import io.latentbench.workbench.results.relative.RelativeRunJson;
import io.latentbench.workbench.results.relative.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** lb compare, lb report and lb baseline end to end on files in a temporary directory. */
class RegressCommandsTest {

    @TempDir
    Path dir;


    /** knn, createSpace and batchAdd with 5 forks; {@code knnFactor} scales knn's time. */
    private static List<BenchmarkResult> rows(long seed, double knnFactor) {
        Random random = new Random(seed);
        List<BenchmarkResult> rows = new ArrayList<>();
        rows.add(row("latency", "knn", Map.of("dim", "256", "k", "10"), "us/op", 200 * knnFactor, random));
        rows.add(row("latency", "createSpace", Map.of("dim", "256"), "us/op", 15, random));
        rows.add(row("throughput", "batchAdd", Map.of("batch", "32"), "ops/s", 5000, random));
        return rows;
    }

    private static BenchmarkResult row(String suite, String name, Map<String, String> params, String unit, double mean,
            Random random) {
        List<List<Double>> forks = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < 5; f++) {
            double forkMean = mean * (1 + 0.01 * random.nextGaussian());
            List<Double> its = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                double v = forkMean * (1 + 0.002 * random.nextGaussian());
                its.add(v);
                sum += v;
            }
            forks.add(its);
        }
        return new BenchmarkResult(suite, name, new TreeMap<>(params), unit.startsWith("ops") ? "thrpt" : "avgt",
                new Metric(unit, sum / 15, Double.NaN, Double.NaN, Double.NaN, forks), Map.of());
    }

    private Path resultsJson(String name, long seed, double knnFactor) {
        Path p = dir.resolve(name);
        ResultFiles.writeResultsJson(new ResultSet(new RunInfo(Instant.parse("2026-11-29T10:00:00Z"), "c" + seed, "quick",
                "25.0.1", "AMD EPYC 9R45", 2), rows(seed, knnFactor)), p);
        return p;
    }

    /** A relative run of knn: {@code knnFactor} slower in 5 duet pairs whose machine moves 20 % between pairs. */
    private Path relativeJson(double knnFactor) {
        return relativeJson(knnFactor, 1);
    }

    /** The same for {@code benchmarks} knn points of different k. */
    private Path relativeJson(double knnFactor, int benchmarks) {
        Random random = new Random(3);
        List<ForkPair> pairs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double machine = Math.exp(0.2 * random.nextGaussian());
            pairs.add(new ForkPair(i, "together", i % 2, (i + 1) % 2,
                    List.of(200 * machine, 201 * machine), List.of(200 * knnFactor * machine, 202 * knnFactor * machine)));
        }
        Path p = dir.resolve("relative.json");
        RelativeRunJson.write(new RelativeRun(
                Schedule.DUET, 1,
                new RelativeRun.Revision("HEAD^1", "c1"),
                new RelativeRun.Revision("working tree", "c2"),
                new RunInfo(Instant.parse("2026-11-29T10:00:00Z"), "c2", "quick", "25.0.1", "AMD EPYC 9R45", 2), 3, 2,
                java.util.stream.IntStream.range(0, benchmarks).mapToObj(b -> new PairedBenchmark(
                        "latency.knn[dim=256,k=" + (10 + b) + "]", "latency", "knn",
                        new TreeMap<>(Map.of("dim", "256", "k", String.valueOf(10 + b))), "us/op", pairs)).toList(),
                List.of()), p);
        return p;
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // XChart 4 looped forever on a long row name
    void compareJudgesARelativeRunFromItsFileAlone() {
        CommandRun slower = CommandRun.lb("compare", relativeJson(1.10).toString(), "--html", dir.resolve("r.html").toString());
        assertThat(slower.exitCode()).as(slower.err()).isEqualTo(1);
        assertThat(slower.out()).contains("Mode:     relative (duet, 5 fork pairs").contains("paired t test")
                .contains("REGRESSION: latency.knn[dim=256,k=10]");
        assertThat(dir.resolve("r.html")).content().contains("Forest plot");
        assertThat(CommandRun.lb("compare", relativeJson(1.0).toString()).exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7, 49})
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theForestPlotDrawsAnyNumberOfRowsWithLongNames(int benchmarks) {
        Path html = dir.resolve("forest-" + benchmarks + ".html");
        CommandRun run = CommandRun.lb("compare", relativeJson(1.10, benchmarks).toString(), "--html", html.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(html).content().contains("Forest plot").contains("data:image/png;base64,");
    }

    @Test
    void compareNeedsARelativeRunOrBothSides() {
        CommandRun neither = CommandRun.lb("compare", "--baseline", resultsJson("b.json", 1, 1.0).toString());
        assertThat(neither.exitCode()).isEqualTo(3);
        assertThat(neither.err()).contains("missing: --current");
        CommandRun both = CommandRun.lb("compare", relativeJson(1.0).toString(), "--baseline", dir.resolve("b.json").toString());
        assertThat(both.exitCode()).isEqualTo(3);
        assertThat(both.err()).contains("not both");
    }

    /** The same rows as JMH itself would write them: an array of runs with rawData per fork. */
    private Path rawJmh(String name, long seed, double knnFactor) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode runs = mapper.createArrayNode();
        for (BenchmarkResult r : rows(seed, knnFactor)) {
            ObjectNode run = runs.addObject();
            run.put("jmhVersion", "1.37");
            String cls = "io.latentbench.workbench.bench.suites." + Character.toUpperCase(r.suite().charAt(0))
                    + r.suite().substring(1) + "Benchmarks";
            run.put("benchmark", cls + "." + r.name());
            run.put("mode", r.mode());
            run.put("threads", 1);
            run.put("forks", 5);
            run.put("jdkVersion", "25.0.1");
            ObjectNode params = run.putObject("params");
            r.params().forEach(params::put);
            ObjectNode pm = run.putObject("primaryMetric");
            pm.put("score", r.primary().score());
            pm.put("scoreError", "NaN");
            pm.putArray("scoreConfidence").add("NaN").add("NaN");
            pm.put("scoreUnit", r.unit());
            ArrayNode raw = pm.putArray("rawData");
            r.primary().forkSamples().forEach(f -> {
                ArrayNode a = raw.addArray();
                f.forEach(a::add);
            });
            run.putObject("secondaryMetrics");
        }
        Path p = dir.resolve(name);
        Files.writeString(p, mapper.writeValueAsString(runs));
        return p;
    }

    @Test
    void compareFlagsTheSlowdownAcrossFileKindsAndExitsOne() throws Exception {
        Path base = resultsJson("base.json", 1, 1.0);
        Path slow = rawJmh("jmh-slow.json", 2, 1.25);

        CommandRun r = CommandRun.lb("compare", "--baseline", base.toString(), "--current", slow.toString(),
                "--markdown", dir.resolve("report.md").toString(), "--html", dir.resolve("report.html").toString(),
                "--testbed", "tb");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("REGRESSION: latency.knn[dim=256,k=10]").contains("(raw JMH JSON)")
                .doesNotContain("REGRESSION: latency.createSpace");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("Regression");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("data:image/png;base64,");
    }

    @Test
    void aaComparisonExitsZeroBothWays() {
        Path a = resultsJson("a.json", 3, 1.0);
        Path b = resultsJson("b.json", 4, 1.0);
        assertThat(CommandRun.lb("compare", "--baseline", a.toString(), "--current", b.toString()).exitCode()).isZero();
        assertThat(CommandRun.lb("compare", "--baseline", b.toString(), "--current", a.toString()).exitCode()).isZero();
    }

    @Test
    void improvementsOnlyExitTwo() {
        Path base = resultsJson("base.json", 5, 1.0);
        Path fast = resultsJson("fast.json", 6, 0.7);
        CommandRun r = CommandRun.lb("compare", "--baseline", base.toString(), "--current", fast.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out()).contains("IMPROVEMENT: latency.knn");
    }

    @Test
    void baselineUpdateThenCompareAgainstTheBaselinesFile() throws Exception {
        Path first = resultsJson("first.json", 7, 1.0);
        Path baselines = dir.resolve("baselines");
        CommandRun update = CommandRun.lb("baseline", "update", "--dir", baselines.toString(), "--results", first.toString(),
                "--config", writeConfig("require_approval = false").toString());
        assertThat(update.exitCode()).as(update.err()).isZero();
        Path file = baselines.resolve("amd-epyc-9r45-2c-jdk25/baselines.json");
        assertThat(file).exists();
        assertThat(CommandRun.lb("baseline", "testbed", "--results", first.toString()).out().trim()).isEqualTo("amd-epyc-9r45-2c-jdk25");
        assertThat(CommandRun.lb("baseline", "--testbed", "ci-runner", "testbed", "--results", first.toString()).out().trim())
                .isEqualTo("ci-runner");

        Path slower = resultsJson("slow.json", 8, 1.3);
        CommandRun r = CommandRun.lb("compare", "--baseline", file.toString(), "--current", slower.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("(baselines)").contains("testbed amd-epyc-9r45-2c-jdk25");

        assertThat(CommandRun.lb("baseline", "show", "--dir", baselines.toString()).out()).contains("latency.knn[dim=256,k=10]");
        assertThat(CommandRun.lb("baseline", "history", "--dir", baselines.toString()).out()).contains("c7").contains("3 benchmarks");
        CommandRun report = CommandRun.lb("report", "--baseline", file.toString(), "--output", dir.resolve("summary.md").toString());
        assertThat(report.exitCode()).isZero();
        assertThat(dir.resolve("summary.md")).content().contains("latency.knn[dim=256,k=10]").contains("| 5 |");

        CommandRun compared = CommandRun.lb("report", "--baseline", file.toString(), "--current", slower.toString(),
                "--output", dir.resolve("pr.md").toString(), "--html", dir.resolve("pr.html").toString());
        assertThat(compared.exitCode()).as("report never gates").isZero();
        assertThat(dir.resolve("pr.md")).content().startsWith("## \u274c Benchmarks: 1 regression(s)");

        for (int i = 0; i < 3; i++) {
            assertThat(CommandRun.lb("baseline", "update", "--dir", baselines.toString(), "--results", slower.toString()).exitCode()).isZero();
        }
        assertThat(CommandRun.lb("baseline", "prune", "--dir", baselines.toString(), "--keep", "2").out()).contains("Pruned 2");
        assertThat(baselines.resolve("amd-epyc-9r45-2c-jdk25/history")).isDirectoryContaining("glob:**c8.json")
                .isNotEmptyDirectory();
        try (var files = Files.list(baselines.resolve("amd-epyc-9r45-2c-jdk25/history"))) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void updatesNeedApprovalWhenTheConfigSaysSo() {
        Path results = resultsJson("r.json", 9, 1.0);
        Path baselines = dir.resolve("baselines");
        String cfg = writeConfig("require_approval = true").toString();

        CommandRun refused = CommandRun.lb("baseline", "update", "--dir", baselines.toString(), "--results", results.toString(), "--config", cfg);
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("needs approval").contains("--approve");
        assertThat(baselines).doesNotExist();

        CommandRun auto = CommandRun.lb("baseline", "update", "--auto", "--dir", baselines.toString(), "--results", results.toString(),
                "--config", cfg);
        assertThat(auto.exitCode()).isZero();
        assertThat(auto.out()).contains("skipped");
        assertThat(baselines).doesNotExist();

        CommandRun approved = CommandRun.lb("baseline", "update", "--approve", "--dir", baselines.toString(), "--results", results.toString(),
                "--config", cfg);
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(baselines.resolve("amd-epyc-9r45-2c-jdk25/baselines.json")).exists();
    }

    @Test
    void badInputsExitThreeWithTheReason() throws Exception {
        Path good = resultsJson("good.json", 10, 1.0);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"baselines\": {\"x\": {\"mean\": \"slow\"}}}");

        CommandRun r = CommandRun.lb("compare", "--baseline", broken.toString(), "--current", good.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains(broken.toString()).contains("mean").contains("\"slow\"");

        CommandRun missing = CommandRun.lb("compare", "--baseline", dir.resolve("nope.json").toString(), "--current", good.toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("nope.json").contains("does not exist");

        CommandRun badConfig = CommandRun.lb("compare", "--baseline", good.toString(), "--current", good.toString(),
                "--config", writeConfig("require_aproval = true").toString());
        assertThat(badConfig.exitCode()).isEqualTo(3);
        assertThat(badConfig.err()).contains("baseline_management.require_aproval");

        assertThat(CommandRun.lb("compare", "--baseline", good.toString()).exitCode()).isEqualTo(3); // --current missing
    }

    @Test
    void differentTestbedsAreNotCompared() {
        Path a = resultsJson("a.json", 11, 1.0);
        Path other = dir.resolve("other.json");
        ResultFiles.writeResultsJson(new ResultSet(new RunInfo(Instant.now(), "x", "quick", "21.0.5", "Intel Xeon", 8),
                rows(12, 1.0)), other);

        CommandRun r = CommandRun.lb("compare", "--baseline", a.toString(), "--current", other.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("testbeds differ").contains("amd-epyc-9r45-2c-jdk25").contains("intel-xeon-8c-jdk21");
        assertThat(CommandRun.lb("compare", "--baseline", a.toString(), "--current", other.toString(), "--allow-testbed-mismatch")
                .exitCode()).isZero();
    }

    private Path writeConfig(String managementLine) {
        Path p = dir.resolve("cfg-" + managementLine.hashCode() + ".toml");
        try {
            Files.writeString(p, "[baseline_management]\n" + managementLine + "\nmax_history_count = 5\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }
}
