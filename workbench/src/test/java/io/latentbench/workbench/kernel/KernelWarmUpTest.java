package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.latentbench.workbench.kernel.eval.CellException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The start-up warm-up of a kernel's session: it runs a snippet and leaves no trace a notebook could see. */
class KernelWarmUpTest {

    static KernelSession session;

    @BeforeAll
    static void start() {
        session = new KernelSession(new RecordingFrontend(), KernelSession.userClasspath());
        session.warmUp();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    /** What the action wrote on System.err. */
    static String stderrOf(Supplier<?> action) {
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstCellAfterTheWarmUpIsAsInAFreshSession() {
        // a first cell says nothing about a warm-up that worked, and its value is still JShell's first, $1
        assertThat(stderrOf(() -> session.execute("6 * 7"))).isEmpty();
        assertThat(session.execute("$1").value()).isEqualTo(42);
        // the warm-up's variable is gone
        assertThatThrownBy(() -> session.execute("$latentbenchWarmUp"))
                .isInstanceOf(CellException.class)
                .hasMessageContaining("cannot find symbol");
        // the start-up imports are in
        assertThat(session.execute("List.of(1, 2).size()").value()).isEqualTo(2);
    }
}
