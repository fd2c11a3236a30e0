package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.Units;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** One line per benchmark: position, key, score, and an estimate of the time left. */
public final class ConsoleProgress implements ProgressListener {

    private final PrintStream fixed;
    private int total;

    /** Prints to the given stream. */
    public ConsoleProgress(PrintStream out) {
        this.fixed = out;
    }

    /**
     * Prints to whatever {@code System.out} is at the time of each line: a notebook kernel swaps
     * it per cell, and a run may start in a later cell than the one that configured it.
     */
    public ConsoleProgress() {
        this.fixed = null;
    }

    private PrintStream out() {
        return fixed != null ? fixed : System.out;
    }

    @Override
    public void started(BenchPlan plan, Duration estimate) {
        total = plan.points().size();
        String shard = plan.shard().count() > 1
                ? " (shard " + plan.shard() + " of a " + plan.totalSize() + "-benchmark plan)" : "";
        PrintStream out = out();
        out.printf("latentbench: %d benchmarks, profile %s%s, about %s%n", total, plan.profile().label(), shard,
                human(estimate));
        out.flush();
    }

    @Override
    public void benchmarkFinished(int index, BenchPoint point, List<BenchmarkResult> rows, Duration took,
            Duration remaining) {
        String score = rows.isEmpty() ? "no result"
                : Units.number(rows.get(0).primary().score()) + " \u00b1 " + Units.number(rows.get(0).primary().error())
                        + " " + rows.get(0).unit();
        line(index, point, score, took, remaining);
    }

    @Override
    public void benchmarkFailed(int index, BenchPoint point, FailedBenchmark failure, Duration took,
            Duration remaining) {
        line(index, point, "FAILED, the run goes on: " + failure.headline(), took, remaining);
    }

    private void line(int index, BenchPoint point, String outcome, Duration took, Duration remaining) {
        PrintStream out = out();
        String width = Integer.toString(total).length() + "";
        out.printf("[%" + width + "d/%d] %-60s %s  (%s, %s left)%n", index + 1, total, point.key(), outcome,
                human(took), human(remaining));
        out.flush();
    }

    @Override
    public void finished(Duration took) {
        PrintStream out = out();
        out.printf("latentbench: done in %s%n", human(took));
        out.flush();
    }

    static String human(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }
}
