package io.latentbench.workbench.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example scripts of scripts/, each run as CI would: {@code ./lb jshell FILE} as a real process,
 * headless, judged by its exit status and output. {@code LB_NO_BUILD=1} keeps lb from starting a
 * second Maven build from inside this one, which has just packaged the jars.
 */
class ScriptsIT {

    @TempDir
    Path tmp;

    @Test
    void theSpaceScriptFindsThePlantedNeighbourUnderEachMetricAndFlashMatchesStandard() throws Exception {
        CommandRun r = lbJshell(List.of("scripts/space-query.jsh"), env -> env.put("LB_VECTORS", "1000"));

        assertThat(r.exitCode()).as(r.output()).isZero();
        // the query is vector 17 and vector 500 its planted near-duplicate, 1.01 times as long
        for (String metric : List.of("Euclidean[]", "Cosine[]", "Manhattan[]", "Hyperbolic[curvature=-1.0]")) {
            assertThat(r.output()).containsPattern("knn " + Pattern.quote(metric) + " +ids \\[17, 500, \\d+, \\d+, \\d+\\]");
        }
        assertThat(r.output()).containsPattern("knn DotProduct\\[\\] +ids \\[500, 17, ");
        Matcher flash = Pattern.compile("flash vs standard: relative L2 difference (\\S+)").matcher(r.output());
        assertThat(flash.find()).as(r.output()).isTrue();
        assertThat(Double.parseDouble(flash.group(1))).isLessThanOrEqualTo(1e-5);
        assertThat(r.output()).contains("attention MultiHead[numHeads=8]", "attention MoE[numExperts=4, topK=2]")
                .doesNotContain("WARNING: Using incubator modules");
    }

    @Test
    void theSuiteScriptRunsOneSuiteInForkedJvmsAndPrintsItsTable() throws Exception {
        Path out = tmp.resolve("suite-out");
        // the -R system property wins over the environment variable
        CommandRun r = lbJshell(List.of("-R-Dlb.suite=peers.dotProduct", "scripts/run-suite.jsh"), env -> {
            env.put("LB_SUITE", "latency");
            env.put("LB_PARAMS", "impl=scalar,panama");
            env.put("LB_WARMUP", "0");
            env.put("LB_ITERATION_MS", "100");
            env.put("LB_OUT", out.toString());
        });

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("latentbench: 2 benchmarks, profile quick")
                .containsPattern("(?m)^benchmark +mode +score")
                .containsPattern("(?m)^peers\\.dotProduct\\[dim=256,impl=panama\\] +avgt +\\S+")
                .containsPattern("(?m)^peers\\.dotProduct\\[dim=256,impl=scalar\\] +avgt +\\S+")
                .doesNotContain("latency.");
        ResultSet saved = ResultFiles.read(out.resolve("results.json"));
        assertThat(saved.results()).extracting(BenchmarkResult::key).containsExactlyInAnyOrder(
                "peers.dotProduct[dim=256,impl=panama]", "peers.dotProduct[dim=256,impl=scalar]");
        assertThat(saved.results()).allSatisfy(row -> assertThat(row.primary().forks()).isEqualTo(1));
    }

    @Test
    void theCompareScriptFlagsASlowdownAsARegressionAndAnAaRunAsNoChange() throws Exception {
        Path baseline = write("baseline.json", run(11, 1.0));
        Path aa = write("aa.json", run(12, 1.0));
        Path slower = write("slower.json", run(13, 1.3));

        CommandRun slowdown = compare(baseline, slower);
        assertThat(slowdown.exitCode()).as("lb compare's status for a regression\n%s", slowdown.output()).isEqualTo(1);
        assertThat(slowdown.output())
                .containsPattern("(?m)^latency\\.knn\\[dim=256,k=10\\] +Regression +\\+\\d+\\.\\d%")
                .containsPattern("(?m)^latency\\.add\\[dim=256\\] +NoChange ")
                .contains("Summary: 1 regression(s), 0 improvement(s), 1 unchanged");

        CommandRun same = compare(baseline, aa);
        assertThat(same.exitCode()).as(same.output()).isZero();
        assertThat(same.output())
                .containsPattern("(?m)^latency\\.knn\\[dim=256,k=10\\] +NoChange ")
                .containsPattern("(?m)^latency\\.add\\[dim=256\\] +NoChange ")
                .contains("Summary: 0 regression(s), 0 improvement(s), 2 unchanged");
    }

