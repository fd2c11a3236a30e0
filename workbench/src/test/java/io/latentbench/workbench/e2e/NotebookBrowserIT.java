package io.latentbench.workbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.kernel.KernelInstaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser: Jupyter Notebook (Debian's classic Notebook 6 UI) on 127.0.0.1 with our kernel,
 * and headless Chromium driven by e2e/run-notebook.mjs (playwright-core) through Cell > Run All on a
 * notebook, by default notebooks/01-quickstart.ipynb ({@code -Dlatentbench.e2e.notebook=PATH}, relative
 * to the repository, picks another). Fails on any cell error, on cells that did not run and when no
 * image/png output renders. The full-page screenshot lands in workbench/target/e2e/NAME.png.
 *
 * <p>Needs Debian's jupyter-notebook and chromium, Node.js 20+ and e2e/node_modules (.ci/run installs
 * all of them; this test runs {@code npm ci --prefix e2e} itself when node_modules is missing).
 */
class NotebookBrowserIT {

    static final String PYTHON = System.getenv().getOrDefault("LATENTBENCH_PYTHON", "/usr/bin/python3");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LATENTBENCH_CHROMIUM", "/usr/bin/chromium"));
    static final Path TARGET = Path.of(System.getProperty("latentbench.target", "target")).toAbsolutePath();
    static final Path ROOT = TARGET.getParent().getParent();
    static final Path E2E = ROOT.resolve("e2e");
    static final Path NOTEBOOK = ROOT.resolve(System.getProperty("latentbench.e2e.notebook", "notebooks/01-quickstart.ipynb"));

    /** Generous: two cores shared with other builds; the notebook's own cells bound the real time. */
    static final Duration SERVER_START = Duration.ofMinutes(3);
    static final Duration NOTEBOOK_RUN = Duration.ofMinutes(20);

    @TempDir
    Path tmp;

    record Run(int exitCode, String output) {
    }

    @Test
    void runsAllCellsInChromiumWithoutErrorsAndRendersAPlot() throws Exception {
        checkRequirements();
        byte[] original = Files.readAllBytes(NOTEBOOK);
        String name = NOTEBOOK.getFileName().toString();
        String stem = name.replaceFirst("\\.ipynb$", "");

        // The server sees a copy, so saving or autosaving in the browser never touches the original.
        Path notebookDir = Files.createDirectories(tmp.resolve("notebooks"));
        Files.copy(NOTEBOOK, notebookDir.resolve(name));
        Path prefix = tmp.resolve("prefix");
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        KernelInstaller.Layout layout = KernelInstaller.Layout.ofTarget(java, TARGET);
        layout.check();
        KernelInstaller.install(KernelInstaller.prefixKernelsDir(prefix), KernelInstaller.DEFAULT_NAME, layout);

        Path out = Files.createDirectories(TARGET.resolve("e2e"));
        Path screenshot = out.resolve(stem + ".png");
        Path result = out.resolve(stem + ".result.json");
        Files.deleteIfExists(screenshot);
        Files.deleteIfExists(result);

        int port = freePort();
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Path serverLog = out.resolve(stem + ".server.log");
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--notebook-dir=" + notebookDir)
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(serverLog.toFile());
        Map<String, String> env = pb.environment();
        // Kernelspec, config, data and runtime files all in the temporary directory: the user's own
        // Jupyter directories are neither read nor written. The token goes by environment, not argv.
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("JUPYTER_DATA_DIR", tmp.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString());
        env.put("JUPYTER_TOKEN", token);
        env.put("PYTHONDONTWRITEBYTECODE", "1");

        long started = System.nanoTime();
        Process server = pb.start();
        try {
            waitUntilServing(server, port, token, serverLog);
            String url = "http://127.0.0.1:" + port + "/notebooks/"
                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "?token=" + token;
            Run browser = run(List.of("node", E2E.resolve("run-notebook.mjs").toString(), "--url", url,
                    "--screenshot", screenshot.toString(), "--result", result.toString(),
                    "--chromium", CHROMIUM.toString(), "--timeout-seconds", Long.toString(NOTEBOOK_RUN.toSeconds())),
                    ROOT, NOTEBOOK_RUN.plusMinutes(5));
            System.out.printf("browser run of %s: %.0f s%n", name, (System.nanoTime() - started) / 1e9);

            assertThat(result).as("the driver's result file\n%s", browser.output()).isRegularFile();
            JsonNode r = new ObjectMapper().readTree(result.toFile());
            assertThat(r.path("errors")).as("cells showing an error in %s", name).isEmpty();
            assertThat(r.path("codeCells").asInt()).as("code cells in %s", name).isPositive();
            assertThat(r.path("executed").asInt()).as("code cells of %s with an execution count\n%s", name, browser.output())
                    .isEqualTo(r.path("codeCells").asInt());
            assertThat(r.path("images").asInt()).as("rendered image/png outputs in %s", name).isPositive();
            assertThat(browser.exitCode()).as("the browser run's verdict\n%s\nserver log:\n%s", browser.output(),
                    tail(serverLog)).isZero();

            BufferedImage shot = ImageIO.read(screenshot.toFile());
            assertThat(shot).as("a PNG screenshot at %s", screenshot).isNotNull();
            assertThat(shot.getHeight()).as("a full-page screenshot is taller than the 900 px window").isGreaterThan(900);
        } finally {
            stop(server);
        }
        assertThat(Files.readAllBytes(NOTEBOOK)).as("%s is left as it was", NOTEBOOK).isEqualTo(original);
    }

