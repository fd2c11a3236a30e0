package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.notebook.Nbformat;
import io.latentbench.workbench.notebook.NotebookDocument;
import io.latentbench.workbench.notebook.TestNotebooks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * papermill's own test cases (nteract/papermill, papermill/tests: test_execute.py, test_cli.py, test_engines.py)
 * expressed as {@code lb run} command lines on papermill's test notebooks (src/test/resources/papermill, BSD-3-Clause,
 * licence beside them), on Debian's python3 kernel. Each test's display name is the papermill case it ports; where
 * papermill asserts on a mocked call, the port asserts on the notebook the command line writes. The unit-level
 * cases (translators, parameterize_path, _resolve_type) are in the params tests.
 */
class PapermillCompatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESOURCES = Path.of("src/test/resources/papermill");

    @TempDir
    Path dir;

    private static CommandRun lb(String... args) {
        return lb(() -> false, InputStream.nullInputStream(), args);
    }

    private static CommandRun lb(BooleanSupplier terminal, InputStream stdin, String... args) {
        return CommandRun.lbRun(terminal, stdin, args);
    }

    private static Path notebook(String name) {
        return RESOURCES.resolve("notebooks").resolve(name).toAbsolutePath();
    }

    private Path out(String name) {
        return dir.resolve("output_" + name);
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static List<JsonNode> cells(JsonNode nb) {
        List<JsonNode> cells = new ArrayList<>();
        nb.path("cells").forEach(cells::add);
        return cells;
    }

    private static String source(JsonNode cell) {
        return NotebookDocument.joined(cell.path("source"));
    }

    private static List<String> tags(JsonNode cell) {
        List<String> tags = new ArrayList<>();
        cell.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    private static JsonNode parameters(Path out) throws IOException {
        return read(out).path("metadata").path("papermill").path("parameters");
    }

    /** Runs simple_execute with one parameter and returns the injected cell's lines. */
    private List<String> injectedLines(String name, String value) throws Exception {
        Path out = out("simple_execute.ipynb");
        CommandRun r = lb(notebook("simple_execute.ipynb").toString(), out.toString(), "-r", name, value, "--prepare-only");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(parameters(out).path(name).asText()).isEqualTo(value);
        return List.of(source(cells(read(out)).get(1)).split("\n", -1));
    }

    // test_execute.py

    @Test
    @DisplayName("test_execute.py::TestNotebookHelpers::test_cell_insertion")
    void cellInsertion() throws Exception {
        Path out = out("simple_execute.ipynb");
        CommandRun r = lb(notebook("simple_execute.ipynb").toString(), out.toString(), "-p", "msg", "Hello");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> cells = cells(read(out));
        assertThat(source(cells.get(1)).split("\n", -1)).containsExactly("# Parameters", "msg = \"Hello\"", "");
        assertThat(parameters(out)).isEqualTo(JSON.readTree("{\"msg\": \"Hello\"}"));
        assertThat(NotebookDocument.joined(cells.get(2).path("outputs").get(0).path("text"))).isEqualTo("Hello\n");
        Nbformat.assertValid(out);
    }

    @Test
    @DisplayName("test_execute.py::TestNotebookHelpers::test_no_tags")
    void noTags() throws Exception {
        Path out = out("no_parameters.ipynb");
        CommandRun r = lb(notebook("no_parameters.ipynb").toString(), out.toString(), "-p", "msg", "Hello");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(source(cells(read(out)).get(0)).split("\n", -1)).containsExactly("# Parameters", "msg = \"Hello\"", "");
        assertThat(parameters(out).path("msg").asText()).isEqualTo("Hello");
    }

    @Test
    @DisplayName("test_execute.py::TestNotebookHelpers::test_quoted_params")
    void quotedParams() throws Exception {
        assertThat(injectedLines("msg", "\"Hello\"")).containsExactly("# Parameters", "msg = \"\\\"Hello\\\"\"", "");
    }

    @Test
    @DisplayName("test_execute.py::TestNotebookHelpers::test_backslash_params")
    void backslashParams() throws Exception {
        assertThat(injectedLines("foo", "do\\ not\\ crash")).containsExactly("# Parameters", "foo = \"do\\\\ not\\\\ crash\"", "");
    }

    @Test
    @DisplayName("test_execute.py::TestNotebookHelpers::test_backslash_quote_params")
    void backslashQuoteParams() throws Exception {
        assertThat(injectedLines("foo", "bar=\\\"baz\\\"")).containsExactly("# Parameters", "foo = \"bar=\\\\\\\"baz\\\\\\\"\"", "");
    }

    @Test
    @DisplayName("test_execute.py::TestNotebookHelpers::test_double_backslash_quote_params")
    void doubleBackslashQuoteParams() throws Exception {
        assertThat(injectedLines("foo", "\\\\\"bar\\\\\"")).containsExactly("# Parameters", "foo = \"\\\\\\\\\\\"bar\\\\\\\\\\\"\"", "");
    }

    @Test
    @DisplayName("test_execute.py::TestNotebookHelpers::test_prepare_only")
    void prepareOnly() throws Exception {
        Path out = out("broken1.ipynb");
        CommandRun r = lb(notebook("broken1.ipynb").toString(), out.toString(), "-p", "foo", "do\\ not\\ crash", "--prepare-only");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode first = cells(read(out)).get(0);
        assertThat(first.path("cell_type").asText()).isEqualTo("code");
        assertThat(source(first).split("\n", -1)).containsExactly("# Parameters", "foo = \"do\\\\ not\\\\ crash\"", "");
    }

    @Test
    @DisplayName("test_execute.py::TestBrokenNotebook1::test")
    void brokenNotebook1() throws Exception {
        JsonNode original = read(notebook("broken1.ipynb"));
        assertThat(tags(original.path("cells").get(0))).containsExactly("papermill-error-cell-tag");
        Path out = out("broken1.ipynb");

        CommandRun r = lb(notebook("broken1.ipynb").toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> cells = cells(read(out));
        assertThat(cells.get(0).path("cell_type").asText()).isEqualTo("markdown");
        assertThat(source(cells.get(0))).matches("^<span .*<a href=\"#papermill-error-cell\".*In \\[2\\].*</span>$");
        assertThat(tags(cells.get(0))).containsExactly("papermill-error-cell-tag");
        assertThat(cells.get(1).path("cell_type").asText()).isEqualTo("markdown");
        assertThat(cells.get(2).path("execution_count").asInt()).isEqualTo(1);
        assertThat(cells.get(3).path("cell_type").asText()).isEqualTo("markdown");
        assertThat(cells.get(4).path("cell_type").asText()).isEqualTo("markdown");
        assertThat(source(cells.get(5))).containsPattern("<span id=\"papermill-error-cell\" .*</span>");
        assertThat(tags(cells.get(5))).containsExactly("papermill-error-cell-tag");
        assertThat(cells.get(6).path("execution_count").asInt()).isEqualTo(2);
        assertThat(cells.get(6).path("outputs").get(0).path("output_type").asText()).isEqualTo("error");
        assertThat(cells.get(7).path("execution_count").isNull()).isTrue();
        assertThat(cells).filteredOn(c -> tags(c).contains("papermill-error-cell-tag")).hasSize(2);
        Nbformat.assertValid(out);
    }

    @Test
    @DisplayName("test_execute.py::TestBrokenNotebook2::test")
    void brokenNotebook2() throws Exception {
        Path out = out("broken2.ipynb");
        CommandRun r = lb(notebook("broken2.ipynb").toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> cells = cells(read(out));
        assertThat(source(cells.get(0))).matches("^<span .*<a href=\"#papermill-error-cell\">.*In \\[2\\].*</span>$");
        assertThat(cells.get(1).path("execution_count").asInt()).isEqualTo(1);
        assertThat(source(cells.get(2))).containsPattern("<span id=\"papermill-error-cell\" .*</span>");
        assertThat(cells.get(3).path("execution_count").asInt()).isEqualTo(2);
        assertThat(cells.get(3).path("outputs").get(0).path("output_type").asText()).isEqualTo("display_data");
        assertThat(cells.get(3).path("outputs").get(1).path("output_type").asText()).isEqualTo("error");
        assertThat(cells.get(4).path("execution_count").isNull()).isTrue();
    }

    @Test
    @DisplayName("test_execute.py::TestReportMode::test_report_mode")
    void reportMode() throws Exception {
        Path out = out("report_mode_test.ipynb");
        CommandRun r = lb(notebook("report_mode_test.ipynb").toString(), out.toString(), "-p", "a", "0", "--report-mode");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(cells(read(out))).filteredOn(c -> c.path("cell_type").asText().equals("code")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.path("metadata").path("jupyter").path("source_hidden").asBoolean()).isTrue());
    }

    @Test
    @DisplayName("test_execute.py::TestOutputPathNone::test_output_path_of_none")
    void outputPathNone() throws Exception {
        // No output file: the notebook goes to stdout, where papermill's API returns it.
        CommandRun r = lb(notebook("simple_execute.ipynb").toString(), "-p", "msg", "Hello");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).path("metadata").path("papermill").path("parameters").path("msg").asText()).isEqualTo("Hello");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @DisplayName("test_execute.py::TestCWD::test_execution_respects_cwd_assignment")
    void executionRespectsCwd() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("check.txt"), "exists");
        Path out = out("read_check.ipynb");

        CommandRun r = lb(notebook("read_check.ipynb").toString(), out.toString(), "--cwd", work.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out).isRegularFile();
        assertThat(work.resolve(out.getFileName())).doesNotExist();
    }

    @Test
    @DisplayName("test_execute.py::TestSysExit::test_sys_exit")
    void sysExit() throws Exception {
        assertCleanExit("sysexit.ipynb", "");
    }

    @Test
    @DisplayName("test_execute.py::TestSysExit::test_sys_exit0")
    void sysExit0() throws Exception {
        assertCleanExit("sysexit0.ipynb", "0");
    }

    @Test
    @DisplayName("test_execute.py::TestSysExit::test_system_exit")
    void systemExit() throws Exception {
        assertCleanExit("systemexit.ipynb", "");
    }

    private void assertCleanExit(String name, String evalue) throws Exception {
        Path out = out(name);
        CommandRun r = lb(notebook(name).toString(), out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("failed");
        List<JsonNode> cells = cells(read(out));
        assertThat(cells.get(0).path("cell_type").asText()).isEqualTo("code");
        assertThat(cells.get(0).path("execution_count").asInt()).isEqualTo(1);
        assertThat(cells.get(1).path("execution_count").asInt()).isEqualTo(2);
        JsonNode error = cells.get(1).path("outputs").get(0);
        assertThat(error.path("output_type").asText()).isEqualTo("error");
        assertThat(error.path("ename").asText()).isEqualTo("SystemExit");
        assertThat(error.path("evalue").asText()).isEqualTo(evalue);
        assertThat(cells.get(2).path("execution_count").isNull()).isTrue();
        Nbformat.assertValid(out);
    }

    @Test
    @DisplayName("test_execute.py::TestSysExit::test_sys_exit1")
    void sysExit1() throws Exception {
        Path out = out("sysexit1.ipynb");
        CommandRun r = lb(notebook("sysexit1.ipynb").toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> cells = cells(read(out));
        assertThat(source(cells.get(0))).matches("^<span .*<a href=\"#papermill-error-cell\".*In \\[2\\].*</span>$");
        assertThat(cells.get(1).path("execution_count").asInt()).isEqualTo(1);
        assertThat(source(cells.get(2))).containsPattern("<span id=\"papermill-error-cell\" .*</span>");
        assertThat(cells.get(3).path("execution_count").asInt()).isEqualTo(2);
        assertThat(cells.get(3).path("outputs").get(0).path("output_type").asText()).isEqualTo("error");
        assertThat(cells.get(4).path("execution_count").isNull()).isTrue();
        // test_execute.py::TestOutputFormatting::test_output_formatting
        assertThat(cells.get(3).path("outputs").get(0).path("traceback").get(1).asText().replaceAll("\u001b\\[[0-9;]*m", ""))
                .isEqualTo("SystemExit: 1\n");
    }

    @Test
    @DisplayName("test_execute.py::TestSysExit::test_line_magic_error")
    void lineMagicError() throws Exception {
        Path out = out("line_magic_error.ipynb");
        CommandRun r = lb(notebook("line_magic_error.ipynb").toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        List<JsonNode> cells = cells(read(out));
        assertThat(source(cells.get(0))).matches("^<span .*<a href=\"#papermill-error-cell\".*In \\[1\\].*</span>$");
        assertThat(tags(cells.get(0))).containsExactly("papermill-error-cell-tag");
        assertThat(cells.get(2).path("cell_type").asText()).isEqualTo("code");
        assertThat(cells.get(2).path("execution_count").asInt()).isEqualTo(1);
        assertThat(cells.get(3).path("execution_count").isNull()).isTrue();
    }

    @Test
    @DisplayName("test_execute.py::TestNotebookValidation::test_from_version_4_4_upgrades")
    void fromVersion44Upgrades() throws Exception {
        Path out = out("nb_version_4.4.ipynb");
        CommandRun r = lb(notebook("nb_version_4.4.ipynb").toString(), out.toString(), "-p", "var", "It works");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode nb = read(out);
        assertThat(nb.path("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(cells(nb)).allSatisfy(c -> assertThat(c.path("id").asText()).isNotEmpty());
        Nbformat.assertValid(out);
    }

    @Test
    @DisplayName("test_execute.py::TestMinimalNotebook::test_no_v3_language_backport")
    void minimalNotebook() throws Exception {
        Path out = out("blank-vscode.ipynb");
        CommandRun r = lb(notebook("blank-vscode.ipynb").toString(), out.toString(), "-k", "python3", "-p", "var", "It works");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Nbformat.assertValid(out);
    }

    @Test
    @DisplayName("test_execute.py::TestNotebookNodeInput::test_notebook_node_input")
    void notebookFromStandardInput() throws Exception {
        Path out = out("stdin.ipynb");
        CommandRun r = lb(() -> false, Files.newInputStream(notebook("simple_execute.ipynb")), "-", out.toString(),
                "-p", "msg", "Hello");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(parameters(out).path("msg").asText()).isEqualTo("Hello");
        assertThat(read(out).path("metadata").path("papermill").path("input_path").asText()).isEqualTo("-");
    }

    // test_cli.py: the parameters each option produces, seen in metadata.papermill.parameters

    private JsonNode prepared(String... options) throws Exception {
        Path out = dir.resolve("prepared.ipynb");
        List<String> args = new ArrayList<>(List.of(notebook("simple_execute.ipynb").toString(), out.toString(), "--prepare-only"));
        args.addAll(List.of(options));
        CommandRun r = lb(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return parameters(out);
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters")
    void cliParameters() throws Exception {
        assertThat(prepared("-p", "foo", "bar", "--parameters", "baz", "42"))
                .isEqualTo(JSON.readTree("{\"foo\": \"bar\", \"baz\": 42}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_raw")
    void cliParametersRaw() throws Exception {
        assertThat(prepared("-r", "foo", "bar", "--parameters_raw", "baz", "42"))
                .isEqualTo(JSON.readTree("{\"foo\": \"bar\", \"baz\": \"42\"}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_file")
    void cliParametersFile() throws Exception {
        JsonNode expected = JSON.readTree("{\"foo\": 54321, \"bar\": \"value\", \"baz\": {\"k2\": \"v2\", \"k1\": \"v1\"},"
                + " \"a_date\": \"2019-01-01\"}");
        assertThat(prepared("-f", RESOURCES.resolve("parameters/example.yaml").toString(),
                "--parameters_file", RESOURCES.resolve("parameters/example.json").toString())).isEqualTo(expected);
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_yaml")
    void cliParametersYaml() throws Exception {
        assertThat(prepared("-y", "{\"foo\": \"bar\"}", "--parameters_yaml", "{\"foo2\": [\"baz\"]}"))
                .isEqualTo(JSON.readTree("{\"foo\": \"bar\", \"foo2\": [\"baz\"]}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_yaml_date")
    void cliParametersYamlDate() throws Exception {
        assertThat(prepared("-y", "a_date: 2019-01-01")).isEqualTo(JSON.readTree("{\"a_date\": \"2019-01-01\"}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_empty")
    void cliParametersEmpty() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "#empty");
        assertThat(prepared("--parameters_file", empty.toString(), "--parameters_yaml", "#empty",
                "--parameters_base64", "I2VtcHR5")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_yaml_override")
    void cliParametersYamlOverride() throws Exception {
        assertThat(prepared("--parameters_yaml", "{\"foo\": \"bar\"}", "-y", "{\"foo\": [\"baz\"]}"))
                .isEqualTo(JSON.readTree("{\"foo\": [\"baz\"]}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_dead_kernel")
    void cliDeadKernel() throws Exception {
        Path in = TestNotebooks.python().code("import os\nos._exit(9)").code("print('never')").write(dir.resolve("dead.ipynb"));
        Path out = out("dead.ipynb");

        CommandRun r = lb(in.toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(138);
        assertThat(out).isRegularFile();
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_base64")
    void cliParametersBase64() throws Exception {
        String a = Base64.getEncoder().encodeToString("{\"foo\": 1}".getBytes(StandardCharsets.UTF_8));
        String b = Base64.getEncoder().encodeToString("{\"bar\": 2}".getBytes(StandardCharsets.UTF_8));
        assertThat(prepared("-b", a, "--parameters_base64", b)).isEqualTo(JSON.readTree("{\"foo\": 1, \"bar\": 2}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_parameters_base64_date")
    void cliParametersBase64Date() throws Exception {
        String date = Base64.getEncoder().encodeToString("{a_date: 2019-01-01}".getBytes(StandardCharsets.UTF_8));
        assertThat(prepared("--parameters_base64", date)).isEqualTo(JSON.readTree("{\"a_date\": \"2019-01-01\"}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_inject_input_path")
    void cliInjectInputPath() throws Exception {
        assertThat(prepared("--inject-input-path").path("PAPERMILL_INPUT_PATH").asText())
                .isEqualTo(notebook("simple_execute.ipynb").toString());
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_inject_output_path")
    void cliInjectOutputPath() throws Exception {
        assertThat(prepared("--inject-output-path").path("PAPERMILL_OUTPUT_PATH").asText())
                .isEqualTo(dir.resolve("prepared.ipynb").toString());
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_inject_paths")
    void cliInjectPaths() throws Exception {
        JsonNode p = prepared("--inject-paths");
        assertThat(p.path("PAPERMILL_INPUT_PATH").asText()).isEqualTo(notebook("simple_execute.ipynb").toString());
        assertThat(p.path("PAPERMILL_OUTPUT_PATH").asText()).isEqualTo(dir.resolve("prepared.ipynb").toString());
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_engine")
    void cliEngine() throws Exception {
        assertThat(prepared("--engine", "nbclient")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_prepare_only")
    void cliPrepareOnlyKeepsOutputs() throws Exception {
        Path executed = out("executed.ipynb");
        assertThat(lb(notebook("simple_execute.ipynb").toString(), executed.toString(), "-p", "msg", "first").exitCode()).isZero();
        Path out = out("prepared-again.ipynb");

        CommandRun r = lb(executed.toString(), out.toString(), "--prepare-only", "-p", "msg", "second");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> cells = cells(read(out));
        assertThat(source(cells.get(1))).isEqualTo("# Parameters\nmsg = \"second\"\n");
        // the outputs and counts of the earlier run stay, as papermill leaves them
        assertThat(cells.get(2).path("execution_count").asInt()).isEqualTo(3);
        assertThat(NotebookDocument.joined(cells.get(2).path("outputs").get(0).path("text"))).isEqualTo("first\n");
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_kernel")
    void cliKernel() throws Exception {
        Path in = TestNotebooks.forKernel("not-installed", "python").code("print(1 + 1)").write(dir.resolve("k.ipynb"));
        Path out = out("k.ipynb");

        CommandRun r = lb(in.toString(), out.toString(), "-k", "python3");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(read(out).path("metadata").path("kernelspec").path("name").asText()).isEqualTo("python3");
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_language")
    void cliLanguage() throws Exception {
        Path in = TestNotebooks.forKernel("latentbench", "java").parameters("int n = 1;").write(dir.resolve("l.ipynb"));
        Path out = out("l.ipynb");

        CommandRun r = lb(in.toString(), out.toString(), "--prepare-only", "-l", "python", "-p", "n", "2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(source(cells(read(out)).get(1))).isEqualTo("# Parameters\nn = 2\n");
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_set_cwd")
    void cliSetCwd() throws Exception {
        Path work = Files.createDirectories(dir.resolve("a_path"));
        Path in = TestNotebooks.python().code("import os\nprint(os.getcwd())").write(dir.resolve("cwd.ipynb"));
        Path out = out("cwd.ipynb");

        CommandRun r = lb(in.toString(), out.toString(), "--cwd", work.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(NotebookDocument.joined(cells(read(out)).get(0).path("outputs").get(0).path("text")).strip())
                .isEqualTo(work.toRealPath().toString());
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_progress_bar, test_no_progress_bar, test_log_output, test_no_log_output")
    void cliProgressAndLogOutput() throws Exception {
        Path in = notebook("simple_execute.ipynb");
        CommandRun logged = lb(in.toString(), out("a.ipynb").toString(), "-p", "msg", "logged-text", "--log-output", "--progress-bar");
        assertThat(logged.exitCode()).as(logged.err()).isZero();
        assertThat(logged.err()).contains("logged-text").contains("executing cell");

        CommandRun quiet = lb(in.toString(), out("b.ipynb").toString(), "-p", "msg", "quiet-text", "--no-log-output", "--no-progress-bar");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain("quiet-text").doesNotContain("cell 1/");
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_log_output_plus_progress")
    void cliLogOutputPlusProgress() throws Exception {
        CommandRun r = lb(notebook("simple_execute.ipynb").toString(), out("c.ipynb").toString(), "-p", "msg", "both",
                "--log-output", "--progress-bar");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("both\n").contains("done in");
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_log_level")
    void cliLogLevel() throws Exception {
        Path in = TestNotebooks.python().code("print(1)").write(dir.resolve("nolevel.ipynb"));
        CommandRun warned = lb(in.toString(), out("w.ipynb").toString(), "--prepare-only", "-p", "x", "1", "--log-level", "WARNING");
        assertThat(warned.err()).contains("warning: the notebook has no cell tagged 'parameters'");
        CommandRun silent = lb(in.toString(), out("s.ipynb").toString(), "--prepare-only", "-p", "x", "1", "--log-level", "ERROR");
        assertThat(silent.exitCode()).isZero();
        assertThat(silent.err()).isEmpty();
        assertThat(lb(in.toString(), out("x.ipynb").toString(), "--log-level", "LOUD").exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_start_timeout, test_start_timeout_backwards_compatibility")
    void cliStartTimeout() throws Exception {
        Path in = TestNotebooks.python().code("print(1)").write(dir.resolve("st.ipynb"));
        assertThat(lb(in.toString(), out("a.ipynb").toString(), "--start-timeout", "123").exitCode()).isZero();
        assertThat(lb(in.toString(), out("b.ipynb").toString(), "--start_timeout", "123").exitCode()).isZero();
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_execution_timeout")
    void cliExecutionTimeout() throws Exception {
        Path in = TestNotebooks.python().code("import time\ntime.sleep(30)").write(dir.resolve("et.ipynb"));
        CommandRun r = lb(in.toString(), out("et.ipynb").toString(), "--execution-timeout", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("timed out after 1.0 s");
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_report_mode, test_no_report_mode")
    void cliReportMode() throws Exception {
        Path a = dir.resolve("a.ipynb");
        Path b = dir.resolve("b.ipynb");
        assertThat(lb(notebook("simple_execute.ipynb").toString(), a.toString(), "--prepare-only", "--report-mode").exitCode()).isZero();
        assertThat(lb(notebook("simple_execute.ipynb").toString(), b.toString(), "--prepare-only", "--no-report-mode").exitCode()).isZero();
        assertThat(cells(read(a)).get(1).path("metadata").path("jupyter").path("source_hidden").asBoolean()).isTrue();
        assertThat(cells(read(b)).get(1).path("metadata").has("jupyter")).isFalse();
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_version")
    void cliVersion() {
        CommandRun r = lb("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("latentbench ");
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_help_notebook")
    void cliHelpNotebook() throws Exception {
        CommandRun r = lb("--help-notebook", notebook("complex_parameters.ipynb").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Parameters inferred for notebook '" + notebook("complex_parameters.ipynb") + "'")
                .contains("  msg: Unknown type (default None)")
                .contains("  a: float (default 2.25)")
                .contains("Variable a");
        CommandRun none = lb("--help-notebook", notebook("no_parameters.ipynb").toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).contains("No cell tagged 'parameters'");
    }

    @Test
    @DisplayName("test_cli.py::TestCLI::test_many_args")
    void cliManyArgs() throws Exception {
        String base64 = "eyJiYXNlNjRfZm9vIjogImJhc2U2NF9iYXIifQ==";
        JsonNode p = prepared("-f", RESOURCES.resolve("parameters/example.yaml").toString(),
                "-y", "{\"yaml_foo\": {\"yaml_bar\": \"yaml_baz\"}}", "-b", base64, "-p", "baz", "replace",
                "-r", "foo", "54321", "--kernel", "R", "--engine", "nbclient", "--log-output",
                "--autosave-cell-every", "17", "--no-progress-bar", "--start-timeout", "321", "--execution-timeout", "654",
                "--report-mode");
        assertThat(p).isEqualTo(JSON.readTree("{\"foo\": \"54321\", \"bar\": \"value\", \"baz\": \"replace\","
                + " \"yaml_foo\": {\"yaml_bar\": \"yaml_baz\"}, \"base64_foo\": \"base64_bar\", \"a_date\": \"2019-01-01\"}"));
    }

    private String pythonNotebookJson() {
        return TestNotebooks.python().markdown("This is a notebook with kernel: python3").json();
    }

    @Test
    @DisplayName("test_cli.py::test_pipe_in_out_explicit")
    void pipeInOutExplicit() throws Exception {
        CommandRun r = lb(() -> false, new ByteArrayInputStream(pythonNotebookJson().getBytes(StandardCharsets.UTF_8)), "-", "-");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path out = Files.writeString(dir.resolve("piped.ipynb"), r.out());
        Nbformat.assertValid(out);
    }

    @Test
    @DisplayName("test_cli.py::test_pipe_out_auto")
    void pipeOutAuto() throws Exception {
        Path in = Files.writeString(dir.resolve("in.ipynb"), pythonNotebookJson());

        CommandRun r = lb(() -> false, new ByteArrayInputStream(new byte[0]), in.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).path("cells").get(0).path("cell_type").asText()).isEqualTo("markdown");
    }

    @Test
    @DisplayName("test_cli.py::test_pipe_out_explicit")
    void pipeOutExplicit() throws Exception {
        Path in = Files.writeString(dir.resolve("in.ipynb"), pythonNotebookJson());

        CommandRun r = lb(() -> true, InputStream.nullInputStream(), in.toString(), "-");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path out = Files.writeString(dir.resolve("piped.ipynb"), r.out());
        Nbformat.assertValid(out);
    }

    @Test
    @DisplayName("test_cli.py::test_pipe_in_explicit")
    void pipeInExplicit() throws Exception {
        Path out = dir.resolve("notebook.ipynb");
        CommandRun r = lb(() -> false, new ByteArrayInputStream(pythonNotebookJson().getBytes(StandardCharsets.UTF_8)), "-", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        Nbformat.assertValid(out);
    }

    @Test
    @DisplayName("test_cli.py::test_stdout_file")
    void stdoutFile() throws Exception {
        Path out = dir.resolve("notebook.ipynb");
        Path stdout = dir.resolve("notebook.stdout");
        String secret = java.util.UUID.randomUUID().toString();

        CommandRun r = lb(notebook("simple_execute.ipynb").toString(), out.toString(), "-k", "python3", "-p", "msg", secret,
                "--stdout-file", stdout.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(stdout).hasContent(secret + "\n");
    }

    // test_engines.py: the metadata NotebookExecutionManager records, as seen in the written notebook

    @Test
    @DisplayName("test_engines.py::TestNotebookExecutionManager::test_notebook_complete_cell_status_completed")
    void everyCellMarkdownIncludedEndsCompletedWithTimes() throws Exception {
        Path out = out("simple_execute.ipynb");
        assertThat(lb(notebook("simple_execute.ipynb").toString(), out.toString(), "-p", "msg", "x").exitCode()).isZero();

        JsonNode nb = read(out);
        assertThat(cells(nb)).hasSize(4).allSatisfy(c -> {
            JsonNode pm = c.path("metadata").path("papermill");
            assertThat(pm.path("status").asText()).isEqualTo("completed");
            assertThat(pm.path("start_time").isTextual()).isTrue();
            assertThat(pm.path("end_time").isTextual()).isTrue();
            assertThat(pm.path("duration").isNumber()).isTrue();
            assertThat(pm.path("exception").asBoolean()).isFalse();
        });
        JsonNode pm = nb.path("metadata").path("papermill");
        assertThat(pm.path("duration").isNumber()).isTrue();
        assertThat(pm.path("exception").isNull()).isTrue();
        assertThat(pm.path("default_parameters").isObject()).isTrue();
        assertThat(pm.path("version").isTextual()).isTrue();
    }

    @Test
    @DisplayName("test_engines.py::TestNotebookExecutionManager::test_notebook_complete_cell_status_with_failed")
    void cellsAfterTheFailedOneStayPending() throws Exception {
        Path out = out("sysexit1.ipynb");
        assertThat(lb(notebook("sysexit1.ipynb").toString(), out.toString()).exitCode()).isEqualTo(1);

        List<String> statuses = new ArrayList<>();
        cells(read(out)).forEach(c -> statuses.add(c.path("metadata").path("papermill").path("status").asText("")));
        // banner, completed cell, anchor, the failed cell, the one after it
        assertThat(statuses).containsExactly("", "completed", "", "failed", "pending");
    }

    @Test
    @DisplayName("test_engines.py::TestNBClientEngine::test_nb_convert_engine_execute (kernel name python)")
    void kernelNamePythonRunsOnPython3() throws Exception {
        Path out = out("test_autosave.ipynb");
        CommandRun r = lb(notebook("test_autosave.ipynb").toString(), out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(NotebookDocument.joined(cells(read(out)).get(0).path("outputs").get(0).path("text"))).startsWith("0\n1\n").endsWith("24\n");
    }

    @Test
    @DisplayName("test_parameterize.py::TestPathParameterizing (through the command line)")
    void outputPathIsATemplate() throws Exception {
        CommandRun r = lb(notebook("simple_execute.ipynb").toString(), dir.resolve("out_{msg}_{n:03d}.ipynb").toString(),
                "--prepare-only", "-p", "msg", "Hello", "-p", "n", "42");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("out_Hello_042.ipynb")).isRegularFile();
        CommandRun missing = lb(notebook("simple_execute.ipynb").toString(), dir.resolve("out_{nope}.ipynb").toString(), "--prepare-only");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing parameter 'nope'");
    }

    @Test
    @DisplayName("test_parameterize.py::TestBuiltinParameters (all six, through the output path)")
    void builtinParametersInPaths() throws Exception {
        String in = notebook("simple_execute.ipynb").toString();
        CommandRun builtins = lb(in, dir.resolve("{msg}_{pm[run_uuid]}_{pm[current_datetime_utc]:%Y}_{pm[current_datetime_local]:%m}.ipynb").toString(),
                "--prepare-only", "-p", "msg", "kept");
        assertThat(builtins.exitCode()).as(builtins.err()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .singleElement().asString().matches("kept_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_20\\d\\d_\\d\\d\\.ipynb");
        }
        CommandRun overridden = lb(in, dir.resolve("{pm}.ipynb").toString(), "--prepare-only", "-p", "pm", "foo");
        assertThat(overridden.exitCode()).as(overridden.err()).isZero();
        assertThat(dir.resolve("foo.ipynb")).isRegularFile();
    }

    @Test
    @DisplayName("issue 17 item 6: whole numbers beyond 64 bits and YAML .nan/.inf are injected exactly")
    void bigNumbersAndNonFiniteYaml() throws Exception {
        Path out = out("big.ipynb");
        CommandRun r = lb(notebook("simple_execute.ipynb").toString(), out.toString(), "--prepare-only",
                "-p", "x", "123456789012345678901234567890", "-y", "{n: .nan, i: .inf, m: -.inf, t: 1e-10}");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(source(cells(read(out)).get(1))).isEqualTo("# Parameters\nn = float('nan')\ni = float('inf')\n"
                + "m = float('-inf')\nt = 1e-10\nx = 123456789012345678901234567890\n");
    }
}
