package io.latentbench.workbench.bench.relative;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Moves running processes, every thread of each, onto one core: how a duet pair's forks change
 * cores while they run ({@link CoreSwap}). Chosen once per run ({@link #detect}): a resident
 * {@code python3} that makes the {@code sched_setaffinity} calls itself (a tenth of a millisecond
 * per process), else {@code taskset} started for each process (about 8 ms of CPU each, so a duet
 * swaps five times less often).
 */
interface CoreAffinity extends AutoCloseable {

    /**
     * Puts every thread of each process on {@code core} (-1: back on every core the run may use); a
     * process that has exited meanwhile is skipped. Returns the number of processes moved.
     *
     * @throws IOException when the mechanism itself fails (the helper died, taskset is missing)
     */
    int pin(List<Long> pids, int core) throws IOException;

    /**
     * How often a duet pair swaps cores with this mechanism, for a cost both forks share alike: about
     * 0.4 % of a core with the resident python3, about 6 % with taskset.
     */
    Duration swapPeriod();

    /** What moves the threads, for the run's progress line. */
    String describe();

    @Override
    void close();

    /** The resident helper when {@code python3} starts, else {@code taskset}. */
    static CoreAffinity detect() {
        try {
            return ResidentPython.start();
        } catch (IOException e) {
            return new Taskset();
        }
    }

    /** One {@code python3} for the whole run, reading "core pid..." lines and answering with the processes it moved. */
    final class ResidentPython implements CoreAffinity {

        private static final String SCRIPT = """
                import os, sys
                every = os.sched_getaffinity(0)
                for line in sys.stdin:
                    core, *pids = line.split()
                    cores = every if core == '-1' else {int(core)}
                    moved = 0
                    for pid in pids:
                        try:
                            tids = os.listdir('/proc/%s/task' % pid)
                        except OSError:
                            continue
                        hit = False
                        for tid in tids:
                            try:
                                os.sched_setaffinity(int(tid), cores)
                                hit = True
                            except OSError:
                                pass
                        moved += hit
                    print(moved, flush=True)
                """;

        private final Process process;
        private final Writer in;
        private final BufferedReader out;

        private ResidentPython(Process process) {
            this.process = process;
            this.in = process.outputWriter(StandardCharsets.US_ASCII);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        }

        static ResidentPython start() throws IOException {
            Process p = new ProcessBuilder("python3", "-u", "-c", SCRIPT).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            ResidentPython helper = new ResidentPython(p);
            // A helper that cannot set its own threads' affinity (no such call, no permission) is no helper.
            if (helper.pin(List.of(p.pid()), -1) < 1) {
                helper.close();
                throw new IOException("python3 could not set the affinity of its own threads");
            }
            return helper;
        }

        @Override
        public synchronized int pin(List<Long> pids, int core) throws IOException {
            in.write(core + " " + pids.stream().map(String::valueOf).collect(Collectors.joining(" ")) + "\n");
            in.flush();
            String answer = out.readLine();
            if (answer == null) {
                throw new IOException("the python3 affinity helper exited (status "
                        + (process.isAlive() ? "running" : process.exitValue()) + ")");
            }
            try {
                return Integer.parseInt(answer.strip());
            } catch (NumberFormatException e) {
                throw new IOException("the python3 affinity helper answered '" + answer + "', expected a count", e);
            }
        }

        @Override
        public Duration swapPeriod() {
            return Duration.ofMillis(50);
        }

        @Override
        public String describe() {
            return "python3's sched_setaffinity";
        }

        @Override
        public void close() {
            try {
                in.close();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (IOException e) {
                kill();
            } catch (InterruptedException e) {
                kill(); // closing an interrupted run
                Thread.currentThread().interrupt();
            }
        }

        /** Stops the helper; it is gone when this returns, so nothing of the run outlives it. */
        private void kill() {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** {@code taskset -a -p -c CORE PID}, a process per call. */
    final class Taskset implements CoreAffinity {

        /** The cores this run may use, as the kernel lists them when it starts: where -1 puts a process back. */
        private final String every = allowedCores();

        private static String allowedCores() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("Cpus_allowed_list:")) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            } catch (IOException e) {
                // no /proc: every core the JVM counts
            }
            return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
        }

        @Override
        public int pin(List<Long> pids, int core) throws IOException {
            int moved = 0;
            String cores = core >= 0 ? Integer.toString(core) : every;
            for (long pid : pids) {
                // taskset -a reports success for a process that no longer exists
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cores, Long.toString(pid))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    // taskset fails for a process that exited meanwhile: skipped, as the contract says
                    if (p.waitFor() == 0) {
                        moved++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while taskset ran", e);
                }
            }
            return moved;
        }

        @Override
        public Duration swapPeriod() {
            return Duration.ofMillis(250);
        }

        @Override
        public String describe() {
            return "taskset";
        }

        @Override
        public void close() {}
    }
}
