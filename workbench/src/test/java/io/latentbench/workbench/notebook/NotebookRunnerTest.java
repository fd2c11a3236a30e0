package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.latentbench.workbench.notebook.params.ParameterValues;
import io.latentbench.workbench.notebook.protocol.KernelSpecFinder;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run of a notebook as an API (papermill's execute_notebook), on Debian's python3 kernel. */
class NotebookRunnerTest {

    @TempDir
    Path dir;

    /**
     * ipykernel with its shell handler broken after the first execute request: the later ones are dropped before
     * the kernel publishes anything, while the process and its heartbeat live on, as the Java kernel's shell
     * thread did after one unsigned message (issue 16, item 1).
     */
    private KernelSpecFinder deafAfterOneCell() throws Exception {
        String script = String.join("\n",
                "from ipykernel.kernelbase import Kernel",
                "original = Kernel.dispatch_shell",
                "seen = [0]",
                "async def dispatch_shell(self, msg):",
                "    raw = b''.join(f.bytes if hasattr(f, 'bytes') else bytes(f) for f in msg)",
                "    if b'execute_request' in raw:",
                "        seen[0] += 1",
                "        if seen[0] > 1:",
                "            return",
                "    return await original(self, msg)",
                "Kernel.dispatch_shell = dispatch_shell",
                "from ipykernel import kernelapp",
                "kernelapp.launch_new_instance()");
        Path kernelDir = Files.createDirectories(dir.resolve("kernels/deaf"));
        JsonNode spec = JsonNodeFactory.instance.objectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("argv", JsonNodeFactory.instance.arrayNode()
                        .add(Nbformat.PYTHON).add("-c").add(script).add("-f").add("{connection_file}"))
                .put("display_name", "deaf").put("language", "python");
        Files.writeString(kernelDir.resolve("kernel.json"), spec.toString());
        return new KernelSpecFinder(Map.of("JUPYTER_PATH", dir.toString()), dir);
    }

    @Test
    void aKernelWhoseShellStopsAnsweringEndsTheRunWith138AndTheNotebookWritten() throws Exception {
        Path in = TestNotebooks.python().code("print('answered')").code("print('never answered')").code("1")
                .write(dir.resolve("deaf.ipynb"));
        Path out = dir.resolve("deaf-out.ipynb");
        RunRequest request = RunRequest.of(in, out).withKernel("deaf").withKernels(deafAfterOneCell());
        // Before: the executor polled forever (the heartbeat answered, so the kernel never counted as dead).
        ExecutionOptions options = ExecutionOptions.defaults(dir).withAcknowledgeTimeout(Duration.ofSeconds(2));

        RunResult result = NotebookRunner.run(request, options);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.KernelDied(1, -1));
        assertThat(result.outcome().exitCode()).isEqualTo(138);
        assertThat(result.writtenTo()).contains(out);
        NotebookDocument written = NotebookDocument.read(out);
        List<JsonNode> cells = new ArrayList<>();
        written.cells().forEach(cells::add);
        assertThat(NotebookDocument.joined(cells.get(1).path("outputs").get(0).path("text"))).isEqualTo("answered\n");
        JsonNode error = cells.get(3).path("outputs").get(0);
        assertThat(error.path("ename").asText()).isEqualTo("DeadKernelError");
        assertThat(error.path("evalue").asText()).contains("did not acknowledge").contains("heartbeat answers");
        Nbformat.assertValid(out);
    }

    @Test
    void theApiTakesParametersAndAWriterAndReturnsTheNotebook() throws Exception {
        Path in = TestNotebooks.python().parameters("n = 0").code("print(n * 2)").write(dir.resolve("api.ipynb"));
        var parameters = new ParameterValues();
        parameters.put("n", 21L);
        StringWriter sink = new StringWriter();
        List<String> events = new ArrayList<>();
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void output(String msgType, JsonNode content) {
                events.add(msgType + ":" + content.path("text").asText());
            }
        };
        RunRequest request = new RunRequest(new RunRequest.Input.FromFile(in.toString()), new RunRequest.Output.ToWriter(sink),
                parameters, Optional.empty(), Optional.empty(), false, false, KernelSpecFinder.fromEnvironment());

        RunResult result = NotebookRunner.run(request, ExecutionOptions.defaults(dir).withListener(listener));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Completed());
        assertThat(result.writtenTo()).isEmpty();
        assertThat(events).containsExactly("stream:42\n");
        NotebookDocument written = NotebookDocument.parse(sink.toString(), "sink");
        assertThat(written.cells().get(2).path("outputs").get(0).path("text")).isEqualTo(TextNode.valueOf("42\n"));
        assertThat(written.metadata().path("papermill").path("parameters").path("n").asLong()).isEqualTo(21);
    }

    @Test
    void badInputThrowsBeforeAnythingIsWritten() throws Exception {
        Path in = TestNotebooks.python().code("1").write(dir.resolve("bad.ipynb"));
        Path out = dir.resolve("out_{missing}.ipynb");

        assertThatThrownBy(() -> NotebookRunner.run(RunRequest.of(in, out), ExecutionOptions.defaults(dir)))
                .isInstanceOf(RunInputException.class).hasMessageContaining("Missing parameter 'missing'");
        assertThatThrownBy(() -> NotebookRunner.run(RunRequest.of(in, dir.resolve("o.ipynb")).withKernel("nope"),
                ExecutionOptions.defaults(dir))).isInstanceOf(RunInputException.class).hasMessageContaining("'nope'");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(in);
        }
    }
}
