package io.latentbench.workbench.bench;

import io.latentbench.workbench.bench.relative.BuildRecipe;
import io.latentbench.workbench.bench.relative.RelativeRunner;
import io.latentbench.workbench.bench.relative.RevisionBuildException;
import io.latentbench.workbench.bench.relative.RevisionBuilds;
import io.latentbench.workbench.bench.relative.Side;
import io.latentbench.workbench.bench.relative.Target;
import io.latentbench.workbench.results.RunInfo;
import io.latentbench.workbench.results.relative.Recheck;
import io.latentbench.workbench.results.relative.RelativeRun;
import io.latentbench.workbench.results.relative.Schedule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the benchmark suites from Java code, jshell or a notebook, exactly as {@code lb bench}
 * does: JMH forks with the Vector API module and a class path rebuilt from where our classes
 * were loaded, fail-on-error, one progress line per benchmark.
 *
 * <pre>{@code
 * BenchResults r = Bench.suite("peers").param("impl", "scalar", "panama", "lucene").run();
 * r.table();                  // Tablesaw
 * r.latencyVsK();             // XChart
 * Bench.profile("quick").run().save(Path.of("out"));
 * Bench.run("latency.knn");   // a shortcut for Bench.suite("latency.knn").run()
 * Bench.suite("latency.knn").forks(5).against("HEAD^1").runRelative(Path.of("target/rel"));  // base and head side by side
 * }</pre>
 *
 * Each method returns this builder; {@link #run()} measures.
 */
public final class Bench {

    private Profile profile = Profile.QUICK;
    private final List<String> selection = new ArrayList<>();
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private Shard shard = Shard.ALL;
    private RunSettings settings;
    private ProgressListener progress = new ConsoleProgress();
    private OutputStream jmhLog;
    private final List<String> jvmArgs = new ArrayList<>();
    private JmhOptions jmh = JmhOptions.NONE;
    private Path profilerOutput;
    private String against;
    private String head;
    private Schedule schedule;
    private long seed = 42;
    private int confirmPairs;
    private Recheck recheck = Recheck.NEVER;

    private Bench() {}

    /** A builder on the quick profile. */
    public static Bench create() {
        return new Bench();
    }

    /** A builder on the named profile: quick, critical or full. */
    public static Bench profile(String name) {
        return new Bench().withProfile(Profile.parse(name));
    }

    /** A builder on the quick profile restricted to the named suites. */
    public static Bench suite(String... names) {
        return new Bench().suites(names);
    }

    /** Runs the named suites (or benchmarks, {@code "latency.knn"}) on the quick profile. */
    public static BenchResults run(String... suites) {
        return suite(suites).run();
    }

    /** Loads a saved results.json (or any raw JMH JSON) for tables and charts. */
    public static BenchResults load(Path file) {
        return BenchResults.load(file);
    }

    public Bench withProfile(Profile p) {
        this.profile = p;
        return this;
    }

    /**
     * Adds suites to run (by default the profile's): {@code "latency"} for a whole suite,
     * {@code "latency.knn"} for one benchmark of it.
     */
    public Bench suites(String... names) {
        selection.addAll(Arrays.asList(names));
        BenchPlan.parseSelection(selection);
        return this;
    }

    /** Uses these values for a parameter wherever a selected benchmark has it. */
    public Bench param(String name, Object... values) {
        params.put(name, Arrays.stream(values).map(String::valueOf).toList());
        return this;
    }

    /** Runs only shard {@code index} (from 1) of {@code count}. */
    public Bench shard(int index, int count) {
        this.shard = new Shard(index, count);
        return this;
    }

    public Bench forks(int n) {
        this.settings = settings().withForks(n);
        return this;
    }

    public Bench warmup(int iterations, Duration each) {
        this.settings = settings().withWarmup(iterations, each);
        return this;
    }

    public Bench measurement(int iterations, Duration each) {
        this.settings = settings().withMeasurement(iterations, each);
        return this;
    }

    /** Extra arguments for the forked JVMs, e.g. {@code -XX:UseAVX=2}. */
    public Bench jvmArgs(String... args) {
        jvmArgs.addAll(Arrays.asList(args));
        return this;
    }

    /**
     * Adds a JMH profiler, {@code "stack"}, {@code "gc"}, {@code "jfr"}, {@code "perfasm"} or
     * {@code "async"} where present, with options after a colon as JMH's {@code -prof} takes them:
     * {@code profiler("stack:lines=5")}. {@link #profilers()} lists what this JVM offers.
     */
    public Bench profiler(String spec) {
        jmh = jmh.withProfiler(JmhOptions.Profiler.parse(spec));
        return this;
    }

    /** Runs only benchmarks in whose JMH name or key the pattern is found (repeatable: any of them). */
    public Bench include(String regex) {
        jmh = jmh.withInclude(regex);
        return this;
    }

    /** Leaves out benchmarks in whose JMH name or key the pattern is found. */
    public Bench exclude(String regex) {
        jmh = jmh.withExclude(regex);
        return this;
    }

    /** Runs every benchmark on this many threads instead of its own {@code @Threads}. */
    public Bench threads(int n) {
        jmh = jmh.withThreads(n);
        return this;
    }

    /** Reports scores in this unit: {@code ns, us, ms, s, m, h}. */
    public Bench timeUnit(String unit) {
        jmh = jmh.withTimeUnit(JmhOptions.parseTimeUnit(unit));
        return this;
    }

    /** Also writes JMH's results in this format when saved: {@code json, csv, scsv, text, latex}. */
    public Bench resultFormat(String format) {
        jmh = jmh.withResultFormat(JmhOptions.parseResultFormat(format));
        return this;
    }

    /** Where profilers that write files (jfr, async) put them; {@link #runAndSave} uses its folder. */
    public Bench profilerOutput(Path dir) {
        this.profilerOutput = dir;
        return this;
    }

    /** The JMH options this run passes through. */
    public JmhOptions jmhOptions() {
        return jmh;
    }

    /** JMH's list of the profilers, those this JVM supports and those it does not, with why. */
    public static String profilers() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
            org.openjdk.jmh.profile.ProfilerFactory.listProfilers(out);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public Bench progress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.SILENT : listener;
        return this;
    }

    /** No progress lines. */
    public Bench quiet() {
        return progress(ProgressListener.SILENT);
    }

    /** Where JMH's own output goes (by default nowhere). */
    public Bench jmhLog(OutputStream log) {
        this.jmhLog = log;
        return this;
    }

    /**
     * Makes {@link #runRelative} measure against this base revision (a commit, branch or
     * {@code HEAD^1}), built from a git worktree under target/relative/ (once per commit).
     */
    public Bench against(String revision) {
        if (revision == null || revision.isBlank()) {
            throw new IllegalArgumentException("against needs a git revision (a commit, branch or HEAD^1), got '"
                    + revision + "'");
        }
        this.against = revision.strip();
        return this;
    }

    /**
     * The commit {@code revision} names in the repository lb runs from, or empty when it names none
     * (as {@code HEAD^1} in a repository with a single commit): for choosing a base before measuring.
     */
    public static Optional<String> commitOf(String revision) {
        String home = System.getProperty("latentbench.home");
        try {
            return Optional.of(new RevisionBuilds(home != null ? Path.of(home) : Path.of("").toAbsolutePath(),
                    BuildRecipe.maven()).resolve(revision));
        } catch (RevisionBuildException e) {
            return Optional.empty();
        }
    }

    /** The head side of a relative run as a revision built like the base (by default: the code this JVM runs). */
    public Bench head(String revision) {
        this.head = revision == null || revision.isBlank() ? null : revision.strip();
        return this;
    }

    /**
     * {@code "duet"} (the default on two or more cores), {@code "pinned"} (duet without exchanging
     * cores), {@code "shared"} (at once, unpinned), {@code "turns"} (taking turns at each iteration) or
     * {@code "interleaved"}.
     */
    public Bench schedule(String name) {
        this.schedule = Schedule.parse(name);
        return this;
    }

    /** Seed of the interleaved schedule's order. */
    public Bench seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * A relative run's confirmation stage: every benchmark whose first pairs {@code recheck}
     * wants confirmed (the gate's rule: {@code RegressionGate.recheck()}) gets up to {@code pairs}
     * fresh pairs, in rounds for as long as the rule wants more, and its verdict is decided on
     * those. 0 pairs: no confirmation stage.
     */
    public Bench confirm(int pairs, Recheck recheck) {
        if (pairs < 0) {
            throw new IllegalArgumentException("confirmation pairs " + pairs + " must be 0 or more");
        }
        this.confirmPairs = pairs;
        this.recheck = java.util.Objects.requireNonNull(recheck, "recheck");
        return this;
    }

    /**
     * A relative run: the base revision named by {@link #against} and the head measured in one job,
     * {@code forks} pairs per benchmark; writes relative.json, base/ and head/ results and the forks'
     * logs into {@code dir}. Judge it with {@code RegressionGate.relative(dir.resolve("relative.json"))}.
     *
     * <p>A benchmark whose fork fails on either side does not stop the run: it is listed in
     * {@link RelativeRun#failed()}, and the gate fails on it.
     *
     * @throws RevisionBuildException when a revision does not resolve or does not build (naming its log)
     * @throws BenchmarkFailedException when the run is interrupted (after writing what it finished)
     */
    public RelativeRun runRelative(Path dir) {
        if (against == null) {
            throw new IllegalStateException("runRelative needs the base revision: call against(REV) first");
        }
        List<String> forkArguments = jmh.forkArguments();
        BenchPlan plan = plan();
        if (plan.points().isEmpty()) {
            throw new IllegalArgumentException("nothing to run: shard " + shard + " of a " + plan.totalSize()
                    + "-benchmark plan is empty");
        }
        String home = System.getProperty("latentbench.home");
        RevisionBuilds builds = new RevisionBuilds(home != null ? Path.of(home) : Path.of("").toAbsolutePath(),
                BuildRecipe.maven());
        Consumer<String> lines = progress == ProgressListener.SILENT ? line -> {} : System.out::println;
        lines.accept("building the base " + against + " ...");
        RevisionBuilds.BuiltRevision baseBuild = builds.build(against);
        lines.accept("base " + against + " = " + baseBuild.commit() + (baseBuild.cached() ? " (built before)" : " (built)"));
        Side baseSide = new Side("base", new RelativeRun.Revision(against, baseBuild.commit()), baseBuild.classpath());
        Side headSide;
        if (head != null) {
            RevisionBuilds.BuiltRevision h = builds.build(head);
            headSide = new Side("head", new RelativeRun.Revision(head, h.commit()), h.classpath());
        } else {
            String commit = builds.headCommit();
            headSide = new Side("head", new RelativeRun.Revision(builds.workingTreeDirty() ? "working tree (modified)"
                    : "working tree", commit), builds.workingTreeSnapshot(BuildRecipe.maven())
                    .orElseGet(ForkClasspath::compute));
        }
        RunInfo machine = RunInfos.capture(profile.label());
        Schedule s = schedule != null ? schedule : Schedule.defaultFor(machine.cores());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        // Several JMH threads keep several cores busy: such pairs share the cores.
        boolean threaded = jmh.threads().orElse(1) > 1;
        return new RelativeRunner(settings(), s, seed, jvmArgs, lines).jmhArguments(forkArguments)
                .confirm(confirmPairs, recheck)
                .run(plan.points().stream().map(p -> threaded ? Target.of(p).onThreads() : Target.of(p)).toList(),
                        baseSide, headSide, machine, dir);
    }

    /** The settings that will be used: the profile's unless overridden. */
    public RunSettings settings() {
        return settings != null ? settings : profile.settings();
    }

    /** What {@link #run()} would measure, without measuring. */
    public BenchPlan plan() {
        return BenchPlan.create(Catalog.load(), profile, BenchPlan.parseSelection(selection), params, jmh::selects, shard);
    }

    /** How long {@link #run()} should take, from the settings and a JVM start of about 2 s per fork. */
    public Duration estimate() {
        BenchRunner runner = new BenchRunner(settings(), null, null, jvmArgs);
        double seconds = plan().points().stream().mapToDouble(runner::estimateSeconds).sum();
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /**
     * Measures the plan. A benchmark that throws does not stop the run: the others are measured,
     * then the exception names each that failed and holds the rest.
     *
     * @throws BenchmarkFailedException when benchmarks threw, naming each and its exception, with
     *                                  {@link BenchmarkFailedException#measured() what was measured}
     * @throws IllegalArgumentException when a suite, parameter or value is not known
     */
    public BenchResults run() {
        return complete(measure(), null);
    }

    /**
     * Runs and saves the three files into {@code dir}; what was measured is saved even when
     * some benchmarks failed (results.json lists them), before the exception says so.
     *
     * @throws BenchmarkFailedException as {@link #run()}, after saving
     */
    public BenchResults runAndSave(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        if (profilerOutput == null) {
            profilerOutput = dir;
        }
        BenchResults r = measure();
        r.save(dir);
        return complete(r, dir);
    }

    private BenchResults measure() {
        BenchPlan plan = plan();
        if (plan.points().isEmpty()) {
            throw new IllegalArgumentException("nothing to run: shard " + shard + " of a " + plan.totalSize()
                    + "-benchmark plan is empty");
        }
        BenchRunner.Output out = new BenchRunner(settings(), progress, jmhLog, jvmArgs, jmh, profilerOutput).run(plan);
        return new BenchResults(out.results(), out.rawJmhJson(), out.files());
    }

    /** The results, or the exception naming the benchmarks they lack. */
    private static BenchResults complete(BenchResults r, Path savedIn) {
        if (!r.failed().isEmpty()) {
            throw new BenchmarkFailedException(r, savedIn);
        }
        return r;
    }
}