    @Test
    void aScriptMissingItsSettingFailsWithTheReason() throws Exception {
        CommandRun r = lbJshell(List.of("scripts/compare-results.jsh"), env -> {
            env.remove("LB_BASELINE");
            env.remove("LB_CURRENT");
        });
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output()).contains("IllegalArgumentException: LB_BASELINE is not set")
                .contains("lb jshell: scripts/compare-results.jsh stopped at line");
    }

    @Test
    void aSnippetThatThrowsStopsTheScriptWithANonZeroExitAndTheError() throws Exception {
        Path script = tmp.resolve("throws.jsh");
        Files.writeString(script, """
                int x = 5;
                System.out.println("before " + x);
                int y = x / (x - 5);
                System.out.println("after");
                """);
        CommandRun r = lbJshell(List.of(script.toString()), env -> { });

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output()).contains("before 5", script + ":3: ArithmeticException: / by zero",
                "java.lang.ArithmeticException: / by zero").doesNotContain("after");
    }

    @Test
    void aSnippetThatDoesNotCompileStopsTheScriptWithTheCompilersMessage() throws Exception {
        Path script = tmp.resolve("broken.jsh");
        Files.writeString(script, """
                String s = "abc";
                int n = s.lengthh();
                System.out.println("after");
                """);
        CommandRun r = lbJshell(List.of(script.toString()), env -> { });

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output()).contains(script + ":2: CompilationException: cannot find symbol", "method lengthh()")
                .doesNotContain("after");
    }

    private CommandRun compare(Path baseline, Path current) throws Exception {
        return lbJshell(List.of("scripts/compare-results.jsh"), env -> {
            env.put("LB_BASELINE", baseline.toString());
            env.put("LB_CURRENT", current.toString());
            env.remove("LB_CONFIG");
            env.remove("LB_THRESHOLD");
        });
    }

    static CommandRun lbJshell(List<String> args, Consumer<Map<String, String>> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(CommandRun.ROOT.resolve("lb").toString(), "jshell"));
        command.addAll(args);
        return CommandRun.run(command, CommandRun.ROOT, Duration.ofMinutes(5), env -> {
            env.put("LB_NO_BUILD", "1");
            environment.accept(env);
        });
    }

    /**
     * A synthetic run of two benchmarks, 6 forks of 3 iterations with 1 % noise between forks; knn's
     * mean is multiplied by {@code knnFactor}. Same machine and JDK on every side: one testbed.
     */
    private static ResultSet run(long seed, double knnFactor) {
        Random random = new Random(seed);
        List<BenchmarkResult> rows = List.of(
                row("knn", Map.of("dim", "256", "k", "10"), metric(random, 120.0 * knnFactor)),
                row("add", Map.of("dim", "256"), metric(random, 850.0)));
        return new ResultSet(new RunInfo(Instant.parse("2026-11-29T10:00:00Z"), "abc1234", "quick", "25.0.1",
                "AMD EPYC 9R45", 2), rows);
    }

    private static BenchmarkResult row(String name, Map<String, String> params, Metric metric) {
        return new BenchmarkResult("latency", name, new TreeMap<>(params), "avgt", metric, Map.of());
    }

    private static Metric metric(Random random, double mean) {
        List<List<Double>> forks = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < 6; f++) {
            double forkMean = mean * (1 + 0.01 * random.nextGaussian());
            List<Double> iterations = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                double v = forkMean * (1 + 0.002 * random.nextGaussian());
                iterations.add(v);
                sum += v;
            }
            forks.add(iterations);
        }
        return new Metric("us/op", sum / 18, Double.NaN, Double.NaN, Double.NaN, forks);
    }

    private Path write(String name, ResultSet set) throws IOException {
        Path file = tmp.resolve(name);
        ResultFiles.writeResultsJson(set, file);
        return file;
    }
}
