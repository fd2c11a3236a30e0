package io.latentbench.workbench.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A command run as a real process, its stdout and stderr together. The output is read to its end,
 * not just until the process exits: {@code lb} hands stderr to a filter process that may still be
 * writing when the JVM it started has exited.
 */
public record CommandRun(int exitCode, String output, Duration took) {

    /** The repository root, from the workbench's target directory that failsafe names. */
    public static final Path ROOT = Path.of(System.getProperty("latentbench.target", "target")).toAbsolutePath()
            .getParent().getParent();

    /**
     * Runs {@code command} in {@code dir}; {@code environment} may change the inherited environment
     * (a null value removes a variable). A run past the timeout is killed with its children and
     * reported as exit code -1.
     */
    public static CommandRun run(List<String> command, Path dir, Duration timeout, Consumer<Map<String, String>> environment)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        environment.accept(pb.environment());
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String text;
        try {
            text = output.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            text = "(output not readable: " + e + ")";
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("$ %s%n(exit %s after %.1f s)%n%s%n", String.join(" ", command), done ? p.exitValue() : "timeout",
                took.toMillis() / 1000.0, text);
        return new CommandRun(done ? p.exitValue() : -1, text, took);
    }

    /** Sets these variables in an environment; a null value removes the variable. */
    public static Consumer<Map<String, String>> applying(Map<String, String> changes) {
        return env -> changes.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
