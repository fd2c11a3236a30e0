package io.latentbench.workbench.cli;

import io.latentbench.workbench.bench.Bench;
import io.latentbench.workbench.bench.BenchPlan;
import io.latentbench.workbench.bench.BenchPoint;
import io.latentbench.workbench.bench.BenchResults;
import io.latentbench.workbench.bench.BenchmarkFailedException;
import io.latentbench.workbench.bench.ConsoleProgress;
import io.latentbench.workbench.bench.RunSettings;
import io.latentbench.workbench.bench.Shard;
import io.latentbench.workbench.bench.relative.RelativeRunner;
import io.latentbench.workbench.bench.relative.RevisionBuildException;
import io.latentbench.workbench.regress.GateResult;
import io.latentbench.workbench.regress.RegressionGate;
import io.latentbench.workbench.regress.config.ConfigLoader;
import io.latentbench.workbench.results.relative.Recheck;
import io.latentbench.workbench.results.relative.RelativeRun;
import io.latentbench.workbench.results.relative.RelativeRunJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb bench}: runs a profile of the JMH suites and writes the three result files. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Run the JMH benchmark suites and write the results.",
            "Writes results.json, the raw JMH JSON (jmh-result.json), benchmark_results.toml and report.html"
                    + " (self-contained) into the output directory, with a line per benchmark while it runs and a table at the end.",
        },
        footer = {
            "",
            "Suites: latency, throughput, memory, matrix, attention_comparison, distance_comparison,"
                    + " flash_vs_standard, peers. --suite NAME.METHOD runs one benchmark of a suite.",
            "",
            "Profiles: quick (default; minutes), critical (the matrix suite at dims 128/256/512 x k 10/100/1000 x batch 1/32 x 10k, plus knn latency and the peers), full (hours; use --shard).",
            "",
            "Relative run: --against REV measures the base revision REV (built in a git worktree under",
            "target/relative/, once per commit) and the working tree (or --head REV) in one job, --forks pairs",
            "per benchmark (" + RelativeRunner.REFERENCE_PAIRS + " per reference), and writes relative.json;"
                    + " `lb compare DIR/relative.json` judges it.",
            "A benchmark whose first pairs put it past its threshold (or are significant with an interval reaching",
            "past it) gets up to --confirm fresh pairs, in rounds of " + Recheck.ROUND
                    + " while they point the way the first pairs",
            "did, and they alone decide it.",
            "",
            "A benchmark that throws does not stop the run (as in JMH without -foe true): the others are measured and",
            "written, results.json lists it under \"failed\", and lb bench names it at the end.",
            "",
            "Exit status: 0 when every benchmark ran, 1 when one failed (or the base does not build), 2 on bad arguments.",
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "quick",
            description = "quick, critical or full (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--suite", paramLabel = "NAME[.METHOD]",
            description = "A suite to run (repeatable; default: the profile's suites).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=V1,V2",
            description = "Values of a parameter wherever a selected benchmark has it (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N of the selected benchmarks.")
    String shard;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: target/bench/<timestamp>).")
    Path out;

    @Option(names = "--forks", paramLabel = "N", description = "Forks per benchmark (default: the profile's).")
    Integer forks;

    @Option(names = "--warmup", paramLabel = "N", description = "Warmup iterations per fork (default: the profile's).")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Measurement iterations per fork (default: the profile's).")
    Integer iterations;

    @Option(names = "--iteration-ms", paramLabel = "MS",
            description = "Time of each warmup and measurement iteration in ms (default: the profile's).")
    Integer iterationMs;

    @Option(names = "--list", description = "Print the benchmarks the run would measure, and stop.")
    boolean list;

    // JMH's own options, passed through under their JMH meaning

    @Option(names = "--prof", paramLabel = "NAME[:OPTS]",
            description = "A JMH profiler (repeatable): stack, gc, jfr, perfasm, async where present, with JMH's options"
                    + " after a colon. Files land in OUT/profilers, metrics in results.json. See --list-profilers.")
    List<String> profilers = new ArrayList<>();

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Run only benchmarks in whose JMH name or key the pattern is found (repeatable: any).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX",
            description = "Leave out benchmarks in whose JMH name or key the pattern is found (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--jvm-args", paramLabel = "ARGS",
            description = "Extra arguments for the forked JVMs, space separated, e.g. \"-XX:UseAVX=2 -Xmx2g\".")
    String jvmArgs;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads per benchmark (default: each benchmark's own @Threads, else 1).")
    Integer threads;

    @Option(names = "--time-unit", paramLabel = "U", description = "Unit of the scores: ns, us, ms, s, m, h (default: each benchmark's).")
    String timeUnit;

    @Option(names = "--result-format", paramLabel = "FORMAT",
            description = "Also write JMH's result as json, csv, scsv, text or latex (jmh-result.csv, .scsv, .txt, .tex).")
    String resultFormat;

    @Option(names = "--list-profilers", description = "List JMH's profilers, those this JVM supports and why others are not, and stop.")
    boolean listProfilers;

    @Option(names = "--against", paramLabel = "REV",
            description = "Relative run: measure the base revision REV (e.g. HEAD^1, main) and the head side by side.")
    String against;

    @Option(names = "--head", paramLabel = "REV",
            description = "Relative run: the head as a revision built like the base (default: the working tree).")
    String head;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "Relative run: duet (a base and a head fork at once, one per core, exchanging their cores"
                    + " every few tens of ms; the default on 2+ cores), pinned (duet, each fork keeping its core),"
                    + " shared (at once, unpinned), turns (both alive, unpinned, taking turns at each iteration; how a"
                    + " duet runs points on several cores) or interleaved (one after the other in a seeded random"
                    + " order).")
    String schedule;

    @Option(names = "--confirm", paramLabel = "N",
            description = "Relative run: the most fresh pairs for a benchmark whose first pairs put it past its"
                    + " threshold (or are significant with an interval reaching past it), taken in rounds of "
                    + Recheck.ROUND + " while they point the way the first pairs did and judged on their own"
                    + " (default: three times --forks; 0: judge on the first pairs).")
    Integer confirm;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Relative run: seed of the interleaved order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (listProfilers) {
            stdout.print(Bench.profilers());
            stdout.flush();
            return 0;
        }
        Bench bench;
        BenchPlan plan;
        try {
            bench = Bench.profile(profile).suites(suites.toArray(String[]::new));
            for (String p : params) {
                Map.Entry<String, List<String>> e = BenchPlan.parseParam(p);
                bench.param(e.getKey(), e.getValue().toArray());
            }
            if (shard != null) {
                Shard s = Shard.parse(shard);
                bench.shard(s.index(), s.count());
            }
            if (forks != null) {
                bench.forks(forks);
            }
            profilers.forEach(bench::profiler);
            includes.forEach(bench::include);
            excludes.forEach(bench::exclude);
            if (jvmArgs != null && !jvmArgs.isBlank()) {
                bench.jvmArgs(jvmArgs.strip().split("\\s+"));
            }
            if (threads != null) {
                bench.threads(threads);
            }
            if (timeUnit != null) {
                bench.timeUnit(timeUnit);
            }
            if (resultFormat != null) {
                bench.resultFormat(resultFormat);
            }
            RunSettings base = bench.settings();
            Duration each = iterationMs == null ? null : Duration.ofMillis(iterationMs);
            if (warmup != null || each != null) {
                bench.warmup(warmup != null ? warmup : base.warmupIterations(), each != null ? each : base.warmupTime());
            }
            if (iterations != null || each != null) {
                bench.measurement(iterations != null ? iterations : base.measurementIterations(),
                        each != null ? each : base.measurementTime());
            }
            if (against != null) {
                bench.against(against).head(head).seed(seed).confirm(confirm != null ? confirm
                        : 3 * bench.settings().forks(), RegressionGate.forBaselines(ConfigLoader.BASELINES).recheck());
                if (schedule != null) {
                    bench.schedule(schedule);
                }
                bench.jmhOptions().forkArguments(); // --prof and --result-format have no place in one: say so now
            } else if (head != null || schedule != null || confirm != null) {
                throw new IllegalArgumentException("--head, --schedule and --confirm belong to a relative run: add"
                        + " --against REV");
            }
            plan = bench.plan();
        } catch (IllegalArgumentException e) {
            stderr.println("lb bench: " + e.getMessage());
            return 2;
        }
        if (list) {
            for (BenchPoint p : plan.points()) {
                stdout.println(p.key());
            }
            long minutes = Math.round(bench.estimate().toSeconds() / 60.0);
            stdout.printf("%d of %d benchmarks (profile %s, shard %s), about %d min%n", plan.points().size(),
                    plan.totalSize(), plan.profile().label(), plan.shard(), minutes);
            stdout.flush();
            return 0;
        }
        if (plan.points().isEmpty()) {
            stderr.println("lb bench: nothing to run in shard " + plan.shard() + " of " + plan.totalSize() + " benchmarks");
            return 2;
        }
        Path dir = out != null ? out
                : Path.of("target", "bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        if (against != null) {
            return relative(bench, dir, stdout, stderr);
        }
        Path log = dir.resolve("jmh-output.log");
        stdout.println("lb bench: writing to " + dir + " (JMH's own output: " + log + ")");
        stdout.flush();
        BenchResults results;
        try (OutputStream jmhLog = Files.newOutputStream(log)) {
            results = bench.progress(new ConsoleProgress()).jmhLog(jmhLog).profilerOutput(dir).run();
        } catch (BenchmarkFailedException e) {
            if (e.measured().isEmpty()) {
                stderr.println("lb bench: " + e.getMessage());
                stderr.println("lb bench: the run stopped; JMH's output is in " + log);
                stderr.flush();
                return 1;
            }
            results = e.measured().get(); // written below, and said to have failed last
        }
        results.save(dir);
        results.report(dir.resolve(BenchResults.REPORT_HTML));
        stdout.println();
        stdout.print(results.text());
        String speedups = results.speedupReport();
        if (!speedups.isBlank()) {
            stdout.print(speedups);
        }
        String ratios = results.peerRatios();
        if (!ratios.isBlank()) {
            stdout.print(ratios);
        }
        stdout.println();
        stdout.println("wrote " + dir.resolve(BenchResults.RESULTS_JSON));
        stdout.println("wrote " + dir.resolve(BenchResults.RAW_JMH_JSON));
        stdout.println("wrote " + dir.resolve(BenchResults.TOML_SUMMARY));
        results.files().keySet().forEach(name -> stdout.println("wrote " + dir.resolve(name)));
        stdout.println("wrote " + dir.resolve(BenchResults.REPORT_HTML));
        stdout.flush();
        if (!results.failed().isEmpty()) {
            stderr.println("lb bench: " + results.failed().size() + " of " + plan.points().size()
                    + " benchmarks failed; the run measured the others (JMH's output: " + log + "):");
            results.failed().forEach(f -> stderr.println("  " + f.key() + ": " + f.message()));
            stderr.flush();
            return 1;
        }
        return 0;
    }

    private int relative(Bench bench, Path dir, PrintWriter stdout, PrintWriter stderr) {
        stdout.println("lb bench: relative run against " + against + ", writing to " + dir);
        stdout.flush();
        RelativeRun run;
        try {
            run = bench.runRelative(dir);
        } catch (RevisionBuildException | BenchmarkFailedException e) {
            stderr.println("lb bench: " + e.getMessage());
            stderr.flush();
            return 1;
        }
        Path file = dir.resolve(RelativeRunJson.FILE_NAME);
        GateResult gate = RegressionGate.forBaselines(ConfigLoader.BASELINES).relative(run, file.toString()); // as written
        stdout.println();
        stdout.print(gate.text());
        stdout.println("wrote " + file + " (judge it again with: lb compare " + file + ")");
        stdout.flush();
        if (!run.failed().isEmpty()) {
            stderr.println("lb bench: " + run.failed().size() + " of " + (run.failed().size() + run.benchmarks().size()
                    + run.headOnly().size()) + " benchmarks failed; the run measured the others:");
            run.failed().forEach(f -> stderr.println("  " + f.key() + ": " + f.message()));
            stderr.flush();
            return 1;
        }
        return 0;
    }
}