    /** Each missing piece fails here, naming what to install, instead of as a timeout later. */
    static void checkRequirements() throws Exception {
        assertThat(NOTEBOOK).as("the notebook under test (-Dlatentbench.e2e.notebook=PATH picks another)").isRegularFile();
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium at %s: apt-get install --no-install-recommends chromium (.ci/run does), "
                        + "or set LATENTBENCH_CHROMIUM", CHROMIUM).isTrue();
        Run notebook = run(List.of(PYTHON, "-c", "import notebook.notebookapp"), ROOT, Duration.ofMinutes(1));
        assertThat(notebook.exitCode()).as("Jupyter Notebook for %s: apt-get install --no-install-recommends "
                + "jupyter-notebook (.ci/run does)\n%s", PYTHON, notebook.output()).isZero();
        Run node = run(List.of("node", "-e", "process.exit(Number(process.versions.node.split('.')[0]) >= 20 ? 0 : 1)"),
                ROOT, Duration.ofMinutes(1));
        assertThat(node.exitCode()).as("Node.js 20 or newer on PATH (with npm)\n%s", node.output()).isZero();
        Path playwright = E2E.resolve("node_modules/playwright-core/package.json");
        String npmOutput = "";
        if (!Files.exists(playwright)) {
            // The lock file pins playwright-core; it brings no browser of its own (Chromium is Debian's).
            npmOutput = run(List.of("npm", "ci", "--prefix", E2E.toString(), "--no-audit", "--no-fund"), ROOT,
                    Duration.ofMinutes(5)).output();
        }
        assertThat(playwright).as("playwright-core in e2e/node_modules: run npm ci --prefix e2e (.ci/run does)\n%s",
                npmOutput).isRegularFile();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void waitUntilServing(Process server, int port, String token, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
                .header("Authorization", "token " + token).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + SERVER_START.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("jupyter notebook exited early:\n%s", tail(log)).isTrue();
            try {
                if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("jupyter notebook did not answer on port " + port + " within " + SERVER_START
                + ":\n" + tail(log));
    }

    /**
     * SIGTERM lets the server shut its kernels down; whatever of it or its kernels is still there a
     * minute later is killed, so no JVM or server outlives the test.
     */
    static void stop(Process server) throws InterruptedException {
        List<ProcessHandle> children = server.descendants().toList();
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    static Run run(List<String> command, Path dir, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("latentbench-e2e", ".log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException notFound) {
            Files.deleteIfExists(log);
            return new Run(-1, command.get(0) + ": " + notFound.getMessage());
        }
        boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            // node and the Chromium it started
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        String shown = String.join(" ", command).replaceAll("token=[0-9a-f]+", "token=***");
        System.out.println("$ " + shown + "\n" + output);
        return new Run(done ? p.exitValue() : -1, done ? output : output + "\n(timed out after " + timeout + ")");
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
