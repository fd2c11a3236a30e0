package io.latentbench.workbench.notebook.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A kernel's operating-system process, started from its kernelspec with a private connection file. The
 * kernel's own stdout and stderr go to a log file, so its start-up chatter does not mix with ours, and the
 * tail of that log explains a kernel that dies.
 */
public final class KernelProcess {

    private final Process process;
    private final Path runtimeDir;
    private final Path log;
    private final Thread reaper;

    private KernelProcess(Process process, Path runtimeDir, Path log) {
        this.process = process;
        this.runtimeDir = runtimeDir;
        this.log = log;
        // A kernel must not outlive the executor, even one stopped with Ctrl-C, nor its key file stay behind.
        this.reaper = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            deleteQuietly(runtimeDir);
        }, "lb-kernel-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    public static KernelProcess launch(KernelSpec spec, ConnectionInfo connection, Path cwd) throws IOException {
        Path runtimeDir = Files.createTempDirectory("lb-kernel-");
        Path connectionFile = runtimeDir.resolve("kernel-" + connection.shellPort() + ".json");
        Files.createFile(connectionFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(connectionFile, new ObjectMapper().writeValueAsString(connection.toJson(spec.name())), StandardCharsets.UTF_8);
        Path log = runtimeDir.resolve("kernel.log");

        List<String> command = new ArrayList<>();
        for (String arg : spec.argv()) {
            command.add(arg.replace("{connection_file}", connectionFile.toString())
                    .replace("{resource_dir}", spec.resourceDir().toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(spec.env());
        // jupyter_client's launcher sets it too; some kernels read their client's pid from it.
        env.putIfAbsent("JPY_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new KernelProcess(process, runtimeDir, log);
        } catch (IOException e) {
            deleteQuietly(runtimeDir);
            throw new IOException("could not start kernel '" + spec.name() + "' with " + command + ": " + e.getMessage(), e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** SIGINT, which is how Jupyter interrupts kernels whose interrupt_mode is "signal". */
    public void sendInterruptSignal() {
        try {
            // The JDK has no way to send SIGINT; the shell's builtin kill is always there.
            new ProcessBuilder("sh", "-c", "kill -INT " + process.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Falls through to the caller's kill after its grace period.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code millis} for the process to end by itself. */
    public boolean waitForExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** SIGTERM, then SIGKILL if it is still there a second later; the children go too. */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!waitForExit(1000)) process.destroyForcibly();
        waitForExit(2000);
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The last lines the kernel printed, for error messages; the JVM's incubator notice is noise there. */
    public String logTail(int maxLines) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("WARNING: Using incubator modules"))
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills the process if needed and removes the connection file and log. */
    public void cleanUp() {
        if (process.isAlive()) kill();
        deleteQuietly(runtimeDir);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; nothing left to undo
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
