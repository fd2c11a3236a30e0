package io.latentbench.workbench.bench.relative;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Exchanges the cores of a duet pair's two forks over and over while both run, so that each
 * fork spends about half of every iteration on each core.
 *
 * <p>Why: on a shared machine the two cores are not equally fast, and not for long. In a quiet
 * gate run the memory-bound benchmarks ran 6-30 % slower on one core than on the other, the
 * sign and size changing over the run; compute-bound ones 1 %. Swapping the cores from one pair
 * to the next cancels that only where it held still across pairs, and the rest entered the pairs'
 * spread (a median of 10.9 % over the run's benchmarks, 7.9 % with the orientations told apart).
 * Swapping within the pair, every {@link CoreAffinity#swapPeriod()}, cancels it inside each
 * iteration, whatever it does from one pair to the next.
 *
 * <p>The time between two swaps is drawn anew each time, from half to one and a half of the period
 * ({@link #interval}): at a fixed period the swaps kept step with another tenant's load of the same
 * rhythm (in an A/A gate run beside a loop busy 50 ms of every 100 ms, the pairs' log ratios spread
 * 16 % in the median, 3 % on a quiet machine), so that the load fell on one fork of a pair more than
 * on the other by the phase the two happened to have.
 *
 * <p>A fork is a process tree (its JVM, and any process a benchmark starts: a Python peer): each swap
 * moves the whole tree. Stops when either fork ends.
 */
final class CoreSwap implements AutoCloseable {

    private final CoreAffinity affinity;
    private final ProcessHandle first;
    private final ProcessHandle second;
    private final int[] cores;
    private final Consumer<String> warnings;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile int swaps;

    private CoreSwap(CoreAffinity affinity, ProcessHandle first, ProcessHandle second, int[] cores,
            Consumer<String> warnings) {
        this.affinity = affinity;
        this.first = first;
        this.second = second;
        this.cores = cores.clone();
        this.warnings = warnings;
        this.thread = Thread.ofPlatform().daemon().name("core-swap-" + first.pid() + "-" + second.pid())
                .unstarted(this::loop);
    }

    /**
     * Starts swapping: {@code first} was started on {@code firstCore}, {@code second} on
     * {@code secondCore}; a failure of the mechanism stops the swapping and is reported once to
     * {@code warnings}.
     */
    static CoreSwap start(CoreAffinity affinity, ProcessHandle first, int firstCore, ProcessHandle second,
            int secondCore, Consumer<String> warnings) {
        if (firstCore == secondCore) {
            throw new IllegalArgumentException("a swap needs two different cores, got " + firstCore + " twice");
        }
        CoreSwap swap = new CoreSwap(affinity, first, second, new int[] {firstCore, secondCore}, warnings);
        swap.thread.start();
        return swap;
    }

    /** How many times the two forks exchanged their cores. */
    int swaps() {
        return swaps;
    }

    /**
     * Swaps between looks at the process trees: listing a tree reads every process's status from
     * /proc (a millisecond or two of the runner's CPU, on one of the forks' cores), and a tree
     * changes only when a benchmark starts a child (a Python peer).
     */
    static final int SWAPS_PER_LOOK = 10;

    /**
     * The time to the next swap: {@code periodNanos} times a factor drawn uniformly from [0.5, 1.5),
     * so the swaps keep the period on average and no step with any other rhythm for long.
     */
    static long interval(long periodNanos, RandomGenerator random) {
        return (long) (periodNanos * (0.5 + random.nextDouble()));
    }

    private void loop() {
        long periodNanos = affinity.swapPeriod().toNanos();
        RandomGenerator random = new SplittableRandom(first.pid() * 31 + second.pid());
        long next = System.nanoTime() + interval(periodNanos, random);
        List<Long> firstTree = List.of();
        List<Long> secondTree = List.of();
        while (!stopped && first.isAlive() && second.isAlive()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return;
                }
            }
            next += interval(periodNanos, random);
            if (stopped) {
                return;
            }
            // The swap count says it all: a failed swap ends the loop, so every attempt before this one counted.
            if (swaps % SWAPS_PER_LOOK == 0) {
                firstTree = tree(first);
                secondTree = tree(second);
            }
            try {
                // Even swaps send the first fork to the second core, odd ones bring it back. For a moment
                // both forks share a core; which of them arrives there first alternates with it.
                if (swaps % 2 == 0) {
                    affinity.pin(firstTree, cores[1]);
                    affinity.pin(secondTree, cores[0]);
                } else {
                    affinity.pin(secondTree, cores[1]);
                    affinity.pin(firstTree, cores[0]);
                }
                swaps++;
            } catch (IOException e) {
                if (stopped) {
                    return;
                }
                warnings.accept("the forks of a duet pair stopped swapping cores: " + e.getMessage());
                return;
            }
        }
    }

    /** The process and every process it started, as they are now. */
    private static List<Long> tree(ProcessHandle root) {
        List<Long> pids = new ArrayList<>();
        pids.add(root.pid());
        root.descendants().forEach(d -> pids.add(d.pid()));
        return pids;
    }

    /** Stops swapping and waits for the last swap to end. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
