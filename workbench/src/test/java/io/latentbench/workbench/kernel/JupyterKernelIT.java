package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel under Jupyter itself, from the packaged jars: the Jupyter project's conformance suite,
 * interrupt, restart, 500 cells, and a notebook through {@code jupyter nbconvert --execute}.
 * Needs Debian's Jupyter packages, which .ci/run installs; their modules are visible to
 * /usr/bin/python3 only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JupyterKernelIT {

    static final String PYTHON = System.getenv().getOrDefault("LATENTBENCH_PYTHON", "/usr/bin/python3");
    static final Path TARGET = Path.of(System.getProperty("latentbench.target", "target")).toAbsolutePath();
    static final Path PYTHON_TESTS = TARGET.getParent().resolve("src/test/python");
    static final Path NOTEBOOKS = TARGET.getParent().resolve("src/test/notebooks");

    @TempDir
    static Path prefix;

    Path jupyterPath;

    record Run(int exitCode, String output) {
    }

    @BeforeAll
    void installKernelspec() throws Exception {
        Run check = run(List.of(PYTHON, "-c", "import jupyter_client, jupyter_kernel_test, nbformat, nbclient, nbconvert"),
                TARGET, 60);
        assertThat(check.exitCode())
                .as("Jupyter for %s: apt-get install jupyter-client jupyter-core jupyter-nbconvert python3-nbclient "
                        + "python3-nbformat python3-jupyter-kernel-test (.ci/run does)\n%s", PYTHON, check.output())
                .isZero();
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        KernelInstaller.Layout layout = KernelInstaller.Layout.ofTarget(java, TARGET);
        layout.check();
        KernelInstaller.install(KernelInstaller.prefixKernelsDir(prefix), KernelInstaller.DEFAULT_NAME, layout);
        // a second install over the first changes nothing: reinstalling is idempotent
        Path spec = KernelInstaller.install(KernelInstaller.prefixKernelsDir(prefix), KernelInstaller.DEFAULT_NAME, layout).resolve("kernel.json");
        JsonNode json = new ObjectMapper().readTree(spec.toFile());
        assertThat(json.path("argv").get(0).asText()).isEqualTo(java.toString());
        assertThat(json.path("interrupt_mode").asText()).isEqualTo("message");
        jupyterPath = prefix.resolve("share/jupyter");
    }

    @Test
    void passesTheJupyterKernelConformanceSuite() throws Exception {
        Run r = run(List.of(PYTHON, "-m", "unittest", "-v", "test_kernel_conformance"), PYTHON_TESTS, 900);
        assertThat(r.exitCode()).as(r.output()).isZero();
        for (String test : List.of("test_kernel_info", "test_execute_stdout", "test_execute_stderr", "test_completion",
                "test_is_complete", "test_error", "test_execute_result", "test_display_data", "test_history",
                "test_inspect", "test_clear_output")) {
            assertThat(r.output()).as("%s ran and passed", test).containsPattern(test + " \\(.*\\) \\.\\.\\. ok");
        }
    }

    @Test
    void survivesInterruptRestartAndFiveHundredCells() throws Exception {
        Run r = run(List.of(PYTHON, "-m", "unittest", "-v", "test_kernel_lifecycle"), PYTHON_TESTS, 1800);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("LATENCY", "HEAP", "INTERRUPT");
    }

    @Test
    void executesANotebookThroughNbconvert() throws Exception {
        Path out = prefix.resolve("kernel-smoke.out.ipynb");
        Run r = run(List.of(PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--output", out.toString(),
                NOTEBOOKS.resolve("kernel-smoke.ipynb").toString()), prefix, 900);
        assertThat(r.exitCode()).as(r.output()).isZero();
        Run valid = run(List.of(PYTHON, PYTHON_TESTS.resolve("validate_notebook.py").toString(), out.toString(),
                "text/html", "image/png", "text/markdown", "text/plain"), prefix, 120);
        assertThat(valid.exitCode()).as(valid.output()).isZero();

        JsonNode nb = new ObjectMapper().readTree(out.toFile());
        List<String> types = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                types.add(output.path("output_type").asText());
            }
        }
        assertThat(types).contains("execute_result", "display_data", "stream").doesNotContain("error");
    }

    Run run(List<String> command, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        if (jupyterPath != null) {
            env.put("JUPYTER_PATH", jupyterPath.toString());
        }
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Path log = Files.createTempFile("latentbench-it", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        return new Run(done ? p.exitValue() : -1, output);
    }
}
