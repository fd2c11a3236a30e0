package io.latentbench.workbench.kernel.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** A session built off the kernel's thread: warmed up for a cell to come, not ahead of a cell that waits. */
class SessionStartTest {

    private final List<String> warmedUp = new CopyOnWriteArrayList<>();

    @Test
    void aSessionNobodyWaitsForIsWarmedUpBeforeItIsUp() throws Exception {
        SessionStart<String> start = new SessionStart<>();
        start.begin(() -> "session", warmedUp::add);

        assertThat(start.whenUp().get(10, TimeUnit.SECONDS)).isEqualTo("session");
        assertThat(warmedUp).containsExactly("session");
        assertThat(start.await()).isEqualTo("session");
    }

    @Test
    void aRequestThatWaitsForTheBuildGetsTheSessionWithoutTheWarmUp() throws Exception {
        CountDownLatch built = new CountDownLatch(1);
        SessionStart<String> start = new SessionStart<>();
        start.begin(() -> {
            await(built);
            return "session";
        }, warmedUp::add);
        AtomicReference<String> got = new AtomicReference<>();
        Thread request = new Thread(() -> got.set(start.await()));
        request.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (request.getState() != Thread.State.WAITING) { // blocked in await(), having said so
            assertThat(System.nanoTime()).as("the request waiting for the session").isLessThan(deadline);
            Thread.onSpinWait();
        }

        built.countDown();
        request.join(10_000);

        assertThat(got.get()).isEqualTo("session");
        assertThat(warmedUp).isEmpty();
    }

    @Test
    void aBuildThatFailsIsNamedToEveryRequest() {
        SessionStart<String> start = new SessionStart<>();
        start.begin(() -> {
            throw new IllegalArgumentException("no compiler in this runtime");
        }, warmedUp::add);

        for (int request = 0; request < 2; request++) {
            assertThatThrownBy(start::await)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the Java session failed to start")
                    .hasMessageContaining("no compiler in this runtime");
        }
        assertThat(warmedUp).isEmpty();
        assertThat(start.whenUp()).isCompletedExceptionally();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
