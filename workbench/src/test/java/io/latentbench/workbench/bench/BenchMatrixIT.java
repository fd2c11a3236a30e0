package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.regress.RegressionGate;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.script.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharded matrix as CI engines run it, on a tiny plan: four {@code lb bench --shard i/4}
 * processes started at once, then the merge step the workflow and the Kubernetes Job share
 * (scripts/bench_matrix_merge.sh), against one unsharded run of the same plan. Real processes and
 * real JMH forks, each as short as JMH allows; {@code LB_NO_BUILD=1} since Maven has just packaged.
 */
class BenchMatrixIT {

    /** Six points (2 dims x 3 impls) of the cheapest suite, one fork of one 100 ms iteration each. */
    private static final List<String> TINY_PLAN = List.of("--profile", "full", "--suite", "peers.dotProduct",
            "--param", "dim=64,128", "--param", "impl=scalar,panama,lucene",
            "--forks", "1", "--warmup", "0", "--iterations", "1", "--iteration-ms", "100");

    @TempDir
    Path tmp;

    @Test
    void fourShardProcessesStartedAtOnceMergeIntoTheUnshardedRunAndItsTestbedsHistory() throws Exception {
        Path shards = tmp.resolve("shards");
        List<CommandRun> shardRuns = new ArrayList<>();
        ExecutorService starter = Executors.newFixedThreadPool(4);
        try {
            List<Future<CommandRun>> running = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                Path out = shards.resolve("shard-" + i);
                String shard = i + "/4";
                running.add(starter.submit(() -> lb(concat(TINY_PLAN, "--shard", shard, "--out", out.toString()))));
            }
            for (Future<CommandRun> f : running) {
                shardRuns.add(f.get());
            }
        } finally {
            starter.shutdownNow();
        }
        assertThat(shardRuns).allSatisfy(r -> assertThat(r.exitCode()).as(r.output()).isZero());
        CommandRun whole = lb(concat(TINY_PLAN, "--out", tmp.resolve("whole").toString()));
        assertThat(whole.exitCode()).as(whole.output()).isZero();

        ResultSet unsharded = ResultFiles.read(tmp.resolve("whole/results.json"));
        assertThat(unsharded.results()).hasSize(6);
        // each process ran its own part: together the plan, none twice
        Set<String> fromShards = new HashSet<>();
        for (int i = 1; i <= 4; i++) {
            List<BenchmarkResult> part = ResultFiles.read(shards.resolve("shard-" + i + "/results.json")).results();
            assertThat(part).as("shard %d/4", i).isNotEmpty();
            part.forEach(r -> assertThat(fromShards.add(r.key())).as("%s in two shards", r.key()).isTrue());
        }

        Path baselines = Files.createDirectories(tmp.resolve("baselines"));
        Path merged = tmp.resolve("merged");
        CommandRun first = mergeStep(shards, merged, baselines);
        assertThat(first.exitCode()).as(first.output()).isZero();

        String testbed = RegressionGate.testbedOf(unsharded, "the unsharded run");
        ResultSet joined = ResultFiles.read(merged.resolve(testbed).resolve("results.json"));
        assertThat(identities(joined)).containsExactlyInAnyOrderElementsOf(identities(unsharded));
        assertThat(joined.info().profile()).isEqualTo(unsharded.info().profile()).isEqualTo("full");
        assertThat(joined.info().gitCommit()).isEqualTo(unsharded.info().gitCommit());
        assertThat(joined.info().testbed()).isEqualTo(testbed);
        assertThat(merged.resolve(testbed).resolve("benchmark_report.md")).isRegularFile();
        // the testbed had no baseline: the run became it, with its first history entry
        Path bed = baselines.resolve(testbed);
        assertThat(bed.resolve("baselines.json")).isRegularFile();
        assertThat(historyFiles(bed)).hasSize(1);

        // the next night: compared with that baseline (one fork a side: Inconclusive, never a
        // regression), reported, and appended to the history
        CommandRun second = mergeStep(shards, merged, baselines);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("Summary: 0 regression(s)");
        assertThat(merged.resolve(testbed).resolve("benchmark_report.html")).isRegularFile();
        assertThat(historyFiles(bed)).hasSize(2);
    }

    /** What identifies a measurement: suite, benchmark and every parameter. */
    private static List<String> identities(ResultSet set) {
        return set.results().stream().map(r -> r.suite() + "." + r.name() + " " + Map.copyOf(r.params())).toList();
    }

    private static List<Path> historyFiles(Path testbedDir) throws Exception {
        try (Stream<Path> files = Files.list(testbedDir.resolve("history"))) {
            return files.toList();
        }
    }

    private CommandRun mergeStep(Path shards, Path out, Path baselines) throws Exception {
        return CommandRun.run(List.of(CommandRun.ROOT.resolve("scripts/bench_matrix_merge.sh").toString(),
                        shards.toString(), out.toString()), CommandRun.ROOT, Duration.ofMinutes(10),
                CommandRun.applying(Map.of("LB_NO_BUILD", "1", "LB_BASELINES", baselines.toString())));
    }

    private static CommandRun lb(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(CommandRun.ROOT.resolve("lb").toString());
        command.add("bench");
        command.addAll(args);
        return CommandRun.run(command, CommandRun.ROOT, Duration.ofMinutes(10), CommandRun.applying(Map.of("LB_NO_BUILD", "1")));
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
