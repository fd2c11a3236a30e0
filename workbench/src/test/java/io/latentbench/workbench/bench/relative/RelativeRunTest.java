package io.latentbench.workbench.bench.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.bench.BenchmarkFailedException;
import io.latentbench.workbench.bench.CoreUse;
import io.latentbench.workbench.bench.DelayedInterrupt;
import io.latentbench.workbench.bench.RunSettings;
import io.latentbench.workbench.regress.GateResult;
import io.latentbench.workbench.regress.RegressionGate;
import io.latentbench.workbench.regress.Verdict;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.RunInfo;
import io.latentbench.workbench.results.RowTags;
import io.latentbench.workbench.results.relative.ForkPair;
import io.latentbench.workbench.results.relative.PairedBenchmark;
import io.latentbench.workbench.results.relative.Recheck;
import io.latentbench.workbench.results.relative.RelativeRun;
import io.latentbench.workbench.results.relative.RelativeRunJson;
import io.latentbench.workbench.results.relative.Schedule;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny relative run end to end: a temporary git repository with two revisions of a one-method
 * JMH benchmark (the second does twice the work), each built by javac with JMH's annotation
 * processor in its own worktree, then measured side by side and judged from relative.json alone.
 * The change is large (ten times the work) so that four pairs decide it even on a machine shared
 * with other builds, where iterations of a 100 ms fork scattered by 75 %.
 */
class RelativeRunTest {

    private static final String BENCHMARK = """
            package tiny;

            import org.openjdk.jmh.annotations.*;
            import java.util.concurrent.TimeUnit;

            @State(Scope.Thread)
            @BenchmarkMode(Mode.AverageTime)
            @OutputTimeUnit(TimeUnit.MICROSECONDS)
            public class TinyBench {
                double x = 1.0001;

                @Benchmark
                public double work() {
                    double s = 0;
                    for (int i = 0; i < ROUNDS; i++) {
                        s = s * x + i;
                    }
                    return s;
                }

                @Benchmark
                public double broken() {
                    if (BROKEN) {
                        throw new IllegalStateException("this revision breaks broken()");
                    }
                    return x * x;
                }
            }
            """;

    private static String source(int rounds) {
        return BENCHMARK.replace("ROUNDS", Integer.toString(rounds)).replace("BROKEN", "false");
    }

