package io.latentbench.workbench.kernel.jupyter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Ends the kernel when the process that started it ends, as ipykernel does: Jupyter's launchers (and
 * {@code lb run}) name themselves in {@code JPY_PARENT_PID}. A client killed with SIGKILL cannot stop its
 * kernel, so without this the kernel would keep its five ports and its connection file, with the key, forever.
 */
final class ParentWatch {

    static final String VARIABLE = "JPY_PARENT_PID";
    /** The prefix of the private runtime directories that {@code lb run} creates for a kernel. */
    static final String RUNTIME_DIR_PREFIX = "lb-kernel-";

    private ParentWatch() {
    }

    /** The parent's pid from the variable's value; empty when unset, blank or not a pid (then nothing is watched). */
    static OptionalLong parentPid(String value, Consumer<String> log) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long pid = Long.parseLong(value.strip());
            if (pid > 1) {
                return OptionalLong.of(pid);
            }
        } catch (NumberFormatException e) {
            // falls through to the log line
        }
        log.accept("kernel: " + VARIABLE + "=" + value + " is not a process id; the kernel does not watch its parent");
        return OptionalLong.empty();
    }

    /**
     * Runs {@code onGone} on a daemon thread when the process {@code pid} has ended, at once if it is gone already.
     */
    static void watch(long pid, Runnable onGone) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            onGone.run();
            return;
        }
        parent.get().onExit().thenRun(onGone);
    }

    /**
     * Removes the connection file, which holds the signing key, and, when it lies in a runtime directory of
     * {@code lb run}'s, that whole directory (the kernel's log is its only other file).
     */
    static void removeRuntimeFiles(Path connectionFile, Consumer<String> log) {
        Path file = connectionFile.toAbsolutePath();
        Path dir = file.getParent();
        try {
            if (dir != null && dir.getFileName().toString().startsWith(RUNTIME_DIR_PREFIX)) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.accept("kernel: could not remove " + (dir == null ? file : dir) + ": " + e);
        }
    }
}
