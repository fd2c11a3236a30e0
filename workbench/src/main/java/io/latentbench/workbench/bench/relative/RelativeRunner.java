package io.latentbench.workbench.bench.relative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.bench.BenchmarkFailedException;
import io.latentbench.workbench.bench.CoreUse;
import io.latentbench.workbench.bench.RunSettings;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.JmhJsonReader;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RowTags;
import io.latentbench.workbench.results.RunInfo;
import io.latentbench.workbench.results.relative.ForkPair;
import io.latentbench.workbench.results.relative.PairedBenchmark;
import io.latentbench.workbench.results.relative.Recheck;
import io.latentbench.workbench.results.relative.RelativeRun;
import io.latentbench.workbench.results.relative.RelativeRunJson;
import io.latentbench.workbench.results.relative.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Measures base and head in one job: for every point of the plan, {@code forks} pairs of one base
 * fork and one head fork, each fork on its own side's class path.
 *
 * <p>Duet: both forks of a pair start together, pinned to cores 0 and 1 (which one gets which
 * alternates from pair to pair), and exchange their cores every few tens of milliseconds while
 * they run ({@link CoreSwap}), so that neither side keeps the faster core for long; both run the
 * same iterations for the same time, each started together by an {@link IterationRendezvous}, so
 * iteration i of one is paired with iteration i of the other; which of the two starts first is drawn
 * from {@code seed}. In turns: both forks of a pair are alive, unpinned, and the barrier lets one
 * run each iteration while the other waits; so does a duet run the pairs of a point on several
 * threads ({@link CoreUse#THREADS}, shared only when the run's schedule is {@link Schedule#SHARED}:
 * see {@link Schedule#forThreads}) and of a point that splits each call over a pool
 * ({@link CoreUse#SPLIT}, never shared). Interleaved: the forks of a pair run one after the other,
 * unpinned, in an order drawn from {@code seed}.
 *
 * <p>Both forks of a pair start from the same memory layout, drawn anew for each pair
 * ({@link ForkLauncher#start}).
 *
 * <p>Confirmation ({@link #confirm}): a benchmark whose first pairs show a change past its
 * threshold gets fresh pairs at once, so that its verdict rests on pairs that did not select it,
 * in rounds for as long as the judge's {@link Recheck} wants more. A reference gets
 * {@link #REFERENCE_PAIRS} pairs.
 *
 * <p>Writes into {@code dir}: {@code relative.json} (both sides and the pairing), each side's
 * {@code results.json} (its forks merged, for history and tables) and each fork's JMH JSON and log
 * under {@code forks/}. A benchmark whose fork fails is listed in the file as failed, with its
 * message, and the run goes on: an hour of measurements is not lost to one benchmark.
 */
public final class RelativeRunner {

    /** Core numbers a duet pair is pinned to. */
    static final int[] DUET_CORES = {0, 1};

    private final RunSettings settings;
    private final Schedule schedule;
    private final long seed;
    private final List<String> jvmArgs;
    private List<String> jmhArgs = List.of();
    private final Consumer<String> progress;
    private Recheck recheck = Recheck.NEVER;
    private int confirmPairs;
    /** What swaps a duet pair's cores; null when the run has no duet pair or the mechanism failed. */
    private CoreAffinity affinity;

    public RelativeRunner(RunSettings settings, Schedule schedule, long seed, List<String> jvmArgs,
            Consumer<String> progress) {
        this.settings = settings;
        this.schedule = schedule;
        this.seed = seed;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.progress = progress == null ? line -> {} : progress;
    }

    /**
     * More of JMH's command line for every fork of both sides ({@code JmhOptions.forkArguments()}:
     * a thread count, a time unit).
     */
    public RelativeRunner jmhArguments(List<String> args) {
        this.jmhArgs = List.copyOf(args);
        return this;
    }

    /**
     * A confirmation stage: a benchmark whose first pairs {@code recheck} wants confirmed gets
     * {@code pairs} fresh pairs right after them (0: none).
     */
    public RelativeRunner confirm(int pairs, Recheck recheck) {
        if (pairs < 0) {
            throw new IllegalArgumentException("confirmation pairs " + pairs + " must be 0 or more");
        }
        this.confirmPairs = pairs;
        this.recheck = java.util.Objects.requireNonNull(recheck, "recheck");
        return this;
    }

    /**
     * Runs the points on both sides and writes the files into {@code dir}. A benchmark whose fork
     * fails on either side is recorded in {@link RelativeRun#failed()} and the run goes on to the
     * next (JMH's default, {@code -foe false}): the judge reports it, and the other measurements are kept.
     *
     * @throws BenchmarkFailedException when the run is interrupted, after writing what it finished
     */
    public RelativeRun run(List<Target> points, Side base, Side head, RunInfo machine, Path dir) {
        if (schedule.together() && machine.cores() < 2) {
            throw new IllegalArgumentException("the " + schedule.label() + " schedule needs two cores, this machine has "
                    + machine.cores() + "; use --schedule interleaved");
        }
        Path forkDir = dir.resolve("forks");
        try {
            Files.createDirectories(forkDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + forkDir, e);
        }
        ForkLauncher launcher = new ForkLauncher(settings, jvmArgs, jmhArgs, forkDir);
        if (schedule == Schedule.DUET && points.stream().anyMatch(p -> p.cores() == CoreUse.ONE)) {
            affinity = CoreAffinity.detect();
            progress.accept(String.format("duet pairs exchange their cores every %d ms (%s)",
                    affinity.swapPeriod().toMillis(), affinity.describe()));
        }
        try {
            return run(points, base, head, machine, dir, launcher);
        } finally {
            if (affinity != null) {
                affinity.close();
                affinity = null;
            }
        }
    }

    private RelativeRun run(List<Target> points, Side base, Side head, RunInfo machine, Path dir,
            ForkLauncher launcher) {
        Random order = new Random(seed);
        Random layouts = new Random(seed + 1);
        List<PairedBenchmark> benchmarks = new ArrayList<>();
        List<String> headOnly = new ArrayList<>();
        List<FailedBenchmark> failed = new ArrayList<>();
        ArrayNode baseJmh = new ObjectMapper().createArrayNode();
        ArrayNode headJmh = new ObjectMapper().createArrayNode();
        long start = System.nanoTime();
        String interrupted = null;
        for (int i = 0; i < points.size() && interrupted == null; i++) {
            Target point = points.get(i);
            String step = String.format("[%d/%d] %s", i + 1, points.size(), point.key());
            Sides measured = new Sides();
            PairedBenchmark b;
            String failure;
            try {
                List<ForkPair> first = pairs(launcher, order, layouts, point, base, head, 0, firstPairs(point),
                        measured);
                b = new PairedBenchmark(point.key(), point.suite(), point.method(), point.params(), measured.unit,
                        first, point.tags());
                if (confirmPairs > 0 && recheck.wanted(b)) {
                    progress.accept(String.format("%s: head/base %.3f over %d pairs, wanted again: up to %d fresh pairs"
                            + " to confirm", step, roughRatio(first), first.size(), confirmPairs));
                    b = recheck.confirm(b, confirmPairs,
                            (from, count) -> pairs(launcher, order, layouts, point, base, head, from, count, measured));
                    if (b.confirmation().size() < confirmPairs) {
                        progress.accept(String.format("%s: %d of up to %d fresh pairs, no more wanted", step,
                                b.confirmation().size(), confirmPairs));
                    }
                }
                benchmarks.add(b);
                baseJmh.add(merged(measured.base));
                headJmh.add(merged(measured.head));
                progress.accept(String.format("%s: %d %s pairs, head/base %.3f (%.0f s so far)", step,
                        b.allPairs().size(), scheduleOf(point).label(), roughRatio(b.allPairs()),
                        (System.nanoTime() - start) / 1e9));
                continue;
            } catch (ForkLauncher.ForkFailedException e) {
                if (e.missing && e.getMessage().contains("the base revision")) {
                    headOnly.add(point.key());
                    progress.accept(step + ": new in the head (the base has no such benchmark)");
                    continue;
                }
                failure = e.getMessage();
            } catch (UnitMismatchException e) {
                failure = e.getMessage();
            } catch (IOException e) {
                failure = "cannot start a fork: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = interrupted = "interrupted after " + i + " of " + points.size() + " benchmarks";
            }
            FailedBenchmark f = new FailedBenchmark(point.key(), failure);
            failed.add(f);
            progress.accept(step + ": FAILED" + (interrupted == null ? ", the run goes on: " : ": ") + f.headline());
        }
        RunInfo info = new RunInfo(Instant.now(), head.revision().commit(), machine.profile(), machine.jdk(),
                machine.cpu(), machine.cores());
        RelativeRun run = new RelativeRun(schedule, seed, base.revision(), head.revision(), info,
                settings.warmupIterations(), settings.measurementIterations(), benchmarks, headOnly, confirmPairs,
                failed);
        Path file = dir.resolve(RelativeRunJson.FILE_NAME);
        RelativeRunJson.write(run, file);
        Map<String, RowTags> tags = new HashMap<>();
        points.forEach(p -> tags.put(p.key(), p.tags()));
        writeSide(baseJmh, base, info, tags, dir.resolve("base"));
        writeSide(headJmh, head, info, tags, dir.resolve("head"));
        if (interrupted != null) {
            throw new BenchmarkFailedException(failed.getLast().key(), interrupted + "; the finished ones are in "
                    + file, null);
        }
        return run;
    }

    /** Base and head report a benchmark in different units: they measure different things. */
    private static final class UnitMismatchException extends RuntimeException {
        UnitMismatchException(String message) {
            super(message);
        }
    }

    /** What the forks of one point measured, side by side, for each side's merged results. */
    private static final class Sides {
        final List<ForkLauncher.Scores> base = new ArrayList<>();
        final List<ForkLauncher.Scores> head = new ArrayList<>();
        String unit;
    }

    /** Runs {@code count} pairs of {@code point}, numbered from {@code from}, recording every fork in {@code into}. */
    private List<ForkPair> pairs(ForkLauncher launcher, Random order, Random layouts, Target point, Side base,
            Side head, int from, int count, Sides into) throws IOException, InterruptedException {
        List<ForkPair> pairs = new ArrayList<>();
        for (int pair = from; pair < from + count; pair++) {
            int padding = layouts.nextInt(ForkLauncher.MAX_PADDING + 1);
            ForkLauncher.Scores b;
            ForkLauncher.Scores h;
            String how;
            int baseCore = -1;
            int headCore = -1;
            Schedule placement = scheduleOf(point);
            if (placement.meets()) {
                if (placement.pinned()) {
                    baseCore = DUET_CORES[pair % 2];
                    headCore = DUET_CORES[(pair + 1) % 2];
                }
                // Which fork starts first (a few milliseconds apart) is drawn from the seed, so
                // that it is not always the base: in A/A duet runs on a loaded machine one
                // benchmark came out 40 % faster on the head side twice, with the base always first.
                // From then on the barrier starts each of their iterations together, or in turns.
                int swaps = 0;
                try (IterationRendezvous barrier = placement == Schedule.TURNS
                        ? IterationRendezvous.openForTurns() : IterationRendezvous.open()) {
                    ForkLauncher.Running rb;
                    ForkLauncher.Running rh;
                    if (order.nextBoolean()) {
                        rb = launcher.start(base, point, pair, baseCore, padding, barrier);
                        rh = launcher.start(head, point, pair, headCore, padding, barrier);
                    } else {
                        rh = launcher.start(head, point, pair, headCore, padding, barrier);
                        rb = launcher.start(base, point, pair, baseCore, padding, barrier);
                    }
                    try (CoreSwap swap = affinity == null || placement != Schedule.DUET ? null
                            : CoreSwap.start(affinity, rb.process().toHandle(), baseCore, rh.process().toHandle(),
                                    headCore, this::swapFailed)) {
                        h = finishBoth(launcher, rb, rh);
                        b = launcher.finish(rb);
                        swaps = swap == null ? 0 : swap.swaps();
                    }
                    int iterations = launcher.iterations(point);
                    if (barrier.together() < iterations) {
                        progress.accept(String.format("%s, pair %d: the forks met at %d of their %d iterations,"
                                + " the others ran without waiting (see the forks' logs)", point.key(), pair,
                                barrier.together(), iterations));
                    }
                }
                how = placement == Schedule.TURNS ? ForkPair.TURNS
                        : swaps > 0 ? ForkPair.SWAPPED : placement.pinned() ? ForkPair.TOGETHER : ForkPair.SHARED;
            } else if (order.nextBoolean()) {
                b = launcher.finish(launcher.start(base, point, pair, -1, padding, null));
                h = launcher.finish(launcher.start(head, point, pair, -1, padding, null));
                how = "base-first";
            } else {
                h = launcher.finish(launcher.start(head, point, pair, -1, padding, null));
                b = launcher.finish(launcher.start(base, point, pair, -1, padding, null));
                how = "head-first";
            }
            if (!b.unit().equals(h.unit())) {
                throw new UnitMismatchException("base and head report different units (" + b.unit() + ", "
                        + h.unit() + "); a relative run compares one benchmark");
            }
            into.unit = h.unit();
            into.base.add(b);
            into.head.add(h);
            pairs.add(new ForkPair(pair, how, baseCore, headCore, b.iterations(), h.iterations()));
        }
        return pairs;
    }

    /**
     * Pairs of a reference (not our code: reported, never judged) in a run of more: enough for an
     * interval over the pairs, and for the head's results that the stored baseline and its history
     * take (where references tell whether the machine moved); the thirteen references of the quick
     * profile took four and a half minutes of a gate run at five pairs each.
     */
    public static final int REFERENCE_PAIRS = 3;

    /** The first pairs of a point: the run's forks, or {@link #REFERENCE_PAIRS} for a reference. */
    private int firstPairs(Target point) {
        return point.tags().role().isReference() ? Math.min(settings.forks(), REFERENCE_PAIRS) : settings.forks();
    }

    /** The swapping mechanism failed: said once, and the pairs after this one keep their cores. */
    private void swapFailed(String message) {
        if (affinity != null) {
            progress.accept(message + "; the pairs after this one keep their cores");
            affinity.close();
            affinity = null;
        }
    }

    /** The run's schedule, but for a point that needs more than the one core a duet gives each fork. */
    private Schedule scheduleOf(Target point) {
        return switch (point.cores()) {
            case ONE -> schedule;
            case THREADS -> schedule.forThreads();
            case SPLIT -> schedule.forSplitCalls();
        };
    }

    /** Waits for the head fork; when it fails or the wait is interrupted, the base fork of the pair is stopped too. */
    private static ForkLauncher.Scores finishBoth(ForkLauncher launcher, ForkLauncher.Running base,
            ForkLauncher.Running head) throws IOException, InterruptedException {
        try {
            return launcher.finish(head);
        } catch (RuntimeException | IOException | InterruptedException e) {
            base.process().destroyForcibly();
            base.process().onExit().join();
            throw e;
        }
    }

    private static double roughRatio(List<ForkPair> pairs) {
        double logSum = 0;
        for (ForkPair p : pairs) {
            logSum += Math.log(mean(p.head()) / mean(p.base()));
        }
        return Math.exp(logSum / pairs.size());
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** One JMH entry with every fork of a side: the first fork's entry with all forks' iterations. */
    private static JsonNode merged(List<ForkLauncher.Scores> forks) {
        ObjectNode entry = forks.getFirst().jmhEntry().deepCopy();
        entry.put("forks", forks.size());
        ObjectNode metric = (ObjectNode) entry.get("primaryMetric");
        ArrayNode raw = metric.putArray("rawData");
        double sum = 0;
        int n = 0;
        for (ForkLauncher.Scores f : forks) {
            ArrayNode fork = raw.addArray();
            for (double v : f.iterations()) {
                fork.add(v);
                sum += v;
                n++;
            }
        }
        metric.put("score", sum / n);
        metric.put("scoreError", Double.NaN);
        metric.remove("scoreConfidence");
        metric.remove("scorePercentiles");
        // Secondary metrics (gc profiler) are not collected by a relative run's forks.
        entry.putObject("secondaryMetrics");
        return entry;
    }

    /** A side's results.json, each row with the tags of the point it measured. */
    private static void writeSide(ArrayNode jmh, Side side, RunInfo info, Map<String, RowTags> tags, Path dir) {
        try {
            Files.createDirectories(dir);
            List<BenchmarkResult> rows = JmhJsonReader.read(jmh, side.role() + " forks").stream()
                    .map(r -> r.withTags(tags.getOrDefault(r.key(), r.tags())))
                    .toList();
            ResultSet set = new ResultSet(new RunInfo(info.timestamp(), side.revision().commit(), info.profile(),
                    info.jdk(), info.cpu(), info.cores()), rows);
            ResultFiles.writeResultsJson(set, dir.resolve("results.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + side.role() + " results into " + dir, e);
        }
    }
}
