package io.latentbench.workbench.notebook;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a run to stop where it is: set from another thread (a signal handler), read by the executor between
 * kernel messages, which then records the cells run so far and shuts the kernel down.
 */
public final class StopSignal {

    /** Why the run is stopped and the process exit code that says so (128 + the signal's number). */
    public record Reason(String description, int exitCode) {}

    private final AtomicReference<Reason> reason = new AtomicReference<>();

    /** True the first time; false when a stop was already requested. */
    public boolean request(String description, int exitCode) {
        return reason.compareAndSet(null, new Reason(description, exitCode));
    }

    public Optional<Reason> requested() {
        return Optional.ofNullable(reason.get());
    }
}