    /** A revision whose {@code broken()} throws in every call. */
    private static String breaking(int rounds) {
        return source(rounds).replace("if (false)", "if (true)");
    }

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org"));
        c.addAll(List.of(args));
        Process p = new ProcessBuilder(c).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
    }

    private static void commit(Path repo, String source, String message) throws Exception {
        Path file = repo.resolve("src/tiny/TinyBench.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", message);
    }

    private static Path jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** javac with JMH's annotation processor, which sits beside jmh-core in the local Maven repository. */
    private static BuildRecipe javacRecipe() throws Exception {
        Path core = jarOf("org.openjdk.jmh.Main");
        String version = core.getParent().getFileName().toString();
        Path processor = core.getParent().getParent().getParent().resolve("jmh-generator-annprocess").resolve(version)
                .resolve("jmh-generator-annprocess-" + version + ".jar");
        assertThat(processor).as("JMH's annotation processor, which the project's own build uses").exists();
        String libs = String.join(File.pathSeparator, core.toString(), jarOf("joptsimple.OptionParser").toString(),
                jarOf("org.apache.commons.math3.stat.descriptive.StatisticalSummary").toString());
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        return new BuildRecipe("javac with the JMH processor",
                List.of(javac, "-proc:full", "-cp", libs + File.pathSeparator + processor, "-d", "classes",
                        "src/tiny/TinyBench.java"),
                checkout -> checkout.resolve("classes") + File.pathSeparator + libs);
    }

    /** A new repository of two commits, the base and the head, and the builds of its revisions. */
    private static RevisionBuilds twoCommits(Path repo, String base, String head, String headMessage) throws Exception {
        git(repo, "init", "-q");
        commit(repo, base, "base");
        commit(repo, head, headMessage);
        return new RevisionBuilds(repo, javacRecipe());
    }

    private static RunInfo thisMachine() {
        return new RunInfo(Instant.now(), "x", "test", Runtime.version().toString(), "test cpu",
                Runtime.getRuntime().availableProcessors());
    }

    private static Side side(String role, String revision, RevisionBuilds.BuiltRevision build) {
        return new Side(role, new RelativeRun.Revision(revision, build.commit()), build.classpath());
    }

    @Test
    void twoRevisionsMeasuredSideBySideAndJudgedFromTheFileAlone(@TempDir Path repo) throws Exception {
        RevisionBuilds builds = twoCommits(repo, source(10_000), source(100_000), "ten times the work");
        RevisionBuilds.BuiltRevision base = builds.build("HEAD^1");
        RevisionBuilds.BuiltRevision head = builds.build("HEAD");
        assertThat(base.checkout()).startsWith(repo.resolve("target/relative"));
        assertThat(builds.build("HEAD^1").cached()).as("built once per commit").isTrue();

        RunSettings tiny = new RunSettings(4, 2, Duration.ofMillis(100), 2, Duration.ofMillis(100));
        Target target = new Target("tiny.work", "tiny", "work", "tiny.TinyBench.work", new TreeMap<>());
        RunInfo machine = thisMachine();
        Schedule schedule = Schedule.defaultFor(machine.cores());
        Path out = repo.resolve("target/run");
        List<String> lines = new ArrayList<>();
        RegressionGate gate = RegressionGate.withConfig(RegressionConfig.defaults());
        RelativeRun run = new RelativeRunner(tiny, schedule, 5, List.of(), lines::add).confirm(5, gate.recheck())
                .run(List.of(target),
                side("base", "HEAD^1", base),
                side("head", "HEAD", head), machine, out);

        // ten times the work is past any threshold: 5 fresh pairs follow the first 4 at once (5, not 3: on a
        // loaded machine one pair in a few comes out near 1, and 3 pairs with one such are not significant)
        if (schedule == Schedule.DUET) {
            assertThat(lines.removeFirst()).startsWith("duet pairs exchange their cores every").contains(" ms (");
        }
        // and no pair says that some of its iterations started apart: each fork's barrier met the other's
        // before every iteration, warm-up included
        assertThat(lines).noneMatch(l -> l.contains("the forks met at")).hasSize(2);
        assertThat(lines.get(0)).contains("tiny.work").contains("wanted again: up to 5 fresh pairs to confirm");
        assertThat(lines.get(1)).contains("9 " + schedule.label() + " pairs");
        RelativeRun saved = RelativeRunJson.read(out.resolve("relative.json"));
        assertThat(saved).isEqualTo(run);
        assertThat(saved.base().commit()).isEqualTo(base.commit()).isNotEqualTo(saved.head().commit());
        assertThat(saved.confirmPairs()).isEqualTo(5);
        List<ForkPair> pairs = saved.benchmarks().getFirst().pairs();
        assertThat(pairs).hasSize(4).allSatisfy(p -> assertThat(p.base()).hasSize(2));
        List<ForkPair> all = saved.benchmarks().getFirst().allPairs();
        assertThat(all).extracting(ForkPair::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        if (schedule == Schedule.DUET) {
            // the starting cores alternate from pair to pair, on through the confirmation pairs, and each
            // pair's forks (a second or more each) exchanged their cores while they ran
            assertThat(all).extracting(ForkPair::baseCore).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0);
            assertThat(all).extracting(ForkPair::headCore).containsExactly(1, 0, 1, 0, 1, 0, 1, 0, 1);
            assertThat(all).allSatisfy(p -> {
                assertThat(p.order()).isEqualTo(ForkPair.SWAPPED);
                assertThat(p.iterationsAligned()).isTrue();
                assertThat(p.orientation()).isEqualTo(-1);
            });
        }
        // each fork measured in the JVM the run started, compiled with its own side's hints as JMH's fork would be
        for (String role : List.of("base", "head")) {
            assertThat(Files.readAllLines(out.resolve("forks/" + role + "-compiler-hints.txt")))
                    .contains("blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler", "inline,tiny/TinyBench.work");
        }
        assertThat(Files.readString(out.resolve("forks/head-tiny.work-pair0.log"))).contains("# Fork: N/A")
                .contains("# Blackhole mode: compiler").doesNotContain("CompileCommand: An error");
        assertThat(ResultFiles.read(out.resolve("head/results.json")).results()).singleElement()
                .satisfies(r -> assertThat(r.primary().forks()).isEqualTo(9));

        GateResult verdict = gate.relative(out.resolve("relative.json"));
        assertThat(verdict.report().comparisons()).singleElement().satisfies(c -> {
            assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.REGRESSION);
            assertThat(c.reason()).startsWith("confirmed on fresh pairs").contains("5 pairs");
            assertThat(c.statistics().orElseThrow().ratio()).isGreaterThan(3);
        });
        assertThat(verdict.exitCode()).isEqualTo(1);

        // in a duet run, a point on two threads and a point that splits each call over a pool run the
        // forks of a pair in turns, unpinned, meeting at every iteration
        Target twoThreads = new Target("tiny.work[threads=2]", "tiny", "work", "tiny.TinyBench.work", new TreeMap<>(),
                target.tags(), CoreUse.THREADS);
        Target split = new Target("tiny.work[pool=2]", "tiny", "work", "tiny.TinyBench.work", new TreeMap<>(),
                target.tags(), CoreUse.SPLIT);
        List<String> parallelLines = new ArrayList<>();
        RelativeRun parallel = new RelativeRunner(new RunSettings(2, 1, Duration.ofMillis(50), 1, Duration.ofMillis(50)),
                Schedule.DUET, 6, List.of(), parallelLines::add).run(List.of(twoThreads, split),
                side("base", "HEAD^1", base),
                side("head", "HEAD", head),
                new RunInfo(machine.timestamp(), "x", "test", machine.jdk(), "test cpu", 2), repo.resolve("target/run2"));
        assertThat(parallel.schedule()).isEqualTo(Schedule.DUET);
        assertThat(parallel.benchmarks()).hasSize(2).allSatisfy(b -> assertThat(b.pairs()).hasSize(2).allSatisfy(p -> {
            assertThat(p.order()).isEqualTo(ForkPair.TURNS);
            assertThat(p.baseCore()).isEqualTo(-1);
            assertThat(p.headCore()).isEqualTo(-1);
            assertThat(p.iterationsAligned()).isTrue();
            assertThat(p.orientation()).isEqualTo(-1);
        }));
        // no exchange of cores is announced (no pair of this run is pinned), and no pair met at fewer iterations
        // than it ran
        assertThat(parallelLines).hasSize(2).allSatisfy(line -> assertThat(line).contains("2 turns pairs"));

        // asked for by name, the shared schedule runs both forks of the two-thread point at once, unpinned, and
        // the forks meet at every iteration
        List<String> sharedLines = new ArrayList<>();
        RelativeRun shared = new RelativeRunner(new RunSettings(2, 1, Duration.ofMillis(50), 1, Duration.ofMillis(50)),
                Schedule.SHARED, 6, List.of(), sharedLines::add).run(List.of(twoThreads),
                side("base", "HEAD^1", base),
                side("head", "HEAD", head),
                new RunInfo(machine.timestamp(), "x", "test", machine.jdk(), "test cpu", 2), repo.resolve("target/run3"));
        assertThat(shared.benchmarks().getFirst().pairs()).hasSize(2).allSatisfy(p -> {
            assertThat(p.order()).isEqualTo(ForkPair.SHARED);
            assertThat(p.baseCore()).isEqualTo(-1);
            assertThat(p.headCore()).isEqualTo(-1);
            assertThat(p.iterationsAligned()).isTrue();
            assertThat(p.orientation()).isEqualTo(-1);
        });
        assertThat(sharedLines).singleElement().satisfies(line -> assertThat(line).contains("2 shared pairs"));

        // a reference gets 3 pairs in a run of more; fresh pairs come in rounds of 5 for as long as the
        // judge's rule wants more, here a rule that wants no second round
        Target reference = new Target("tiny.reference", "tiny", "work", "tiny.TinyBench.work", new TreeMap<>(),
                target.tags().withRole(RowTags.Role.REFERENCE), CoreUse.ONE);
        Recheck oneRound = new Recheck() {
            @Override
            public boolean wanted(PairedBenchmark first) {
                return !first.tags().role().isReference();
            }

            @Override
            public boolean goOn(PairedBenchmark soFar) {
                return false;
            }
        };
        List<String> roundLines = new ArrayList<>();
        RelativeRun rounds = new RelativeRunner(new RunSettings(4, 1, Duration.ofMillis(50), 1, Duration.ofMillis(50)),
                schedule, 7, List.of(), roundLines::add).confirm(12, oneRound).run(List.of(target, reference),
                side("base", "HEAD^1", base),
                side("head", "HEAD", head), machine, repo.resolve("target/run4"));
        assertThat(rounds.benchmarks().get(0).pairs()).hasSize(4);
        assertThat(rounds.benchmarks().get(0).confirmation()).extracting(ForkPair::index)
                .containsExactly(4, 5, 6, 7, 8);
        assertThat(rounds.benchmarks().get(1).pairs()).hasSize(RelativeRunner.REFERENCE_PAIRS);
        assertThat(rounds.benchmarks().get(1).confirmation()).isEmpty();
        assertThat(rounds.confirmPairs()).isEqualTo(12);
        assertThat(roundLines).anySatisfy(l -> assertThat(l).contains("tiny.work: 5 of up to 12 fresh pairs, no more"
                + " wanted"));
        assertThat(ResultFiles.read(repo.resolve("target/run4/head/results.json")).results())
                .extracting(r -> r.primary().forks()).containsExactly(9, 3);
    }

    @Test
    void aBenchmarkThatFailsOnOneSideIsRecordedAndTheRunGoesOnToTheNext(@TempDir Path repo) throws Exception {
        RevisionBuilds builds = twoCommits(repo, source(1_000), breaking(1_000), "broken() throws");
        RevisionBuilds.BuiltRevision base = builds.build("HEAD^1");
        RevisionBuilds.BuiltRevision head = builds.build("HEAD");
        Target broken = new Target("tiny.broken", "tiny", "broken", "tiny.TinyBench.broken", new TreeMap<>());
        Target work = new Target("tiny.work", "tiny", "work", "tiny.TinyBench.work", new TreeMap<>());
        RunInfo machine = thisMachine();
        Path out = repo.resolve("target/run");
        List<String> lines = new ArrayList<>();
        RelativeRun run = new RelativeRunner(new RunSettings(2, 1, Duration.ofMillis(50), 1, Duration.ofMillis(50)),
                Schedule.defaultFor(machine.cores()), 3, List.of(), lines::add).run(List.of(broken, work),
                side("base", "HEAD^1", base),
                side("head", "HEAD", head), machine, out);

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[1/2] tiny.broken: FAILED, the run goes on: the"
                + " head fork of tiny.broken"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[2/2] tiny.work: 2 "));
        RelativeRun saved = RelativeRunJson.read(out.resolve("relative.json"));
        assertThat(saved).isEqualTo(run);
        assertThat(saved.benchmarks()).extracting(b -> b.key()).containsExactly("tiny.work");
        assertThat(saved.failed()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("tiny.broken");
            assertThat(f.message()).contains("head fork").contains("(HEAD)").contains(".log")
                    .contains("this revision breaks broken()");
        });
        // the side's results hold the measured benchmark alone (named by JMH: tiny is no suite of ours)
        assertThat(ResultFiles.read(out.resolve("head/results.json")).results()).extracting(r -> r.key())
                .containsExactly("tiny.TinyBench.work");

        GateResult verdict = RegressionGate.withConfig(RegressionConfig.defaults()).relative(out.resolve("relative.json"));
        assertThat(verdict.failed()).singleElement().satisfies(c -> assertThat(c.id().toString()).isEqualTo("tiny.broken"));
        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThatThrownBy(verdict::check).hasMessageContaining("tiny.broken");
    }

    @Test
    void anInterruptStopsTheForksWritesWhatWasMeasuredAndThenThrows(@TempDir Path repo) throws Exception {
        RevisionBuilds builds = twoCommits(repo, source(1_000), source(1_001), "one round more");
        RevisionBuilds.BuiltRevision base = builds.build("HEAD^1");
        RevisionBuilds.BuiltRevision head = builds.build("HEAD");
        Target first = new Target("tiny.work", "tiny", "work", "tiny.TinyBench.work", new TreeMap<>());
        Target second = new Target("tiny.again", "tiny", "again", "tiny.TinyBench.work", new TreeMap<>());
        RunInfo machine = thisMachine();
        Path out = repo.resolve("target/run");
        Thread runner = Thread.currentThread();
        List<String> lines = new ArrayList<>();
        // a fork of these settings lives over 3 s; the second pair is interrupted 1.5 s into its run
        RelativeRunner relative = new RelativeRunner(new RunSettings(1, 1, Duration.ofSeconds(1), 2,
                Duration.ofSeconds(1)), Schedule.defaultFor(machine.cores()), 3, List.of(), line -> {
                    lines.add(line);
                    if (line.startsWith("[1/2] tiny.work: 1 ")) {
                        DelayedInterrupt.of(runner, Duration.ofMillis(1500));
                    }
                });
        try {
            assertThatThrownBy(() -> relative.run(List.of(first, second), side("base", "HEAD^1", base),
                    side("head", "HEAD", head), machine, out))
                    .isInstanceOf(BenchmarkFailedException.class)
                    .hasMessageContaining("interrupted after 1 of 2 benchmarks")
                    .hasMessageContaining(out.resolve("relative.json").toString());
        } finally {
            Thread.interrupted();
        }

        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList())
                .as("the interrupted pair's forks and the core-swapping helper are stopped before the run throws")
                .isEmpty();
        RelativeRun saved = RelativeRunJson.read(out.resolve("relative.json"));
        assertThat(saved.benchmarks()).extracting(b -> b.key()).containsExactly("tiny.work");
        assertThat(saved.failed()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("tiny.again");
            assertThat(f.message()).startsWith("interrupted after 1 of 2 benchmarks");
        });
        assertThat(ResultFiles.read(out.resolve("base/results.json")).results()).hasSize(1);
    }

    @Test
    void theWorkingTreesJarsRunFromACopyShapedLikeABuiltRevision(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        commit(repo, source(10), "one");
        RevisionBuilds builds = new RevisionBuilds(repo, BuildRecipe.maven());
        assertThat(builds.workingTreeSnapshot(BuildRecipe.maven())).as("no build in the working tree").isEmpty();

        Path target = Files.createDirectories(repo.resolve("workbench/target/lib"));
        Files.writeString(target.resolveSibling("latentbench-workbench.jar"), "workbench");
        Files.writeString(target.resolve("b-2.0.jar"), "b");
        Files.writeString(target.resolve("a-1.0.jar"), "a");
        String head = builds.workingTreeSnapshot(BuildRecipe.maven()).orElseThrow();
        String sha12 = builds.resolve("HEAD").substring(0, 12);
        // a revision's checkout would give the same class path with its commit in place of worktree-now
        assertThat(head).isEqualTo(BuildRecipe.workbenchJars(repo.resolve("target/relative/worktree-now")))
                .hasSameSizeAs(BuildRecipe.workbenchJars(repo.resolve("target/relative/worktree-now"))
                        .replace("worktree-now", sha12));
        assertThat(head.split(File.pathSeparator)).extracting(e -> Path.of(e).getFileName().toString())
                .containsExactly("latentbench-workbench.jar", "a-1.0.jar", "b-2.0.jar");
        assertThat(Files.readString(repo.resolve("target/relative/worktree-now/workbench/target/lib/b-2.0.jar")))
                .isEqualTo("b");

        // a rebuild that dropped a jar: the next copy drops it too, and the copy does not follow later changes
        Files.delete(target.resolve("b-2.0.jar"));
        String again = builds.workingTreeSnapshot(BuildRecipe.maven()).orElseThrow();
        assertThat(again).doesNotContain("b-2.0.jar");
        Files.writeString(target.resolve("a-1.0.jar"), "rebuilt");
        assertThat(Files.readString(repo.resolve("target/relative/worktree-now/workbench/target/lib/a-1.0.jar")))
                .isEqualTo("a");
    }

    @Test
    void aBaseThatDoesNotBuildIsAnErrorNamingItAndItsLog(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        commit(repo, source(10).replace("return s;", "return s"), "broken");
        RevisionBuilds builds = new RevisionBuilds(repo, javacRecipe());

        assertThatThrownBy(() -> builds.build("HEAD")).isInstanceOf(RevisionBuildException.class)
                .hasMessageContaining("the base revision HEAD").hasMessageContaining("does not build")
                .hasMessageContaining(".build.log").hasMessageContaining("';' expected")
                .satisfies(e -> assertThat(((RevisionBuildException) e).log()).exists());
        assertThatThrownBy(() -> builds.build("HEAD^1")).isInstanceOf(RevisionBuildException.class)
                .hasMessageContaining("'HEAD^1' is not a commit").hasMessageContaining("the first commit has no parent");
        assertThat(builds.firstParent("HEAD")).isEmpty();
    }
}
