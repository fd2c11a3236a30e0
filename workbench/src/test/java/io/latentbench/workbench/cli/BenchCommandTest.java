package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void listPrintsTheShardsPointsWithoutRunning() {
        Outcome all = run("bench", "--list", "--suite", "peers", "--param", "impl=scalar,lucene");
        Outcome first = run("bench", "--list", "--suite", "peers", "--param", "impl=scalar,lucene", "--shard", "1/2");

        assertThat(all.code()).isZero();
        assertThat(all.out()).contains("peers.dotProduct[dim=256,impl=lucene]").doesNotContain("impl=panama");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("of " + all.out().lines().filter(l -> l.startsWith("peers.")).count()
                + " benchmarks (profile quick, shard 1/2)");
    }

    @Test
    void badArgumentsExitWith2AndSayWhy() {
        Outcome o = run("bench", "--list", "--suite", "peers", "--param", "nope=1");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("lb bench: --param nope: no selected benchmark has a parameter 'nope'");

        Outcome p = run("bench", "--profile", "slow", "--list");
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("unknown profile 'slow'");

        Outcome lonely = run("bench", "--list", "--confirm", "4");
        assertThat(lonely.code()).isEqualTo(2);
        assertThat(lonely.err()).contains("--confirm belong to a relative run: add --against REV");
        Outcome negative = run("bench", "--list", "--against", "HEAD", "--confirm", "-1");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("confirmation pairs -1 must be 0 or more");
    }

    @Test
    void aBenchmarkThatThrowsExitsWith1AfterTheOthersWereMeasuredAndWritten(@TempDir Path dir) throws Exception {
        // dim=0 passes the plan's checks and throws in the fork's setup; dim=4 runs
        Outcome o = run("bench", "--suite", "peers.dotProduct", "--param", "impl=scalar", "--param", "dim=0,4",
                "--forks", "1", "--warmup", "0", "--iterations", "1", "--iteration-ms", "100", "--out", dir.toString());

        assertThat(o.code()).isEqualTo(1);
        assertThat(o.err()).contains("lb bench: 1 of 2 benchmarks failed; the run measured the others",
                "peers.dotProduct[dim=0,impl=scalar]: java.lang.IllegalArgumentException: a data set needs count >= 0");
        assertThat(o.out()).contains("wrote " + dir.resolve("results.json"), "wrote " + dir.resolve("report.html"));
        ResultSet written = ResultFiles.read(dir.resolve("results.json"));
        assertThat(written.results()).extracting(BenchmarkResult::key)
                .containsExactly("peers.dotProduct[dim=4,impl=scalar]");
        assertThat(written.failed()).extracting(FailedBenchmark::key).containsExactly("peers.dotProduct[dim=0,impl=scalar]");
    }

    @Test
    void listProfilersShowsWhatThisJvmOffers() {
        Outcome o = run("bench", "--list-profilers");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("Supported profilers").contains("stack").contains("gc");
    }

    @Test
    void includeAndExcludeNarrowThePlanAsJmhsPatternsDo() {
        Outcome o = run("bench", "--list", "--suite", "peers", "--param", "dim=256", "--include", "dotProduct|plainRead",
                "--exclude", "impl=scalar");
        assertThat(o.code()).isZero();
        assertThat(o.out().lines().filter(l -> l.startsWith("peers.")).toList())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).containsAnyOf("dotProduct", "plainRead").doesNotContain("impl=scalar"));
        assertThat(o.out()).contains("peers.dotProduct[dim=256,impl=panama]");
    }

    @Test
    void badJmhOptionsExitWith2NamingTheValue() {
        assertThat(run("bench", "--list", "--time-unit", "fortnights").err()).contains("time unit 'fortnights' is not one of");
        assertThat(run("bench", "--list", "--result-format", "xml").err()).contains("result format 'xml' is not one of json, csv");
        Outcome regex = run("bench", "--list", "--include", "peers(");
        assertThat(regex.code()).isEqualTo(2);
        assertThat(regex.err()).contains("include pattern 'peers(' is not a regular expression");
        assertThat(run("bench", "--list", "--threads", "0").err()).contains("threads must be >= 1, got 0");
        // a relative run's forks are only timed and it writes its own files: said before anything is built
        Outcome profiled = run("bench", "--list", "--against", "HEAD", "--prof", "gc");
        assertThat(profiled.code()).isEqualTo(2);
        assertThat(profiled.err()).contains("profilers ([gc]) are not run in a relative run");
        Outcome csv = run("bench", "--list", "--against", "HEAD", "--result-format", "csv");
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).contains("not csv: --result-format belongs to a run without --against");
        assertThat(run("bench", "--list", "--against", "HEAD", "--threads", "2", "--time-unit", "us").code()).isZero();
    }
}
