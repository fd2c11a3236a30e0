package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentbench.workbench.notebook.protocol.KernelSpec;
import io.latentbench.workbench.notebook.protocol.KernelSpecFinder;
import io.latentbench.workbench.notebook.protocol.KernelStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor on Python's ipykernel, for what the command line cannot set up. */
class NotebookExecutorTest {

    @TempDir
    Path dir;

    private static KernelSpec python() throws Exception {
        return KernelSpecFinder.fromEnvironment().find("python3");
    }

    @Test
    void aCellThatIgnoresTheInterruptIsKilledWithItsKernel() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python()
                .code("import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nprint('stubborn', flush=True)\ntime.sleep(60)")
                .json(), "t");
        List<String> events = new ArrayList<>();
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void cellStarted(int ordinal, int total, com.fasterxml.jackson.databind.node.ObjectNode cell) {
                events.add("start " + ordinal + "/" + total);
            }

            @Override
            public void runFinished(RunOutcome outcome) {
                events.add("end " + outcome.getClass().getSimpleName());
            }
        };
        ExecutionOptions options = new ExecutionOptions(dir, Optional.of(Duration.ofMillis(500)), Duration.ofSeconds(60),
                Duration.ofSeconds(1), ExecutionOptions.DEFAULT_HEARTBEAT_INTERVAL, listener);

        long start = System.nanoTime();
        RunOutcome outcome = new NotebookExecutor(python(), options).execute(nb);

        assertThat(outcome).isEqualTo(new RunOutcome.TimedOut(0, 0.5, true));
        assertThat(outcome.exitCode()).isEqualTo(1);
        // The cell never stops on its own: returning at all shows the kill; the bound only
        // keeps a hung kill from passing unnoticed, with room for a loaded machine.
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(45);
        assertThat(events).containsExactly("start 1/1", "end TimedOut");
        JsonNode cell = nb.cells().get(2); // after the banner and the anchor
        assertThat(NotebookDocument.joined(cell.path("outputs").get(0).path("text"))).isEqualTo("stubborn\n");
        assertThat(cell.path("outputs").get(1).path("evalue").asText()).contains("the kernel was killed");
        Path out = dir.resolve("killed.ipynb");
        nb.write(out);
        Nbformat.assertValid(out);
    }

    @Test
    void aFrozenKernelIsFoundDeadByItsHeartbeat() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python()
                .code("print('a')")
                .code("import os, signal\nos.kill(os.getpid(), signal.SIGSTOP)")
                .json(), "t");
        ExecutionOptions options = new ExecutionOptions(dir, Optional.empty(), Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofMillis(300), ExecutionListener.NONE);

        RunOutcome outcome = new NotebookExecutor(python(), options).execute(nb);

        assertThat(outcome).isEqualTo(new RunOutcome.KernelDied(1, -1));
        assertThat(outcome.exitCode()).isEqualTo(138);
        JsonNode frozen = nb.cells().get(3);
        assertThat(frozen.path("outputs").get(0).path("ename").asText()).isEqualTo("DeadKernelError");
        assertThat(frozen.path("outputs").get(0).path("evalue").asText()).contains("stopped answering its heartbeat");
    }

    @Test
    void kernelsThatWantInterruptsAsMessagesGetThem() throws Exception {
        // ipykernel also understands interrupt_request on the control channel; a copy of its kernelspec says so.
        KernelSpec signal = python();
        Path kernelDir = Files.createDirectories(dir.resolve("kernels/py-message"));
        String argv = signal.argv().stream().map(a -> "\"" + a + "\"").collect(java.util.stream.Collectors.joining(", "));
        Files.writeString(kernelDir.resolve("kernel.json"), "{\"argv\": [" + argv + "], \"display_name\": \"py\","
                + " \"language\": \"python\", \"interrupt_mode\": \"message\"}");
        KernelSpec message = new KernelSpecFinder(Map.of("JUPYTER_PATH", dir.toString()), dir).find("py-message");
        assertThat(message.interruptsByMessage()).isTrue();
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python().code("import time\ntime.sleep(60)").json(), "t");
        ExecutionOptions options = new ExecutionOptions(dir, Optional.of(Duration.ofMillis(500)), Duration.ofSeconds(60),
                Duration.ofSeconds(10), ExecutionOptions.DEFAULT_HEARTBEAT_INTERVAL, ExecutionListener.NONE);

        RunOutcome outcome = new NotebookExecutor(message, options).execute(nb);

        assertThat(outcome).isEqualTo(new RunOutcome.TimedOut(0, 0.5, false));
        List<String> enames = new ArrayList<>();
        nb.cells().get(2).path("outputs").forEach(o -> enames.add(o.path("ename").asText()));
        assertThat(enames).containsExactly("KeyboardInterrupt", "CellTimeoutError");
    }

    @Test
    void aKernelThatCannotStartIsReportedWithItsOutput() throws Exception {
        Path kernelDir = Files.createDirectories(dir.resolve("kernels/broken"));
        Files.writeString(kernelDir.resolve("kernel.json"),
                "{\"argv\": [\"" + Nbformat.PYTHON + "\", \"-c\", \"import sys; print('WARNING: Using incubator modules: jdk.incubator.vector'); print('no luck'); sys.exit(3)\", \"{connection_file}\"],"
                        + " \"display_name\": \"Broken\", \"language\": \"python\"}");
        KernelSpec broken = new KernelSpecFinder(Map.of("JUPYTER_PATH", dir.toString()), dir).find("broken");
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python().code("1").json(), "t");

        assertThatThrownBy(() -> new NotebookExecutor(broken, ExecutionOptions.defaults(dir)).execute(nb))
                .isInstanceOf(KernelStartException.class)
                .hasMessageContaining("exited with code 3 while starting")
                .hasMessageContaining("no luck")
                .hasMessageNotContaining("incubator");
    }
}
