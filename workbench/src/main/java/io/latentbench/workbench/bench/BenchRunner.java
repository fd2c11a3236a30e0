package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.JmhRuns;
import io.latentbench.workbench.results.ResultSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a plan with JMH, one JMH run per point so that any subset of the matrix (a shard, a
 * selection) is exactly what runs, and progress is known point by point. Every fork gets the
 * Vector API module and the gc profiler. A benchmark that throws (or whose fork dies) is recorded
 * in the results as failed and the run goes on, as JMH's own runner does by default: a long run
 * keeps what it measured. An interrupt stops the run (JMH's fork ends with its link to this JVM).
 */
public final class BenchRunner {

    /** Forks run one at a time per host JVM: the class path property is swapped while they start. */
    private static final Object JMH_LOCK = new Object();

    /**
     * A run's outcome: the normalized results, the JMH JSON they came from, and the other files
     * of the run by their path relative to its folder (profilers' text output, JMH's result in
     * another format).
     */
    public record Output(ResultSet results, String rawJmhJson, java.util.Map<String, String> files) {
        public Output {
            files = java.util.Map.copyOf(files);
        }

        public Output(ResultSet results, String rawJmhJson) {
            this(results, rawJmhJson, java.util.Map.of());
        }
    }

    /** Profilers that write files and take the folder to write them in as their {@code dir} option. */
    private static final java.util.Set<String> FILE_PROFILERS = java.util.Set.of("jfr", "async");

    private final RunSettings settings;
    private final ProgressListener progress;
    private final OutputStream jmhLog;
    private final List<String> jvmArgs;
    private final JmhOptions jmh;
    private final java.nio.file.Path profilerOutput;

    /**
     * @param jmhLog   receives JMH's own output (iterations, warnings); may be null
     * @param jvmArgs  extra arguments for the forked JVMs, after the defaults
     */
    public BenchRunner(RunSettings settings, ProgressListener progress, OutputStream jmhLog, List<String> jvmArgs) {
        this(settings, progress, jmhLog, jvmArgs, JmhOptions.NONE, null);
    }

    /**
     * @param jmh            JMH's own options to pass through
     * @param profilerOutput the run's folder, where file-writing profilers put their files under
     *                       {@code profilers/}; null leaves them where the profiler's options say
     */
    public BenchRunner(RunSettings settings, ProgressListener progress, OutputStream jmhLog, List<String> jvmArgs,
            JmhOptions jmh, java.nio.file.Path profilerOutput) {
        this.jmh = jmh;
        this.profilerOutput = profilerOutput;
        this.settings = settings;
        this.progress = progress == null ? ProgressListener.SILENT : progress;
        this.jmhLog = jmhLog;
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    public Output run(BenchPlan plan) {
        List<BenchPoint> points = plan.points();
        double[] estimates = points.stream().mapToDouble(this::estimateSeconds).toArray();
        double estimatedTotal = java.util.Arrays.stream(estimates).sum();
        progress.started(plan, seconds(estimatedTotal));

        long start = System.nanoTime();
        double estimatedDone = 0;
        List<RunResult> all = new ArrayList<>();
        List<BenchmarkResult> rows = new ArrayList<>();
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        List<FailedBenchmark> failed = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            BenchPoint point = points.get(i);
            progress.benchmarkStarted(i, point);
            long t0 = System.nanoTime();
            Collection<RunResult> results = List.of();
            FailedBenchmark failure = null;
            try {
                results = runPoint(point);
            } catch (BenchmarkFailedException e) {
                if (interrupted(e)) {
                    // a stop asked for, not a benchmark's failure: nothing after it runs, and the
                    // caller gets back the flag that JMH took
                    Thread.currentThread().interrupt();
                    throw e;
                }
                failure = new FailedBenchmark(point.key(), e.reason());
                failed.add(failure);
            }
            all.addAll(results);
            files.putAll(profilerTexts(point, results));
            List<BenchmarkResult> pointRows = toRows(results, point);
            rows.addAll(pointRows);
            estimatedDone += estimates[i];
            double elapsed = (System.nanoTime() - start) / 1e9;
            double left = 0;
            for (int j = i + 1; j < points.size(); j++) {
                left += estimates[j];
            }
            // Scale what is left by how the estimate has fared so far.
            double pace = estimatedDone > 0 ? elapsed / estimatedDone : 1.0;
            Duration took = seconds((System.nanoTime() - t0) / 1e9);
            if (failure != null) {
                progress.benchmarkFailed(i, point, failure, took, seconds(left * pace));
            } else {
                progress.benchmarkFinished(i, point, pointRows, took, seconds(left * pace));
            }
        }
        progress.finished(seconds((System.nanoTime() - start) / 1e9));

        String raw = format(all, ResultFormatType.JSON); // JMH's own file, written beside results.json
        jmh.resultFormat().filter(f -> f != ResultFormatType.JSON)
                .ifPresent(f -> files.put(JmhOptions.resultFileName(f), format(all, f)));
        ResultSet set = new ResultSet(RunInfos.capture(plan.profile().label()), Speedups.annotate(rows), failed);
        return new Output(set, raw, files);
    }

    /**
     * Whether the thread was interrupted: JMH takes the flag and hands the InterruptedException back
     * as the cause or a suppressed exception of its own.
     */
    private static boolean interrupted(Throwable e) {
        return Thread.currentThread().isInterrupted() || holdsInterrupt(e, 0);
    }

    private static boolean holdsInterrupt(Throwable t, int depth) {
        if (t == null || depth > 8) {
            return false;
        }
        if (t instanceof InterruptedException) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (holdsInterrupt(s, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && holdsInterrupt(t.getCause(), depth + 1);
    }

    /** Seconds a point should take: per fork, JVM start and setup (about 2 s measured here), then every iteration. */
    double estimateSeconds(BenchPoint p) {
        double perFork = 2.0;
        if (p.mode().equals("ss")) {
            perFork += (settings.warmupIterations() + settings.measurementIterations()) * 0.2;
        } else {
            perFork += settings.warmupIterations() * settings.warmupTime().toMillis() / 1000.0
                    + settings.measurementIterations() * settings.measurementTime().toMillis() / 1000.0;
        }
        return perFork * settings.forks();
    }

    /**
     * The JMH options measuring exactly this point. Threads are left to the benchmark's own
     * {@code @Threads} (JMH runs one otherwise): forcing one here made the peers suite's
     * two-thread benchmarks silently run on one.
     */
    Options options(BenchPoint point) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(point.benchmark()) + "$")
                .forks(settings.forks())
                .warmupForks(0)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.milliseconds(settings.measurementTime().toMillis()))
                .shouldFailOnError(true)
                .addProfiler(GCProfiler.class)
                .addProfiler(HeapProfiler.class)
                .timeout(TimeValue.minutes(10))
                .verbosity(VerboseMode.NORMAL);
        List<String> forkArgs = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true"));
        forkArgs.addAll(jvmArgs);
        // Set, not appended: JMH would otherwise copy the host JVM's own arguments, which in jshell
        // or a notebook kernel include a debugger agent and launcher options a fork must not get.
        options.jvmArgs(forkArgs.toArray(String[]::new));
        point.params().forEach((name, value) -> options.param(name, value));
        jmh.threads().ifPresent(options::threads);
        jmh.timeUnit().ifPresent(options::timeUnit);
        for (JmhOptions.Profiler p : jmh.profilers()) {
            if (p.name().equals("gc") && p.options().isEmpty()) {
                continue; // every run has it already
            }
            options.addProfiler(p.name(), profilerOptions(p, point));
        }
        return options.build();
    }

    /** The profiler's options, with {@code dir} set to the run folder for those that write files, unless given. */
    String profilerOptions(JmhOptions.Profiler p, BenchPoint point) {
        if (profilerOutput == null || !FILE_PROFILERS.contains(p.name()) || p.options().matches("(^|.*[;,])\\s*dir=.*")) {
            return p.options();
        }
        String dir = "dir=" + profilerOutput.resolve("profilers").resolve(fileName(point.key())).toAbsolutePath();
        return p.options().isEmpty() ? dir : p.options() + ";" + dir;
    }

    /** A key as a file name: {@code latency.knn[dim=256,k=10]} becomes {@code latency.knn-dim=256,k=10}. */
    static String fileName(String key) {
        return key.replace("[", "-").replace("]", "").replaceAll("[^A-Za-z0-9._=,-]", "_");
    }

    /** The text that profilers such as stack and jfr leave in a result, one file per profiler and point. */
    static java.util.Map<String, String> profilerTexts(BenchPoint point, Collection<RunResult> results) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (RunResult r : results) {
            r.getAggregatedResult().getSecondaryResults().forEach((label, result) -> {
                // a profiler's text (stack, jfr) has no score; numbers (gc's) are in results.json already
                String text = Double.isNaN(result.getScore()) ? result.extendedInfo() : null;
                if (text != null && !text.isBlank()) {
                    out.put("profilers/" + fileName(point.key()) + "." + fileName(label) + ".txt", text);
                }
            });
        }
        return out;
    }

    private Collection<RunResult> runPoint(BenchPoint point) {
        Options options = options(point);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(captured, jmhLog), true, StandardCharsets.UTF_8);
        synchronized (JMH_LOCK) {
            String hostClasspath = System.getProperty("java.class.path");
            // Another JMH run on a shared machine would otherwise make this one fail outright;
            // its noise is the lesser evil, and the results say which machine they came from.
            if (System.getProperty("jmh.ignoreLock") == null) {
                System.setProperty("jmh.ignoreLock", "true");
            }
            System.setProperty("java.class.path", ForkClasspath.compute());
            try {
                Collection<RunResult> results = new Runner(options,
                        OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
                if (results.isEmpty()) {
                    throw new BenchmarkFailedException(point.key(), "JMH produced no result; its output ends with:\n"
                            + JmhOutput.tail(captured.toString(StandardCharsets.UTF_8)), null);
                }
                return results;
            } catch (RunnerException | RuntimeException e) {
                if (e instanceof BenchmarkFailedException b) {
                    throw b;
                }
                throw new BenchmarkFailedException(point.key(), failure(captured.toString(StandardCharsets.UTF_8), e), e);
            } finally {
                if (hostClasspath == null) {
                    System.clearProperty("java.class.path");
                } else {
                    System.setProperty("java.class.path", hostClasspath);
                }
                out.flush();
            }
        }
    }

    /**
     * The benchmark's own exception: JMH hands it back from the fork as a suppressed exception
     * of its BenchmarkException; failing that, the line after {@code <failure>} in its output,
     * and failing that, the exception chain.
     */
    static String failure(String jmhOutput, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Throwable s : t.getSuppressed()) {
                String own = describe(rootOf(s));
                // A fork that died says only its exit code; what it printed says why.
                return own.contains("Forked VM failed") ? own + "; the fork printed:\n" + JmhOutput.tail(jmhOutput) : own;
            }
        }
        Optional<String> thrown = JmhOutput.thrown(jmhOutput);
        if (thrown.isPresent()) {
            return thrown.get();
        }
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!b.isEmpty()) {
                b.append(": ");
            }
            b.append(t.getMessage() == null ? t.getClass().getName() : t.getMessage());
        }
        return b.toString();
    }

    private static Throwable rootOf(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static String format(Collection<RunResult> results, ResultFormatType type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(type, ps).writeOut(results);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The point's rows, tagged with what its suite declares they mean. */
    private static List<BenchmarkResult> toRows(Collection<RunResult> results, BenchPoint point) {
        return JmhRuns.rows(results).stream()
                .map(r -> r.withTags(SuiteTags.of(point.suite(), r.name(), r.params())))
                .toList();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** Copies to a buffer and, if there is one, the log. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            if (b != null) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            if (b != null) {
                b.write(buf, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            if (b != null) {
                b.flush();
            }
        }
    }
}
