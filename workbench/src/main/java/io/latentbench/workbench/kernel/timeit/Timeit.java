package io.latentbench.workbench.kernel.timeit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * IPython's {@code %timeit} for Java cells: the body runs {@code loops} times per repeat
 * ({@value #AUTO_TARGET_SECONDS} s at least when the count is automatic, IPython's rule of 1, 2, 5,
 * 10, 20, 50... loops), {@value #DEFAULT_REPEAT} repeats by default, reported as mean ± std and best
 * per loop.
 *
 * <p>Unlike IPython, a JIT warms the code up first: rounds of about {@value #WARMUP_ROUND_SECONDS} s
 * run until the last {@value #SETTLED_ROUNDS} agree within {@link #SETTLED_SPREAD} (or
 * {@link #MAX_WARMUP} has passed), so that the first repeats do not time the interpreter or the
 * compiler. It is still one JVM, one JIT history: {@code Bench} forks JVMs for figures to compare.
 *
 * <p>From a cell: {@code timeit(() -> space.knn(q, 10))}, or {@code timeit(100, 7, () -> ...)}.
 */
public final class Timeit {

    /** A timed body that returns a value: the value is consumed so that the JIT cannot drop the work. */
    @FunctionalInterface
    public interface Body {
        Object run() throws Exception;
    }

    /** A timed body of statements. */
    @FunctionalInterface
    public interface VoidBody {
        void run() throws Exception;
    }

    public static final int DEFAULT_REPEAT = 7;
    public static final double AUTO_TARGET_SECONDS = 0.2;
    public static final double WARMUP_ROUND_SECONDS = 0.05;
    public static final int SETTLED_ROUNDS = 3;
    /** The largest (max - min) / min of the last warm-up rounds' per-loop times that counts as settled. */
    public static final double SETTLED_SPREAD = 0.10;
    public static final Duration MAX_WARMUP = Duration.ofSeconds(10);

    /** Read on every call, written never: comparing a result with it keeps the result alive, as JMH's Blackhole does. */
    private static volatile Object sentinel = new Object();
    @SuppressWarnings("unused")
    private static volatile Object sink;

    private final LongSupplier clock;
    private final Duration maxWarmup;

    /** A timer on a given nanosecond clock: the tests' way to check the arithmetic without timing anything. */
    Timeit(LongSupplier clock, Duration maxWarmup) {
        this.clock = clock;
        this.maxWarmup = maxWarmup;
    }

    private static Timeit system() {
        return new Timeit(System::nanoTime, MAX_WARMUP);
    }

    public static TimeitResult timeit(Body body) {
        return timeit(0, DEFAULT_REPEAT, body);
    }

    public static TimeitResult timeit(VoidBody body) {
        return timeit(0, DEFAULT_REPEAT, body);
    }

    /**
     * @param loops  calls per repeat, or 0 to choose them as IPython does
     * @param repeat how many repeats to time (at least 1)
     */
    public static TimeitResult timeit(int loops, int repeat, Body body) {
        return system().measure(loops, repeat, body);
    }

    public static TimeitResult timeit(int loops, int repeat, VoidBody body) {
        return system().measure(loops, repeat, () -> {
            body.run();
            return null;
        });
    }

    TimeitResult measure(int loops, int repeat, Body body) {
        if (loops < 0) {
            throw new IllegalArgumentException("loops must be >= 1, or 0 for an automatic count; got " + loops);
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be >= 1; got " + repeat);
        }
        try {
            return measureChecked(loops, repeat, body);
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    private TimeitResult measureChecked(int loops, int repeat, Body body) throws Exception {
        long warmStart = clock.getAsLong();
        // warm-up rounds of about WARMUP_ROUND_SECONDS each, sized like IPython's automatic count
        int roundLoops = autoLoops(body, WARMUP_ROUND_SECONDS);
        List<Double> perLoop = new ArrayList<>();
        boolean settled = false;
        while (!settled && clock.getAsLong() - warmStart < maxWarmup.toNanos()) {
            checkInterrupted();
            perLoop.add(time(body, roundLoops) / roundLoops);
            settled = settled(perLoop);
        }
        Duration warmup = Duration.ofNanos(clock.getAsLong() - warmStart);
        int number = loops > 0 ? loops : loopsFor(perLoop.isEmpty() ? Double.NaN : perLoop.getLast(), AUTO_TARGET_SECONDS);
        List<Double> runs = new ArrayList<>(repeat);
        for (int r = 0; r < repeat; r++) {
            checkInterrupted();
            runs.add(time(body, number) / 1e9);
        }
        return new TimeitResult(number, repeat, runs, warmup, perLoop.size(), settled);
    }

    static boolean settled(List<Double> perLoop) {
        if (perLoop.size() < SETTLED_ROUNDS) {
            return false;
        }
        List<Double> last = perLoop.subList(perLoop.size() - SETTLED_ROUNDS, perLoop.size());
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return min > 0 ? (max - min) / min <= SETTLED_SPREAD : max == min;
    }

    /** IPython's automatic count: the first of 1, 2, 5, 10, 20, 50... whose run takes at least the target. */
    private int autoLoops(Body body, double targetSeconds) throws Exception {
        for (int scale = 1; ; scale *= 10) {
            for (int base : new int[] {1, 2, 5}) {
                int number = base * scale;
                checkInterrupted();
                if (time(body, number) >= targetSeconds * 1e9 || number >= 500_000_000) {
                    return number;
                }
            }
        }
    }

    /** The same count from a per-loop time already known (the settled warm-up's). */
    static int loopsFor(double perLoopNanos, double targetSeconds) {
        if (!(perLoopNanos > 0)) {
            return 1;
        }
        for (long scale = 1; ; scale *= 10) {
            for (int base : new int[] {1, 2, 5}) {
                long number = base * scale;
                if (number * perLoopNanos >= targetSeconds * 1e9 || number >= 500_000_000L) {
                    return (int) number;
                }
            }
        }
    }

    /** Nanoseconds for {@code number} calls. */
    private double time(Body body, int number) throws Exception {
        Object guard = sentinel;
        long start = clock.getAsLong();
        for (int i = 0; i < number; i++) {
            Object value = body.run();
            if (value == guard) {
                sink = value; // never true: the comparison alone keeps the value
            }
        }
        return clock.getAsLong() - start;
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("timeit was interrupted");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
