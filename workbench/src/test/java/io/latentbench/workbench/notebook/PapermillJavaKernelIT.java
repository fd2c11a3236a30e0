package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.kernel.KernelInstaller;
import io.latentbench.workbench.kernel.maven.FileRepository;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * papermill's cases that translate to our Java kernel (parameters, errors, exit codes, metadata), as
 * {@code lb run} command lines run as their own process with the kernelspec installed into a temporary prefix;
 * and what a notebook on the packaged kernel sees of the kernel's own libraries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PapermillJavaKernelIT {

    static final Path TARGET = Path.of(System.getProperty("latentbench.target", "target")).toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path prefix;

    @TempDir
    Path dir;

    Path jupyterPath;

    record Run(int exitCode, String output) {}

    @BeforeAll
    void installKernelspec() throws IOException {
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        KernelInstaller.Layout layout = KernelInstaller.Layout.ofTarget(java, TARGET);
        layout.check();
        KernelInstaller.install(KernelInstaller.prefixKernelsDir(prefix), KernelInstaller.DEFAULT_NAME, layout);
        jupyterPath = prefix.resolve("share/jupyter");
    }

    private Run lbRun(String... args) throws IOException, InterruptedException {
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-Djava.awt.headless=true", "-cp",
                TARGET.resolve("latentbench-workbench.jar") + File.pathSeparator + TARGET.resolve("lib") + File.separator + "*",
                "io.latentbench.workbench.cli.Main", "run"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        Path log = Files.createTempFile(dir, "lb-run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Run(p.waitFor(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static List<JsonNode> cells(Path nb) throws IOException {
        List<JsonNode> cells = new ArrayList<>();
        JSON.readTree(nb.toFile()).path("cells").forEach(cells::add);
        return cells;
    }

    private static String stdout(JsonNode cell) {
        StringBuilder text = new StringBuilder();
        cell.path("outputs").forEach(o -> text.append(NotebookDocument.joined(o.path("text"))));
        return text.toString();
    }

    @Test
    @DisplayName("test_execute.py::test_cell_insertion, test_cli.py::test_parameters and -r/-y/-b, on the Java kernel")
    void typedParametersAndEveryCellCompleted() throws Exception {
        Path in = TestNotebooks.forKernel("latentbench", "java")
                .markdown("# Java")
                .parameters("String msg = \"none\";\ndouble alpha = 0.5;\nlong n = 0;")
                .code("System.out.println(msg + \" \" + alpha + \" \" + n + \" \" + big.add(java.math.BigInteger.ONE) + \" \" + raw.length());")
                .write(dir.resolve("params.ipynb"));
        Path out = dir.resolve("out_{msg}.ipynb");

        Run r = lbRun(in.toString(), out.toString(), "-p", "msg", "Hello", "-p", "alpha", "1", "-y", "{n: 7}",
                "-p", "big", "123456789012345678901234567890", "-r", "raw", "12345");

        assertThat(r.exitCode()).as(r.output()).isZero();
        Path written = dir.resolve("out_Hello.ipynb");
        List<JsonNode> cells = cells(written);
        assertThat(NotebookDocument.joined(cells.get(2).path("source"))).contains("String msg = \"Hello\";", "double alpha = 1.0;",
                "long n = 7L;", "new java.math.BigInteger(\"123456789012345678901234567890\")", "String raw = \"12345\";");
        assertThat(stdout(cells.get(3))).isEqualTo("Hello 1.0 7 123456789012345678901234567891 5\n");
        assertThat(cells).allSatisfy(c -> assertThat(c.path("metadata").path("papermill").path("status").asText()).isEqualTo("completed"));
        Nbformat.assertValid(written);
    }

    @Test
    @DisplayName("test_execute.py::TestBrokenNotebook2 and test_cli.py::test_parameters_dead_kernel, on the Java kernel")
    void anErrorGivesPapermillsMarkersAndADeadKernel138() throws Exception {
        Path in = TestNotebooks.forKernel("latentbench", "java")
                .code("System.out.println(\"ok\");")
                .code("throw new IllegalStateException(\"broken\");")
                .code("System.out.println(\"never\");")
                .write(dir.resolve("broken.ipynb"));
        Path out = dir.resolve("broken-out.ipynb");

        Run failed = lbRun(in.toString(), out.toString());

        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        List<JsonNode> cells = cells(out);
        assertThat(NotebookDocument.joined(cells.get(0).path("source"))).matches("^<span .*<a href=\"#papermill-error-cell\".*In \\[2\\].*</span>$");
        assertThat(NotebookDocument.joined(cells.get(2).path("source"))).contains("<span id=\"papermill-error-cell\"");
        assertThat(cells.get(3).path("outputs")).anySatisfy(o -> assertThat(o.path("output_type").asText()).isEqualTo("error"));
        assertThat(cells.get(3).path("metadata").path("papermill").path("status").asText()).isEqualTo("failed");
        assertThat(cells.get(4).path("execution_count").isNull()).isTrue();
        Nbformat.assertValid(out);

        Path dying = TestNotebooks.forKernel("latentbench", "java").code("Runtime.getRuntime().halt(3);")
                .write(dir.resolve("dying.ipynb"));
        Run died = lbRun(dying.toString(), dir.resolve("dying-out.ipynb").toString());
        assertThat(died.exitCode()).as(died.output()).isEqualTo(138);
        assertThat(dir.resolve("dying-out.ipynb")).isRegularFile();
    }

    @Test
    @DisplayName("test_cli.py::test_prepare_only and test_execute.py::test_no_tags, on the Java kernel")
    void prepareOnlyKeepsOutputsAndNoParametersCellGoesOnTop() throws Exception {
        Path in = TestNotebooks.forKernel("latentbench", "java").code("System.out.println(\"x\" + n);")
                .write(dir.resolve("prep.ipynb"));
        Path executed = dir.resolve("executed.ipynb");
        Run r = lbRun(in.toString(), executed.toString(), "-p", "n", "1");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(NotebookDocument.joined(cells(executed).get(0).path("source"))).isEqualTo("// Parameters\nint n = 1;\n");

        Path prepared = dir.resolve("prepared.ipynb");
        Run p = lbRun(executed.toString(), prepared.toString(), "--prepare-only", "-p", "n", "2");

        assertThat(p.exitCode()).as(p.output()).isZero();
        List<JsonNode> cells = cells(prepared);
        assertThat(NotebookDocument.joined(cells.get(0).path("source"))).isEqualTo("// Parameters\nint n = 2;\n");
        assertThat(stdout(cells.get(1))).isEqualTo("x1\n");
    }

    @Test
    @DisplayName("IJava's %maven on the packaged kernel, whose own resolver, httpclient and plexus cells do not see")
    void mavenResolvesOnThePackagedKernelWhileItsOwnLibrariesStayOutOfTheCells() throws Exception {
        String repo = FileRepository.create(dir.resolve("m2")).toUri().toString();
        List<String> kernelOwn = List.of("org.eclipse.aether.RepositorySystem", "org.apache.maven.model.Model",
                "org.codehaus.plexus.util.StringUtils", "org.apache.http.client.HttpClient",
                "org.apache.commons.codec.binary.Base64", "org.apache.commons.logging.Log");
        Path in = TestNotebooks.forKernel("latentbench", "java")
                .code("System.setProperty(\"maven.repo.local\", \"" + dir.resolve("local") + "\");")
                .code("%mavenRepo -d central\n%mavenRepo files " + repo)
                .code("%maven demo:greeter:1.0")
                .code("System.out.println(demo.Greeter.hello());")
                .code("for (String c : List.of(\"" + String.join("\", \"", kernelOwn) + "\")) {\n"
                        + "    try { Class.forName(c); System.out.println(\"visible \" + c); }\n"
                        + "    catch (ClassNotFoundException e) { System.out.println(\"hidden \" + c); }\n}")
                .write(dir.resolve("maven.ipynb"));
        Path out = dir.resolve("maven-out.ipynb");

        Run r = lbRun(in.toString(), out.toString());

        assertThat(r.exitCode()).as(r.output()).isZero();
        List<JsonNode> cells = cells(out);
        assertThat(stdout(cells.get(3))).isEqualTo("hello from names 2.0\n");
        assertThat(stdout(cells.get(4)).lines()).containsExactlyElementsOf(kernelOwn.stream().map(c -> "hidden " + c).toList());
    }
}
