package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.notebook.Nbformat;
import io.latentbench.workbench.notebook.NotebookDocument;
import io.latentbench.workbench.notebook.TestNotebooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lb run} end to end, on Python's ipykernel (kernelspec python3, Debian's python3-ipykernel). */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CommandRun lb(String... args) {
        return CommandRun.lb(args);
    }

    /** {@code lb run} with a chosen answer to "is stdout a terminal?" and empty standard input. */
    private static CommandRun lbRun(java.util.function.BooleanSupplier terminal, String... args) {
        return CommandRun.lbRun(terminal, java.io.InputStream.nullInputStream(), args);
    }

    private String[] run(Path in, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", in.toString(), out.toString(), "--cwd", dir.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static List<JsonNode> cells(JsonNode nb) {
        List<JsonNode> cells = new ArrayList<>();
        nb.path("cells").forEach(cells::add);
        return cells;
    }

    private static String text(JsonNode node) {
        return NotebookDocument.joined(node);
    }

    private static String tag(JsonNode cell) {
        return cell.path("metadata").path("tags").path(0).asText("");
    }

    private static String streams(JsonNode cell) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : cell.path("outputs")) {
            if (output.path("output_type").asText().equals("stream")) text.append(text(output.path("text")));
        }
        return text.toString();
    }

    @Test
    void parametersAreInjectedAfterTheParametersCellWithTheirTypes() throws Exception {
        Path in = TestNotebooks.python()
                .markdown("# Parameters demo")
                .parameters("alpha = 0.5\nn = 1\nname = 'x'\nflag = False\nitems = []\nnothing = 0")
                .code("print(type(alpha).__name__, type(n).__name__, type(name).__name__, type(flag).__name__,"
                        + " type(items).__name__, nothing, repr(name), items)")
                .write(dir.resolve("in.ipynb"));
        Path out = dir.resolve("out.ipynb");

        CommandRun r = lb(run(in, out, "-p", "alpha", "0.25", "-p", "n", "7", "-p", "name", "a \"b\"", "-p", "flag", "true",
                "-p", "nothing", "None", "-y", "{items: [1, 2.5]}", "--log-output", "--progress-bar"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("executing cell 1/3", "executing cell 3/3", "float int str bool list",
                "cell 3/3 done in");
        JsonNode nb = read(out);
        List<JsonNode> cells = cells(nb);
        assertThat(cells).extracting(RunCommandTest::tag).containsExactly("", "parameters", "injected-parameters", "");
        assertThat(text(cells.get(2).path("source"))).isEqualTo(
                "# Parameters\nitems = [1, 2.5]\nalpha = 0.25\nn = 7\nname = \"a \\\"b\\\"\"\nflag = True\nnothing = None\n");
        assertThat(streams(cells.get(3))).isEqualTo("float int str bool list None 'a \"b\"' [1, 2.5]\n");
        assertThat(cells.subList(1, 4)).extracting(c -> c.path("execution_count").asInt()).containsExactly(1, 2, 3);
        assertThat(cells.subList(1, 4)).allSatisfy(c -> {
            assertThat(c.path("metadata").path("papermill").path("status").asText()).isEqualTo("completed");
            assertThat(c.path("metadata").path("papermill").path("duration").asDouble()).isPositive();
        });
        JsonNode papermill = nb.path("metadata").path("papermill");
        assertThat(papermill.path("parameters").path("n").asInt()).isEqualTo(7);
        assertThat(papermill.path("parameters").path("items")).hasSize(2);
        assertThat(papermill.path("exception").isNull()).isTrue(); // papermill's null after a clean run
        assertThat(nb.path("metadata").path("language_info").path("name").asText()).isEqualTo("python");
        Nbformat.assertValid(out);
    }

    @Test
    void aFailingCellStopsTheRunAndTheNotebookShowsWhere() throws Exception {
        Path in = TestNotebooks.python()
                .code("print('before')")
                .code("1 / 0")
                .code("print('never')")
                .write(dir.resolve("fail.ipynb"));
        Path out = dir.resolve("fail-out.ipynb");

        CommandRun r = lb(run(in, out));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("ZeroDivisionError");
        List<JsonNode> cells = cells(read(out));
        assertThat(cells).hasSize(5);
        JsonNode banner = cells.get(0);
        assertThat(tag(banner)).isEqualTo("papermill-error-cell-tag");
        // papermill's markers, which tools that look for the failing cell know
        assertThat(text(banner.path("source"))).contains("An Exception was encountered at '<a href=\"#papermill-error-cell\">In [2]</a>'");
        JsonNode anchor = cells.get(2);
        assertThat(tag(anchor)).isEqualTo("papermill-error-cell-tag");
        assertThat(text(anchor.path("source"))).contains("<span id=\"papermill-error-cell\"")
                .contains("Execution using papermill encountered an exception here and stopped:");
        JsonNode failed = cells.get(3);
        assertThat(failed.path("outputs")).singleElement().satisfies(o -> {
            assertThat(o.path("output_type").asText()).isEqualTo("error");
            assertThat(o.path("ename").asText()).isEqualTo("ZeroDivisionError");
            assertThat(o.path("traceback")).isNotEmpty();
        });
        assertThat(failed.path("metadata").path("papermill").path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("metadata").path("papermill").path("exception").asBoolean()).isTrue();
        JsonNode skipped = cells.get(4);
        assertThat(skipped.path("outputs")).isEmpty();
        assertThat(skipped.path("execution_count").isNull()).isTrue();
        assertThat(skipped.path("metadata").path("papermill").path("status").asText()).isEqualTo("pending");
        assertThat(streams(cells.get(1))).isEqualTo("before\n");
        assertThat(read(out).path("metadata").path("papermill").path("exception").asBoolean()).isTrue();
        Nbformat.assertValid(out);
    }

    @Test
    void aKernelThatDiesGivesExit138AndANotebookThatSaysSo() throws Exception {
        Path in = TestNotebooks.python()
                .code("print('alive')")
                .code("import os\nos._exit(1)")
                .code("print('never')")
                .write(dir.resolve("die.ipynb"));
        Path out = dir.resolve("die-out.ipynb");

        CommandRun r = lb(run(in, out));

        assertThat(r.exitCode()).isEqualTo(138);
        assertThat(r.err()).contains("the kernel died").contains("exit code 1");
        List<JsonNode> cells = cells(read(out));
        assertThat(tag(cells.get(0))).isEqualTo("papermill-error-cell-tag");
        // The count is the kernel's, if its execute_input got out before it died; papermill's "None" otherwise.
        assertThat(text(cells.get(0).path("source"))).containsPattern("href=\"#papermill-error-cell\">In \\[(2|None)\\]</a>");
        JsonNode died = cells.get(3);
        assertThat(died.path("outputs")).anySatisfy(o -> {
            assertThat(o.path("ename").asText()).isEqualTo("DeadKernelError");
            assertThat(o.path("evalue").asText()).contains("exited with code 1");
        });
        assertThat(cells.get(4).path("outputs")).isEmpty();
        Nbformat.assertValid(out);
    }

    @Test
    void aCellPastTheExecutionTimeoutIsInterruptedAndRecordedAsATimeout() throws Exception {
        Path in = TestNotebooks.python()
                .code("import time\nprint('sleeping', flush=True)\ntime.sleep(60)")
                .code("print('never')")
                .write(dir.resolve("slow.ipynb"));
        Path out = dir.resolve("slow-out.ipynb");

        long start = System.nanoTime();
        CommandRun r = lb(run(in, out, "--execution-timeout", "1"));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(r.exitCode()).isEqualTo(1);
        // The cell sleeps 60 s: finishing well before that proves it was stopped. A tighter
        // bound measures the machine's load, not the executor.
        assertThat(seconds).isLessThan(50);
        assertThat(r.err()).contains("timed out after 1.0 s");
        List<JsonNode> cells = cells(read(out));
        JsonNode slow = cells.get(2);
        List<String> enames = new ArrayList<>();
        slow.path("outputs").forEach(o -> enames.add(o.path("ename").asText()));
        assertThat(enames).contains("KeyboardInterrupt", "CellTimeoutError");
        assertThat(streams(slow)).isEqualTo("sleeping\n");
        assertThat(text(cells.get(0).path("source"))).contains("href=\"#papermill-error-cell\">In [1]</a>");
        Nbformat.assertValid(out);
    }

    @Test
    void withoutAParametersCellTheValuesGoAtTheTopWithAWarning() throws Exception {
        Path in = TestNotebooks.python().markdown("no parameters here").code("print(x * 2)").write(dir.resolve("np.ipynb"));
        Path out = dir.resolve("np-out.ipynb");

        CommandRun r = lb(run(in, out, "-p", "x", "21"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: the notebook has no cell tagged 'parameters'");
        List<JsonNode> cells = cells(read(out));
        assertThat(tag(cells.get(0))).isEqualTo("injected-parameters");
        assertThat(streams(cells.get(2))).isEqualTo("42\n");
        Nbformat.assertValid(out);
    }

    @Test
    void reRunningAnExecutedNotebookReplacesItsInjectedCellAndOutputs() throws Exception {
        Path in = TestNotebooks.python()
                .parameters("x = 0")
                .code("print('x is', x)")
                .code("assert x != 1, 'x must not be 1'")
                .write(dir.resolve("again.ipynb"));
        Path first = dir.resolve("first.ipynb");
        Path second = dir.resolve("second.ipynb");

        assertThat(lb(run(in, first, "-p", "x", "1")).exitCode()).isEqualTo(1);
        CommandRun r = lb(run(first, second, "-p", "x", "2"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> cells = cells(read(second));
        assertThat(cells).extracting(RunCommandTest::tag).containsExactly("parameters", "injected-parameters", "", "");
        assertThat(text(cells.get(1).path("source"))).isEqualTo("# Parameters\nx = 2\n");
        assertThat(streams(cells.get(2))).isEqualTo("x is 2\n");
        assertThat(cells.get(3).path("outputs")).isEmpty();
        assertThat(cells).extracting(c -> c.path("execution_count").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(cells).allSatisfy(c -> assertThat(c.path("metadata").path("papermill").path("status").asText()).isEqualTo("completed"));
        assertThat(read(second).path("metadata").path("papermill").path("parameters").path("x").asInt()).isEqualTo(2);
        Nbformat.assertValid(first, second);
    }

    @Test
    void displaysAreUpdatedInPlaceAndClearOutputWaitsForTheNextOutput() throws Exception {
        Path in = TestNotebooks.python()
                .code("from IPython.display import display, clear_output\nh = display('first', display_id=True)\ndisplay('other')")
                .code("h.update('second')\nprint('updated')")
                .code("print('gone')\nclear_output(wait=True)\nprint('kept')")
                .code("display({'text/plain': 'x', 'text/html': '<b>x</b>', 'application/json': {'a': [1, 2]}}, raw=True)")
                .write(dir.resolve("display.ipynb"));
        Path out = dir.resolve("display-out.ipynb");

        CommandRun r = lb(run(in, out));

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> cells = cells(read(out));
        List<String> shown = new ArrayList<>();
        cells.get(0).path("outputs").forEach(o -> shown.add(text(o.path("data").path("text/plain"))));
        assertThat(shown).containsExactly("'second'", "'other'");
        assertThat(cells.get(0).path("outputs").get(0).has("transient")).isFalse();
        assertThat(streams(cells.get(1))).isEqualTo("updated\n");
        assertThat(cells.get(1).path("outputs")).hasSize(1);
        assertThat(streams(cells.get(2))).isEqualTo("kept\n");
        JsonNode rich = cells.get(3).path("outputs").get(0).path("data");
        assertThat(text(rich.path("text/html"))).isEqualTo("<b>x</b>");
        assertThat(rich.path("application/json").path("a")).hasSize(2);
        Nbformat.assertValid(out);
    }

    @Test
    void prepareOnlyWritesTheParameterizedNotebookWithoutAKernel() throws Exception {
        Path in = TestNotebooks.forKernel("not-installed", "python").parameters("x = 0").code("print(x)")
                .write(dir.resolve("prep.ipynb"));
        Path out = dir.resolve("prep-out.ipynb");

        CommandRun r = lb(run(in, out, "--prepare-only", "-p", "x", "3"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> cells = cells(read(out));
        assertThat(cells).extracting(RunCommandTest::tag).containsExactly("parameters", "injected-parameters", "");
        assertThat(text(cells.get(1).path("source"))).isEqualTo("# Parameters\nx = 3\n");
        assertThat(cells).allSatisfy(c -> {
            assertThat(c.path("outputs")).isEmpty();
            assertThat(c.path("execution_count").isNull()).isTrue();
        });
        Nbformat.assertValid(out);
    }

    @Test
    void aDashWritesTheNotebookToStdout() throws Exception {
        Path in = TestNotebooks.forKernel("latentbench", "java").parameters("int n = 1;").write(dir.resolve("j.ipynb"));

        CommandRun r = lb("run", in.toString(), "-", "--prepare-only", "-p", "n", "5", "-p", "label", "a\tb");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode nb = JSON.readTree(r.out());
        assertThat(text(nb.path("cells").get(1).path("source"))).isEqualTo("// Parameters\nint n = 5;\nString label = \"a\\tb\";\n");
        assertThat(nb.path("metadata").path("papermill").path("output_path").asText()).isEqualTo("-");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(in);
        }
    }

    @Test
    void withoutOutTheNotebookIsWrittenBesideTheInput() throws Exception {
        Path in = TestNotebooks.python().parameters("x = 0").write(dir.resolve("beside.ipynb"));

        CommandRun r = lbRun(() -> true, in.toString(), "--prepare-only", "-p", "x", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(text(read(dir.resolve("beside.out.ipynb")).path("cells").get(1).path("source"))).isEqualTo("# Parameters\nx = 1\n");
        Nbformat.assertValid(dir.resolve("beside.out.ipynb"));
    }

    @Test
    void htmlExportOfTheExecutedNotebook() throws Exception {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        Path in = TestNotebooks.python()
                .markdown("# Report\nA *small* page.")
                .code("from IPython.display import Image, display\nimport base64\n"
                        + "display(Image(data=base64.b64decode('" + png + "'), format='png'))\nprint('<done>')")
                .write(dir.resolve("report.ipynb"));
        Path out = dir.resolve("report-out.ipynb");
        Path html = dir.resolve("report.html");

        CommandRun r = lb(run(in, out, "--html", html.toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<title>Report</title>", "<h1>Report</h1>", "<em>small</em>", "In&nbsp;[1]:",
                "src=\"data:image/png;base64," + png, "&lt;done&gt;", "<span class=\"k\">import</span>");
        Nbformat.assertValid(out);
    }

    @Test
    void badInputIsAClearErrorAndWritesNothing() throws Exception {
        Path good = TestNotebooks.python().parameters("x = 0").code("print(x)").write(dir.resolve("good.ipynb"));
        Path broken = Files.writeString(dir.resolve("broken.ipynb"), "{\"cells\": [\n");
        Path out = Files.writeString(dir.resolve("existing.ipynb"), "previous");
        Path txt = Files.writeString(dir.resolve("params.txt"), "x: 1");

        CommandRun malformed = lb(run(broken, out));
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("broken.ipynb is not valid JSON");

        CommandRun missingKernel = lb(run(good, out, "-k", "no-such-kernel"));
        assertThat(missingKernel.exitCode()).isEqualTo(2);
        assertThat(missingKernel.err()).contains("no kernelspec named 'no-such-kernel'").contains("python3");

        CommandRun unknownFormat = lb(run(good, out, "-f", txt.toString()));
        assertThat(unknownFormat.exitCode()).isEqualTo(2);
        assertThat(unknownFormat.err()).contains("params.txt has an unknown format");

        CommandRun notAMapping = lb(run(good, out, "-y", "[1, 2]"));
        assertThat(notAMapping.exitCode()).isEqualTo(2);
        assertThat(notAMapping.err()).contains("must be a YAML mapping");

        CommandRun badName = lb(run(good, out, "-p", "not a name", "1"));
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("'not a name' is not a valid Python identifier");

        CommandRun noDir = lb(run(good, dir.resolve("missing/out.ipynb")));
        assertThat(noDir.exitCode()).isEqualTo(2);
        assertThat(noDir.err()).contains("does not exist");

        assertThat(Files.readString(out)).isEqualTo("previous");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("good.ipynb", "broken.ipynb", "existing.ipynb", "params.txt");
        }
    }

    @Test
    void theSameOutputsAsJupyterNbconvertExecute() throws Exception {
        Path in = TestNotebooks.python()
                .markdown("# Compare")
                .code("import sys\nprint('out 1')\nprint('err', file=sys.stderr)\nprint('out 2 \u00e9 \u2713 \ud83d\ude00')")
                .code("x = [i * i for i in range(5)]\nx")
                .code("from IPython.display import display, HTML\ndisplay(HTML('<i>hi</i>'))\n{'a': 1}")
                .code("")
                .code("def f(n):\n    return n + 1\nf(41)")
                .write(dir.resolve("compare.ipynb"));
        Path ours = dir.resolve("ours.ipynb");
        Path theirs = dir.resolve("theirs.ipynb");

        assertThat(lb(run(in, ours)).exitCode()).isZero();
        Process nbconvert = new ProcessBuilder(Nbformat.PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=python3", "--output", theirs.toString(), in.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(nbconvert.getInputStream().readAllBytes());
        assertThat(nbconvert.waitFor()).as(log).isZero();

        assertThat(comparable(read(ours))).isEqualTo(comparable(read(theirs)));
        assertThat(comparable(read(ours))).contains("out 1\\nout 2 \u00e9 \u2713 \ud83d\ude00\\n", "<i>hi</i>", "[0, 1, 4, 9, 16]", "42");
        Nbformat.assertValid(ours, theirs);
    }

    private static String quoted(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    /** Cell types, sources, counts and outputs, with consecutive stream text joined, as one string. */
    private static String comparable(JsonNode nb) {
        StringBuilder out = new StringBuilder();
        for (JsonNode cell : nb.path("cells")) {
            out.append(cell.path("cell_type").asText()).append(" [").append(cell.path("execution_count")).append("] ")
                    .append(quoted(text(cell.path("source")))).append('\n');
            String lastStream = null;
            for (JsonNode o : cell.path("outputs")) {
                String type = o.path("output_type").asText();
                if (type.equals("stream")) {
                    String name = o.path("name").asText();
                    if (!name.equals(lastStream)) out.append("  stream ").append(name).append(": ");
                    out.append(quoted(text(o.path("text"))).replaceAll("^\"|\"$", ""));
                    lastStream = name;
                    continue;
                }
                if (lastStream != null) out.append('\n');
                lastStream = null;
                out.append("  ").append(type).append(' ').append(o.path("execution_count"));
                o.path("data").fields().forEachRemaining(e -> out.append(' ').append(e.getKey()).append('=')
                        .append(e.getValue().isTextual() || e.getValue().isArray() && !e.getKey().endsWith("json")
                                ? quoted(text(e.getValue())) : e.getValue().toString()));
                out.append(' ').append(o.path("ename").asText()).append('\n');
            }
            if (lastStream != null) out.append('\n');
        }
        return out.toString();
    }
}
