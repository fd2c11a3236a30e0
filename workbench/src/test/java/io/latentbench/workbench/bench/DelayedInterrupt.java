package io.latentbench.workbench.bench;

import java.time.Duration;

/** For tests of a stop asked for mid-run: interrupts a thread a while from now, as a notebook's interrupt would. */
public final class DelayedInterrupt {

    private DelayedInterrupt() {}

    /** Interrupts {@code thread} {@code after} from now, on a thread of its own. */
    public static void of(Thread thread, Duration after) {
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(after);
            } catch (InterruptedException e) {
                return;
            }
            thread.interrupt();
        });
    }
}
