package io.latentbench.workbench.bench.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The cores of a duet pair's forks exchanged while they run, on real processes. */
class CoreSwapTest {

    /** Records what it was asked to pin, and can be made to fail from a given call on. */
    private static final class Recording implements CoreAffinity {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile int failFrom = Integer.MAX_VALUE;

        @Override
        public int pin(List<Long> pids, int core) throws IOException {
            if (calls.size() >= failFrom) {
                throw new IOException("helper gone");
            }
            calls.add(pids.size() == 1 ? pids.getFirst() + "->" + core : pids + "->" + core);
            return pids.size();
        }

        @Override
        public Duration swapPeriod() {
            return Duration.ofMillis(20);
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public void close() {}
    }

    private static Process sleeper(String seconds) throws IOException {
        return new ProcessBuilder("sleep", seconds).start();
    }

    @Test
    void theTwoForksExchangeTheirCoresUntilOneEnds() throws Exception {
        Recording affinity = new Recording();
        Process a = sleeper("0.5");
        Process b = sleeper("30");
        List<String> warnings = new ArrayList<>();
        int swaps;
        try (CoreSwap swap = CoreSwap.start(affinity, a.toHandle(), 0, b.toHandle(), 1, warnings::add)) {
            a.waitFor();
            Thread.sleep(100);
            swaps = swap.swaps();
        } finally {
            b.destroyForcibly();
        }
        // 500 ms at a 20 ms period, on a machine that may be busy: several swaps, far fewer than 100
        assertThat(swaps).isBetween(4, 30);
        assertThat(affinity.calls).hasSize(2 * swaps);
        for (int i = 0; i < swaps; i++) {
            // first swap: a (started on 0) goes to 1, b to 0; then back, and so on; which of the two
            // moves first alternates, so that neither always arrives on a core the other still holds
            int aCore = i % 2 == 0 ? 1 : 0;
            String aMove = a.pid() + "->" + aCore;
            String bMove = b.pid() + "->" + (1 - aCore);
            assertThat(affinity.calls.subList(2 * i, 2 * i + 2))
                    .containsExactly(i % 2 == 0 ? new String[] {aMove, bMove} : new String[] {bMove, aMove});
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aFailingMechanismStopsTheSwappingAndSaysSoOnce() throws Exception {
        Recording affinity = new Recording();
        affinity.failFrom = 4;
        Process a = sleeper("30");
        Process b = sleeper("30");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try (CoreSwap swap = CoreSwap.start(affinity, a.toHandle(), 1, b.toHandle(), 0, warnings::add)) {
            Thread.sleep(400);
            assertThat(swap.swaps()).isEqualTo(2);
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        assertThat(affinity.calls).hasSize(4);
        assertThat(warnings).singleElement().asString().contains("stopped swapping cores").contains("helper gone");
    }

    @Test
    void aForkMovesWithTheProcessesItStarted() throws Exception {
        // as JMH's forked JVM is started by our launch of JMH: the parent and its child move together
        Recording affinity = new Recording();
        Process parent = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        Process other = sleeper("30");
        try {
            long child = 0;
            for (int i = 0; i < 100 && child == 0; i++) {
                child = parent.toHandle().children().mapToLong(ProcessHandle::pid).findFirst().orElse(0);
                Thread.sleep(10);
            }
            assertThat(child).as("the shell's sleep").isPositive();
            try (CoreSwap swap = CoreSwap.start(affinity, parent.toHandle(), 0, other.toHandle(), 1, w -> {})) {
                Thread.sleep(150);
            }
            assertThat(affinity.calls).contains(List.of(parent.pid(), child) + "->1", other.pid() + "->0");
        } finally {
            parent.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
            other.destroyForcibly();
        }
    }

    @Test
    void aSwapNeedsTwoCores() throws Exception {
        Process a = sleeper("5");
        try {
            assertThatThrownBy(() -> CoreSwap.start(new Recording(), a.toHandle(), 1, a.toHandle(), 1, w -> {}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1 twice");
        } finally {
            a.destroyForcibly();
        }
    }

    /** The core list the kernel holds for every thread of a process. */
    private static List<String> allowedCores(long pid) throws IOException {
        List<String> cores = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                for (String line : Files.readAllLines(task.resolve("status"))) {
                    if (line.startsWith("Cpus_allowed_list:")) {
                        cores.add(line.substring(line.indexOf(':') + 1).strip());
                    }
                }
            }
        }
        return cores;
    }

    /**
     * Every thread of this test's JVM (many) onto core 1 and back; a sleeper between the cores; a
     * process that has exited skipped, not an error.
     */
    private static void movesEveryThread(CoreAffinity affinity) throws Exception {
        long self = ProcessHandle.current().pid();
        List<String> before = allowedCores(self);
        assertThat(before.size()).as("threads of this JVM").isGreaterThan(5);
        try {
            assertThat(affinity.pin(List.of(self), 1)).isEqualTo(1);
            assertThat(allowedCores(self)).containsOnly("1");
        } finally {
            affinity.pin(List.of(self), -1);
        }
        assertThat(allowedCores(self)).isEqualTo(before);

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process sleeper = sleeper("30");
        try {
            for (int core : new int[] {1, 0, 1}) {
                assertThat(affinity.pin(List.of(gone.pid(), sleeper.pid()), core)).isEqualTo(1);
                assertThat(allowedCores(sleeper.pid())).containsOnly(Integer.toString(core));
            }
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void theResidentPythonMovesEveryThread() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "two cores to move between");
        try (CoreAffinity affinity = CoreAffinity.ResidentPython.start()) {
            assertThat(affinity.swapPeriod()).isEqualTo(Duration.ofMillis(50));
            movesEveryThread(affinity);
        }
    }

    @Test
    void tasksetMovesEveryThread() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "two cores to move between");
        try (CoreAffinity affinity = new CoreAffinity.Taskset()) {
            assertThat(affinity.swapPeriod()).isEqualTo(Duration.ofMillis(250));
            movesEveryThread(affinity);
        }
    }

    @Test
    void theHelperIsChosenOnceAndSaysWhichItIs() {
        try (CoreAffinity affinity = CoreAffinity.detect()) {
            // python3 is on every machine the tests run on (Jupyter needs it)
            assertThat(affinity).isInstanceOf(CoreAffinity.ResidentPython.class);
            assertThat(affinity.describe()).contains("python3");
        }
    }

    /**
     * How much more of a periodic load on core 0 (busy the first half of every 100 ms, from a phase)
     * falls on the fork that starts there than on its twin, over a 3 s fork whose cores are
     * exchanged at the times {@code intervals} gives, as a fraction of the fork's time.
     */
    private static double imbalance(double phaseMs, java.util.function.LongSupplier intervalsMicros) {
        long forkMicros = 3_000_000;
        long hogPeriod = 100_000;
        long hogBusy = 50_000;
        long step = 100;
        long nextSwap = intervalsMicros.getAsLong();
        boolean firstOnCoreZero = true;
        long first = 0;
        long second = 0;
        for (long t = 0; t < forkMicros; t += step) {
            if (t >= nextSwap) {
                firstOnCoreZero = !firstOnCoreZero;
                nextSwap += intervalsMicros.getAsLong();
            }
            if (Math.floorMod(t - (long) (phaseMs * 1000), hogPeriod) < hogBusy) {
                if (firstOnCoreZero) {
                    first += step;
                } else {
                    second += step;
                }
            }
        }
        return (first - second) / (double) forkMicros;
    }

    @Test
    void swapsAtDrawnIntervalsShareAPeriodicLoadOutBetweenTheTwoForks() {
        long period = Duration.ofMillis(50).toNanos();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            long interval = CoreSwap.interval(period, random);
            assertThat(interval).isBetween(period / 2, period * 3 / 2);
            sum += interval;
        }
        assertThat(sum / 10_000.0 / period).as("the period on average").isBetween(0.98, 1.02);

        // at a fixed period the load's phase decides which fork it falls on; at drawn intervals
        // both forks get nearly the same share of it, whatever the phase
        java.util.SplittableRandom phases = new java.util.SplittableRandom(11);
        double[] fixed = new double[100];
        double[] drawn = new double[100];
        for (int i = 0; i < fixed.length; i++) {
            double phase = phases.nextDouble(100);
            fixed[i] = imbalance(phase, () -> period / 1000);
            java.util.SplittableRandom r = new java.util.SplittableRandom(i);
            drawn[i] = imbalance(phase, () -> CoreSwap.interval(period, r) / 1000);
        }
        double fixedSd = sd(fixed);
        double drawnSd = sd(drawn);
        assertThat(fixedSd).as("fixed period").isGreaterThan(0.2);
        assertThat(drawnSd).as("drawn intervals, against %.3f fixed", fixedSd).isLessThan(fixedSd / 3);
    }

    private static double sd(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    }
}
