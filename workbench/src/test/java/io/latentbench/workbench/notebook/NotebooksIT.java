package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.kernel.KernelInstaller;
import io.latentbench.workbench.regress.Synthetic;
import io.latentbench.workbench.regress.baseline.BaselineStore;
import io.latentbench.workbench.regress.config.BaselineManagement;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.relative.ForkPair;
import io.latentbench.workbench.results.relative.PairedBenchmark;
import io.latentbench.workbench.results.relative.RelativeRun;
import io.latentbench.workbench.results.relative.RelativeRunJson;
import io.latentbench.workbench.results.relative.Schedule;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook of notebooks/ executed headlessly by {@code lb run} on our kernel, on parameters small
 * enough for a test: each must run without an error, leave its figures as image/png outputs and pass
 * nbformat's validation. The benchmark notebooks really run JMH (one fork, one short iteration, small
 * datasets); the regression gate judges synthetic runs with five forks a side. {@code lb run} runs as
 * its own process, as a user runs it, so that JUPYTER_PATH can point at a kernelspec installed into a
 * temporary prefix. Needs Debian's Jupyter packages for the validator, as the kernel's ITs do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksIT {

    static final Path TARGET = Path.of(System.getProperty("latentbench.target", "target")).toAbsolutePath();
    static final Path PROJECT = TARGET.getParent().getParent();
    static final Path NOTEBOOKS = PROJECT.resolve("notebooks");
    static final ObjectMapper JSON = new ObjectMapper();

    /** JMH as small as it goes: one fork, no warm-up, one 100 ms iteration. */
    static final String TINY_JMH = "forks: 1, warmupIterations: 0, measurementIterations: 1";

    @TempDir
    static Path prefix;

    Path jupyterPath;

    record Run(int exitCode, String output, double seconds) {}

    @BeforeAll
    void installKernelspec() throws IOException {
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        KernelInstaller.Layout layout = KernelInstaller.Layout.ofTarget(java, TARGET);
        layout.check();
        KernelInstaller.install(KernelInstaller.prefixKernelsDir(prefix), KernelInstaller.DEFAULT_NAME, layout);
        jupyterPath = prefix.resolve("share/jupyter");
    }

    @Test
    void quickstartBuildsSearchesAttendsAndPlots(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("01.out.ipynb");
        Run r = lbRun("01-quickstart.ipynb", out, dir,
                "{dimension: 32, vectors: 2000, k: 5, output: '" + dir.resolve("out") + "'}");

        JsonNode nb = assertRanCleanly(r, out, 1);
        assertThat(streams(nb)).contains("2,000 random vectors of dimension 32");
        assertThat(htmlOutputs(nb)).anySatisfy(h -> assertThat(h).contains("the 5 nearest neighbours of the query"))
                .anySatisfy(h -> assertThat(h).contains("attention over 2000 keys").contains("moe_4_2"))
                .anySatisfy(h -> assertThat(h).contains("memory of each space").contains("hyperbolic"));
        assertThat(dir.resolve("out/knn-distances.png")).isNotEmptyFile();
        assertThat(dir.resolve("out/memory-of-each-space.csv")).content().contains("euclidean");
    }

    @Test
    void benchmarkMatrixRunsJmhAndWritesTheTomlSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("02.out.ipynb");
        Run r = lbRun("02-benchmark-matrix.ipynb", out, dir, "{dims: [32, 64], ks: [5, 50], batches: [1, 4],"
                + " datasets: [500], iterationMs: 100, " + TINY_JMH + ", output: '" + dir.resolve("out") + "'}");

        JsonNode nb = assertRanCleanly(r, out, 2);
        ResultSet saved = ResultFiles.read(dir.resolve("out/results.json"));
        assertThat(saved.results()).hasSize(8).allSatisfy(row -> assertThat(row.suite()).isEqualTo("matrix"));
        assertThat(dir.resolve("out/benchmark_results.toml")).content().contains("[matrix.");
        assertThat(streams(nb)).contains("[8/8] matrix.knn").contains("mean = ");
        assertThat(htmlOutputs(nb)).anySatisfy(h -> assertThat(h).contains("µs per query, batch 1, 500 vectors"))
                .anySatisfy(h -> assertThat(h).contains("queries per second").contains("batch 4 / batch 1"));
    }

    @Test
    void attentionComparesTheTypesAndFlashAgainstStandard(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("03.out.ipynb");
        Run r = lbRun("03-attention.ipynb", out, dir, "{dims: [32], keys: [100], types: [standard, flash, moe_2_2],"
                + " flashKeys: [128, 256], flashDim: 32, iterationMs: 100, " + TINY_JMH + ", output: '" + dir.resolve("out") + "'}");

        JsonNode nb = assertRanCleanly(r, out, 3);
        ResultSet saved = ResultFiles.read(dir.resolve("out/results.json"));
        assertThat(saved.results()).hasSize(7);
        assertThat(htmlOutputs(nb)).anySatisfy(h -> assertThat(h).contains("speedup against Standard").contains("moe_2_2"))
                .anySatisfy(h -> assertThat(h).contains("bytes allocated per call"));
    }

    @Test
    void distanceMetricsCompareTheMetricsAndThePeers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("04.out.ipynb");
        Run r = lbRun("04-distance-metrics.ipynb", out, dir, "{dims: [32], metrics: [euclidean, cosine, hyperbolic],"
                + " dataset: 500, k: 10, peerDim: 32, peerBenchmarks: [squareDistance, plainRead, knn], iterationMs: 100, "
                + TINY_JMH + ", output: '" + dir.resolve("out") + "'}");

        JsonNode nb = assertRanCleanly(r, out, 3);
        ResultSet saved = ResultFiles.read(dir.resolve("out/results.json"));
        assertThat(saved.results()).extracting(row -> row.suite())
                .containsOnly("distance_comparison", "peers").hasSize(3 + 3 + 1 + 2);
        assertThat(streams(nb)).contains("scalar / panama").contains("knn(panama) / plain read");
        assertThat(htmlOutputs(nb)).anySatisfy(h -> assertThat(h).contains("µs per knn query").contains("hyperbolic"));
    }

    @Test
    void memoryMeasuresRetainedBytesAgainstTheFloor(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("05.out.ipynb");
        Run r = lbRun("05-memory.ipynb", out, dir, "{datasets: [500, 2000], scalingDim: 32, dims: [16, 32],"
                + " byDimensionDataset: 500, " + TINY_JMH + ", output: '" + dir.resolve("out") + "'}");

        JsonNode nb = assertRanCleanly(r, out, 2);
        ResultSet saved = ResultFiles.read(dir.resolve("out/results.json"));
        assertThat(saved.results()).hasSize(4)
                .allSatisfy(row -> assertThat(row.secondary()).containsKeys("retained.mb", "bytes.per.vector"));
        assertThat(htmlOutputs(nb)).anySatisfy(h -> assertThat(h).contains("floor_4d").contains("buildScaling"));
    }

    /** index 1 of the synthetic suite is latency.knn[dim=256,k=10]; five forks of five iterations a side. */
    private static ResultSet synthetic(long seed, double knnFactor) {
        List<Synthetic.Bench> suite = new ArrayList<>(Synthetic.suite());
        suite.set(1, suite.get(1).scaled(knnFactor));
        return new Synthetic(seed, 5, 5, 0.02, 0.01).run(suite);
    }

    private static Path baselinesWithConfig(Path dir) throws IOException {
        Path baselines = Files.createDirectories(dir.resolve("baselines"));
        Files.copy(PROJECT.resolve("baselines/regression_config.toml"), baselines.resolve("regression_config.toml"));
        return baselines;
    }

    private Run gate(Path dir, Path baselines, Path results, Path out) throws Exception {
        return lbRun("regression-gate.ipynb", out, dir, "{baselines: '" + baselines + "', results: '" + results
                + "', output: '" + dir.resolve("out") + "'}");
    }

    @Test
    void theGateFailsOnAThirtyPercentSlowerKnnWithTheRegressionInTheNotebookAndBothReports(@TempDir Path dir)
            throws Exception {
        Path baselines = baselinesWithConfig(dir);
        ResultSet before = synthetic(1, 1.0);
        new BaselineStore(baselines).update(before.info().testbed(), before, BaselineManagement.defaults(), false, Instant.now());
        Path current = dir.resolve("current.json");
        ResultFiles.writeResultsJson(synthetic(2, 1.30), current);
        Path out = dir.resolve("gate.out.ipynb");

        Run r = gate(dir, baselines, current, out);

        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        String knn = Synthetic.suite().get(1).key();
        assertThat(r.output()).contains("PerformanceRegressionException: Performance has regressed: 1 of");
        JsonNode nb = JSON.readTree(out.toFile());
        List<JsonNode> errors = outputs(nb, "error");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.path("ename").asText()).endsWith("PerformanceRegressionException");
            assertThat(e.path("evalue").asText()).contains(knn).contains("threshold +5% (latency.knn_search)");
        });
        assertThat(nb.path("metadata").path("papermill").path("exception").asBoolean()).isTrue();
        assertThat(images(nb)).isGreaterThanOrEqualTo(1);
        assertThat(dir.resolve("out/benchmark_report.md")).content().contains("1 regression(s)").contains(knn);
        assertThat(dir.resolve("out/benchmark_report.html")).content().contains("<img").contains(knn);
        Nbformat.assertValid(out);
    }

    @Test
    void theGatePassesWhenBothSidesHaveTheSameNumbers(@TempDir Path dir) throws Exception {
        Path baselines = baselinesWithConfig(dir);
        ResultSet run = synthetic(1, 1.0);
        new BaselineStore(baselines).update(run.info().testbed(), run, BaselineManagement.defaults(), false, Instant.now());
        Path current = dir.resolve("current.json");
        ResultFiles.writeResultsJson(run, current);
        Path out = dir.resolve("gate.out.ipynb");

        JsonNode nb = assertRanCleanly(gate(dir, baselines, current, out), out, 1);

        assertThat(streams(nb)).contains("Compared with").contains("0 regression(s)").contains("Gate passed: no regression.");
        assertThat(dir.resolve("out/benchmark_report.md")).content().contains("no significant change");
        assertThat(dir.resolve("out/benchmark_report.html")).isNotEmptyFile();
    }

    @Test
    void theGateCreatesTheBaselineOfATestbedThatHasNoneAndPasses(@TempDir Path dir) throws Exception {
        Path baselines = baselinesWithConfig(dir);
        ResultSet run = synthetic(3, 1.0);
        Path current = dir.resolve("current.json");
        ResultFiles.writeResultsJson(run, current);
        Path out = dir.resolve("gate.out.ipynb");
        Path created = new BaselineStore(baselines).file(run.info().testbed());
        assertThat(created).doesNotExist();

        JsonNode nb = assertRanCleanly(gate(dir, baselines, current, out), out, 1);

        assertThat(created).isNotEmptyFile();
        assertThat(new BaselineStore(baselines).read(run.info().testbed()).orElseThrow().baselines())
                .hasSize(run.results().size());
        assertThat(streams(nb)).contains("No baseline for testbed " + run.info().testbed() + ": created " + created);
        assertThat(dir.resolve("out/benchmark_report.md")).content().startsWith("> The testbed had no baseline");
    }

    /** A relative run of the synthetic suite's latency.knn and latency.add: knn {@code knnFactor} slower, 5 duet pairs. */
    private static RelativeRun relative(double knnFactor) {
        java.util.Random random = new java.util.Random(9);
        List<PairedBenchmark> benchmarks = new ArrayList<>();
        for (Synthetic.Bench b : List.of(Synthetic.suite().get(1), Synthetic.suite().get(2))) {
            double factor = b.name().equals("knn") ? knnFactor : 1.0;
            List<ForkPair> pairs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                double machine = Math.exp(0.2 * random.nextGaussian());   // shared by both forks of the pair
                List<Double> base = new ArrayList<>();
                List<Double> head = new ArrayList<>();
                for (int j = 0; j < 3; j++) {
                    base.add(b.mean() * machine * Math.exp(0.01 * random.nextGaussian()));
                    head.add(b.mean() * factor * machine * Math.exp(0.01 * random.nextGaussian()));
                }
                pairs.add(new ForkPair(i, "together", i % 2, (i + 1) % 2, base, head));
            }
            benchmarks.add(new PairedBenchmark(b.key(), b.suite(), b.name(), new java.util.TreeMap<>(b.params()), b.unit(),
                    pairs));
        }
        return new RelativeRun(Schedule.DUET, 1, new RelativeRun.Revision("HEAD^1", "aaaa"),
                new RelativeRun.Revision("working tree", "bbbb"), synthetic(1, 1.0).info(), 3, 3, benchmarks, List.of());
    }

    @Test
    void theGateJudgesARelativeRunOnItsPairedRatiosWithAForestPlot(@TempDir Path dir) throws Exception {
        Path baselines = baselinesWithConfig(dir);
        Path run = Files.createDirectories(dir.resolve("run"));
        RelativeRunJson.write(relative(1.10), run.resolve("relative.json"));
        ResultFiles.writeResultsJson(synthetic(1, 1.0), Files.createDirectories(run.resolve("head")).resolve("results.json"));
        Path out = dir.resolve("gate.out.ipynb");

        Run r = lbRun("regression-gate.ipynb", out, dir, "{baselines: '" + baselines + "', results: '"
                + run.resolve("relative.json") + "', output: '" + dir.resolve("out") + "'}");

        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        JsonNode nb = JSON.readTree(out.toFile());
        assertThat(streams(nb)).contains("Relative run: relative (duet, 5 fork pairs").contains("1 regression(s)");
        assertThat(outputs(nb, "error")).singleElement().satisfies(e ->
                assertThat(e.path("evalue").asText()).contains(Synthetic.suite().get(1).key()));
        assertThat(dir.resolve("out/forest.png")).isNotEmptyFile();
        assertThat(dir.resolve("out/benchmark_report.html")).content().contains("Forest plot").contains("paired t test");
    }

    // --- running and checking ---

    /** {@code lb run NOTEBOOK OUT --cwd DIR -y YAML}, as its own process with our kernelspec on JUPYTER_PATH. */
    Run lbRun(String notebook, Path out, Path cwd, String yaml) throws IOException, InterruptedException {
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-Djava.awt.headless=true", "-cp",
                TARGET.resolve("latentbench-workbench.jar") + File.pathSeparator + TARGET.resolve("lib") + File.separator + "*",
                "io.latentbench.workbench.cli.Main", "run", NOTEBOOKS.resolve(notebook).toString(), out.toString(),
                "--cwd", cwd.toString(), "-y", yaml, "--progress-bar"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        Path log = Files.createTempFile(cwd, "lb-run", ".log");
        pb.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf("$ lb run %s (%.1f s, exit %s)%n%s%n", notebook, seconds, done ? p.exitValue() : "timeout", output);
        return new Run(done ? p.exitValue() : -1, output, seconds);
    }

    /** Exit 0, every code cell completed, no error output, at least {@code minImages} PNG figures, valid nbformat. */
    static JsonNode assertRanCleanly(Run r, Path out, int minImages) throws IOException, InterruptedException {
        assertThat(r.exitCode()).as("lb run exit status; its output:%n%s", r.output()).isZero();
        JsonNode nb = JSON.readTree(out.toFile());
        assertThat(outputs(nb, "error")).as("error outputs").isEmpty();
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                assertThat(cell.path("metadata").path("papermill").path("status").asText())
                        .as("status of cell %s", NotebookDocument.joined(cell.path("source"))).isEqualTo("completed");
            }
        }
        assertThat(images(nb)).as("image/png outputs").isGreaterThanOrEqualTo(minImages);
        assertThat(nb.path("metadata").path("kernelspec").path("name").asText()).isEqualTo(KernelInstaller.DEFAULT_NAME);
        Nbformat.assertValid(out);
        return nb;
    }

    static List<JsonNode> outputs(JsonNode nb, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode o : cell.path("outputs")) {
                if (o.path("output_type").asText().equals(type)) {
                    found.add(o);
                }
            }
        }
        return found;
    }

    static long images(JsonNode nb) {
        List<JsonNode> all = new ArrayList<>(outputs(nb, "display_data"));
        all.addAll(outputs(nb, "execute_result"));
        return all.stream().filter(o -> o.path("data").has("image/png")
                && NotebookDocument.joined(o.path("data").path("image/png")).length() > 1000).count();
    }

    static String streams(JsonNode nb) {
        StringBuilder text = new StringBuilder();
        outputs(nb, "stream").forEach(o -> text.append(NotebookDocument.joined(o.path("text"))));
        return text.toString();
    }

    static List<String> htmlOutputs(JsonNode nb) {
        List<JsonNode> all = new ArrayList<>(outputs(nb, "display_data"));
        all.addAll(outputs(nb, "execute_result"));
        return all.stream().filter(o -> o.path("data").has("text/html"))
                .map(o -> NotebookDocument.joined(o.path("data").path("text/html"))).toList();
    }
}
