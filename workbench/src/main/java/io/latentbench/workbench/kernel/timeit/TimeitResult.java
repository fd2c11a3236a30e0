package io.latentbench.workbench.kernel.timeit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@code %timeit} measured, as IPython's {@code TimeitResult} has it: {@link #loops()} calls
 * per repeat, {@link #repeat()} repeats, each repeat's total time in {@link #allRuns()}; per-loop
 * figures in seconds. Also how long the JIT warm-up before the repeats ran, and whether the repeat
 * times had settled by then.
 *
 * @param loops         calls of the body in one repeat
 * @param repeat        how many repeats were timed
 * @param allRuns       each repeat's total time, seconds
 * @param warmup        how long the warm-up ran
 * @param warmupRounds  how many warm-up rounds ran
 * @param settled       whether the last warm-up rounds agreed within {@link Timeit#SETTLED_SPREAD}
 */
public record TimeitResult(int loops, int repeat, List<Double> allRuns, Duration warmup, int warmupRounds, boolean settled) {

    public TimeitResult {
        if (loops < 1 || repeat < 1 || allRuns.size() != repeat) {
            throw new IllegalArgumentException("a timing needs loops >= 1 and one total per repeat, got loops=" + loops
                    + ", repeat=" + repeat + ", " + allRuns.size() + " totals");
        }
        allRuns = List.copyOf(allRuns);
    }

    /** Seconds per loop in each repeat. */
    public List<Double> perLoop() {
        return allRuns.stream().map(t -> t / loops).toList();
    }

    /** Mean seconds per loop over the repeats. */
    public double average() {
        return perLoop().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Standard deviation of the seconds per loop over the repeats (population, as numpy's and IPython's). */
    public double stdev() {
        double mean = average();
        double sum = 0;
        for (double t : perLoop()) {
            sum += (t - mean) * (t - mean);
        }
        return Math.sqrt(sum / repeat);
    }

    /** The fastest repeat's seconds per loop. */
    public double best() {
        return perLoop().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** The slowest repeat's seconds per loop. */
    public double worst() {
        return perLoop().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** IPython's line: {@code 205 µs ± 3.1 µs per loop (mean ± std. dev. of 7 runs, 1,000 loops each)}, and the best. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s ± %s per loop (mean ± std. dev. of %d run%s, %,d loop%s each); best %s",
                format(average()), format(stdev()), repeat, repeat == 1 ? "" : "s", loops, loops == 1 ? "" : "s", format(best()));
    }

    /** What a reader should know besides the figures: the warm-up, a suspicious spread, where JMH-grade figures come from. */
    public List<String> notes() {
        List<String> notes = new java.util.ArrayList<>();
        notes.add(String.format(Locale.ROOT, "JIT warm-up: %s in %d round%s, %s", format(warmup.toNanos() / 1e9), warmupRounds,
                warmupRounds == 1 ? "" : "s", settled
                        ? "until round times agreed within " + Math.round(Timeit.SETTLED_SPREAD * 100) + " %"
                        : "stopped at its limit before round times agreed: the figures may still include compilation"));
        if (worst() > 4 * best() && worst() > 1e-6) {
            notes.add(String.format(Locale.ROOT, "The slowest run took %.2f times longer than the fastest: a result may be cached, "
                    + "or the machine was busy.", worst() / best()));
        }
        notes.add("An in-process timing in this kernel's JVM; for forked, JMH-grade figures use Bench, "
                + "e.g. Bench.suite(\"latency\").param(\"k\", \"10\").run().");
        return notes;
    }

    /** Seconds in IPython's style: three significant digits in ns, µs, ms or s. */
    static String format(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return Double.toString(seconds);
        }
        if (seconds == 0) {
            return "0 ns";
        }
        String[] units = {"s", "ms", "µs", "ns"};
        double scaled = seconds;
        int unit = 0;
        while (unit < units.length - 1 && Math.abs(scaled) < 1) {
            scaled *= 1000;
            unit++;
        }
        return new java.math.BigDecimal(scaled).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
                + " " + units[unit];
    }
}
