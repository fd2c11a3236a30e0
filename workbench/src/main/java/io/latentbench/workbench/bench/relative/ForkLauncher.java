package io.latentbench.workbench.bench.relative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.bench.JmhOutput;
import io.latentbench.workbench.bench.RunSettings;
import io.latentbench.workbench.bench.SlowWarmup;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fork of one side: a JVM on that side's class path running JMH's own command line
 * for exactly one point, measured in that JVM, optionally pinned to a core with {@code taskset}.
 * Each writes its JMH JSON and log into the run's directory.
 *
 * <p>The JVM started here is the fork ({@code -f 0}, with what JMH's fork would get: the compiler hints,
 * {@link ForkHints}, and the arguments the benchmark's {@code @Fork} declares, {@link DeclaredJvmArgs}):
 * with {@code -f 1} it would only start JMH's forked JVM and wait for it. That
 * cost a second per fork on a core of a 2-core AMD EPYC host (a pinned fork of a knn point, 3 + 3
 * iterations of 400 ms: 4.3-5.0 s with JMH forking, 3.6-3.7 s measuring in place); relative runs of
 * the five distance_comparison knn points took a fifth less time.
 */
final class ForkLauncher {

    /** A fork under way. */
    record Running(Side side, Target point, Process process, Path json, Path log) {}

    /** What a finished fork measured: its unit and its measurement iterations, in order. */
    record Scores(String unit, List<Double> iterations, JsonNode jmhEntry) {}

    /** A fork that exited with an error; {@code missing}: the side has no such benchmark. */
    static final class ForkFailedException extends RuntimeException {
        final boolean missing;

        ForkFailedException(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }
    }

    private final RunSettings settings;
    private final List<String> jvmArgs;
    private final List<String> jmhArgs;
    private final Path dir;
    /** The iteration barrier's jar, written on first use. */
    private Path barrierJar;
    /** Files of compiler commands the JVM arguments named: their lines join each side's hints. */
    private final List<Path> userHints;
    /** What each side's benchmarks declare for their forks, by role, read when its hints are written. */
    private final Map<String, DeclaredJvmArgs> declared = new HashMap<>();

    /** {@code jmhArgs}: more of JMH's command line for every fork, such as {@code -t 2}. */
    ForkLauncher(RunSettings settings, List<String> jvmArgs, List<String> jmhArgs, Path dir) {
        this.settings = settings;
        this.jvmArgs = ForkHints.without(jvmArgs);
        this.userHints = ForkHints.named(jvmArgs);
        this.jmhArgs = List.copyOf(jmhArgs);
        this.dir = dir;
    }

    /**
     * Largest padding of a pair's layout, in characters: past the 4 KiB of a page, so that every
     * alignment of the heap and the stack a fork can start from is drawn.
     */
    static final int MAX_PADDING = 4096;

    /**
     * What a pinned fork's JVM gets so that its JIT compiler has the core to itself while it compiles
     * (the benchmark thread waits for each compilation instead of running on in the interpreter or
     * C1 code beside it). A pinned fork shares its one core with its compiler threads, and on a 2-core
     * AMD EPYC host (AVX2) the Vector API kernels of knn were still compiling after the quick profile's
     * three warm-up iterations: the first measured iteration of 14 of 26 forks of one knn point was
     * 1.3-5 times its last, and the pairs' log ratios of the five distance_comparison knn points spread
     * 8.9 % and 16.3 % (median over the points, A/A, 8 duet pairs, two runs). With it, in runs
     * alternating with those, 5.9-7.1 % (four runs); hyperbolic, compute-bound, 1.6-3.0 % against 8.5-8.9 %.
     * The flag changes when code is compiled, not what: settled iterations were alike with and without it.
     */
    static final String COMPILE_IN_FOREGROUND = "-Xbatch";

    /**
     * The command of one fork; {@code declared}: the JVM arguments the point's {@code @Fork} declares on
     * that side ({@link DeclaredJvmArgs}); {@code core} -1 leaves it unpinned. {@code padding} characters of a
     * system property shift where the fork's heap starts filling: see {@link #start}. {@code barrier},
     * when not null, is the {@link IterationRendezvous#profilerOption} of the pair's meeting, and
     * {@code barrierJar} the jar that carries it.
     */
    List<String> command(Side side, Target point, List<String> declared, int core, Path json, int padding, String barrier,
            Path barrierJar) {
        List<String> c = new ArrayList<>();
        if (core >= 0) {
            c.addAll(List.of("taskset", "-c", Integer.toString(core)));
        }
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (core >= 0) {
            c.add(COMPILE_IN_FOREGROUND);
        }
        // the Vector API, and quiet Unsafe warnings on JDK 23+
        c.add("--add-modules=jdk.incubator.vector");
        c.add("-Djava.awt.headless=true");
        c.add("-Dlatentbench.layout=" + "x".repeat(padding));
        if (Runtime.version().feature() >= 23) {
            c.add("--sun-misc-unsafe-memory-access=allow");
        }
        // The two forks of a duet pair run at the same time; JMH's lock would make one of them fail.
        c.add("-Djmh.ignoreLock=true");
        c.addAll(ForkHints.jvmFlags(hints(side)));
        c.addAll(declared);
        c.addAll(jvmArgs);
        String classpath = barrier == null ? side.classpath() : barrierJar + File.pathSeparator + side.classpath();
        c.addAll(List.of("-cp", classpath, "org.openjdk.jmh.Main",
                point.include(),
                "-f", "0",
                "-wi", Integer.toString(warmupIterations(point)),
                "-w", settings.warmupTime().toMillis() + "ms",
                "-i", Integer.toString(settings.measurementIterations()),
                "-r", settings.measurementTime().toMillis() + "ms",
                "-foe", "true", "-rf", "json", "-rff", json.toString()));
        if (barrier != null) {
            c.addAll(List.of("-prof", barrier));
        }
        c.addAll(jmhArgs);
        for (Map.Entry<String, String> p : point.params().entrySet()) {
            c.addAll(List.of("-p", p.getKey() + "=" + p.getValue()));
        }
        return c;
    }

    /** Where the {@link ForkHints} of a side are written, once per run. */
    private Path hints(Side side) {
        return dir.resolve(side.role() + "-compiler-hints.txt");
    }

    /** The warm-up iterations of a point's forks: {@link SlowWarmup#FACTOR} times the run's for one that warms slowly. */
    int warmupIterations(Target point) {
        return point.slowWarmup() ? SlowWarmup.FACTOR * settings.warmupIterations() : settings.warmupIterations();
    }

    /** How many iterations a fork of the point runs, warm-up included. */
    int iterations(Target point) {
        return warmupIterations(point) + settings.measurementIterations();
    }

    /**
     * Starts a fork. Both forks of a pair get the same {@code padding}, drawn anew for each pair, as
     * a system property and an environment variable: where a JVM's arrays and stack start decides
     * their alignment, and alignment alone moved some benchmarks by 8-20 % from one JVM to the next
     * (setup randomization, after Mytkowicz et al., "Producing Wrong Data Without Doing Anything
     * Obviously Wrong!", ASPLOS 2009). Drawn per pair, such a bias becomes noise the pairs average.
     * It moves what the JVM's first threads allocate and the stack, not the arrays a benchmark's own
     * thread allocates in its setup (they fill that thread's own buffer): forks given the same
     * padding ran a small dot product at 13 and 17 ns. A benchmark whose time rests on its arrays'
     * alignment pins it ({@code -XX:ObjectAlignmentInBytes=64} in its {@code @Fork}, as the pair kernels
     * do), which reaches the fork through {@link DeclaredJvmArgs}.
     */
    Running start(Side side, Target point, int pair, int core, int padding, IterationRendezvous barrier)
            throws IOException {
        String stem = side.role() + "-" + safe(point.key()) + "-pair" + pair;
        Path json = dir.resolve(stem + ".json");
        Path log = dir.resolve(stem + ".log");
        Files.deleteIfExists(json);
        if (!declared.containsKey(side.role())) {
            ForkHints.write(side, userHints, hints(side));
            declared.put(side.role(), DeclaredJvmArgs.of(side));
        }
        if (barrier != null && barrierJar == null) {
            barrierJar = IterationRendezvous.writeJar(dir);
        }
        ProcessBuilder pb = new ProcessBuilder(command(side, point,
                declared.get(side.role()).of(point, !jvmArgs.isEmpty()), core, json, padding,
                barrier == null ? null : barrier.profilerOption(), barrierJar)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("LATENTBENCH_LAYOUT", "x".repeat(padding));
        Process p = pb.start();
        return new Running(side, point, p, json, log);
    }

    Scores finish(Running r) throws IOException, InterruptedException {
        boolean ended;
        try {
            ended = r.process().waitFor(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            // a fork left running would hold its core and skew whatever is measured next
            r.process().destroyForcibly();
            r.process().onExit().join();
            throw e;
        }
        if (!ended) {
            r.process().destroyForcibly();
            throw new ForkFailedException(r.side().role() + " fork of " + r.point().key() + " ran over 30 minutes; log: "
                    + r.log(), false);
        }
        String log = Files.readString(r.log(), StandardCharsets.UTF_8);
        if (log.contains("No matching benchmarks")) {
            throw new ForkFailedException("the " + r.side().role() + " revision " + r.side().revision().revision()
                    + " has no benchmark " + r.point().key(), true);
        }
        if (r.process().exitValue() != 0 || !Files.isRegularFile(r.json())) {
            // the first line says why (the message's first line is what the verdict shows)
            throw new ForkFailedException("the " + r.side().role() + " fork of " + r.point().key() + " ("
                    + r.side().revision().revision() + ") failed with exit status " + r.process().exitValue()
                    + JmhOutput.thrown(log).map(t -> ": " + t).orElse("") + "; its log " + r.log() + " ends with:\n"
                    + JmhOutput.tail(log), false);
        }
        JsonNode root = new ObjectMapper().readTree(r.json().toFile());
        if (!root.isArray() || root.isEmpty()) {
            throw new ForkFailedException("the " + r.side().role() + " fork of " + r.point().key()
                    + " wrote no result" + JmhOutput.thrown(log).map(t -> ": " + t).orElse("") + "; its log: "
                    + r.log(), false);
        }
        JsonNode entry = root.get(0);
        JsonNode metric = entry.path("primaryMetric");
        List<Double> iterations = new ArrayList<>();
        for (JsonNode v : metric.path("rawData").path(0)) {
            iterations.add(v.asDouble());
        }
        if (iterations.isEmpty()) {
            throw new ForkFailedException("the " + r.side().role() + " fork of " + r.point().key()
                    + " reported no iterations (rawData); its JSON: " + r.json(), false);
        }
        return new Scores(metric.path("scoreUnit").asText(), iterations, entry);
    }

    private static String safe(String key) {
        return key.replaceAll("[^A-Za-z0-9._=-]+", "_");
    }
}
