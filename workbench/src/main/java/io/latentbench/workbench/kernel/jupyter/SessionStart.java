package io.latentbench.workbench.kernel.jupyter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session built on a thread of its own while the kernel already answers, then warmed up unless
 * a request is already waiting for it. The warm-up only moves the compiler's first use ahead of a
 * first cell that has not come yet; ahead of one that has, it would run that first use once more
 * (about a fifth of a second on a 2-core machine) before the cell that waits.
 *
 * @param <S> the session
 */
final class SessionStart<S> {

    private final CompletableFuture<S> session = new CompletableFuture<>();
    private volatile boolean requestWaiting;

    /** Starts building: {@code build}, then {@code warmUp} unless {@link #await} was called meanwhile. */
    void begin(Supplier<S> build, Consumer<S> warmUp) {
        Thread starter = new Thread(() -> {
            try {
                S built = build.get();
                if (!requestWaiting) {
                    warmUp.accept(built);
                }
                session.complete(built);
            } catch (Throwable t) {
                session.completeExceptionally(t);
            }
        }, "latentbench-session-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * The session, once built, for a request.
     *
     * @throws IllegalStateException when the build failed, naming why, or the wait was interrupted
     */
    S await() {
        if (!session.isDone()) {
            requestWaiting = true;
        }
        try {
            return session.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the session was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Java session failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** Completes with the session when it is up; exceptionally when its build failed. */
    CompletableFuture<S> whenUp() {
        return session;
    }
}
