package io.latentbench.workbench.runreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.bench.BenchResults;
import org.junit.jupiter.api.Test;

/**
 * The run report in headless Chromium (e2e/open-page.mjs, playwright-core, Debian's chromium):
 * it loads from its file alone, with no console or page error, and every chart renders. The
 * screenshot lands in workbench/target/e2e/run-report.png.
 */
class RunReportBrowserIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LATENTBENCH_CHROMIUM", "/usr/bin/chromium"));
    static final Path TARGET = Path.of(System.getProperty("latentbench.target", "target")).toAbsolutePath();
    static final Path ROOT = TARGET.getParent().getParent();

    @Test
    void theReportOpensInChromiumWithoutErrorsOrRequests() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium at %s (apt-get install chromium, or set LATENTBENCH_CHROMIUM)", CHROMIUM).isTrue();
        Path e2e = ROOT.resolve("e2e");
        if (!Files.exists(e2e.resolve("node_modules/playwright-core/package.json"))) {
            assertThat(new ProcessBuilder("npm", "ci", "--prefix", e2e.toString(), "--no-audit", "--no-fund").inheritIO().start()
                    .waitFor()).as("npm ci --prefix e2e").isZero();
        }
        Path out = Files.createDirectories(TARGET.resolve("e2e"));
        Path report = new BenchResults(RunReportTest.sample(), null).report(out.resolve("run-report.html"));
        Path screenshot = out.resolve("run-report.png");
        Path result = out.resolve("run-report.result.json");
        Files.deleteIfExists(screenshot);
        Process p = new ProcessBuilder(List.of("node", e2e.resolve("open-page.mjs").toString(), "--url", report.toUri().toString(),
                "--screenshot", screenshot.toString(), "--result", result.toString(), "--chromium", CHROMIUM.toString()))
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the browser run finished").isTrue();

        JsonNode r = new ObjectMapper().readTree(result.toFile());
        assertThat(r.path("consoleErrors")).as("console errors\n%s", output).isEmpty();
        assertThat(r.path("pageErrors")).as("page errors").isEmpty();
        assertThat(r.path("outsideRequests")).as("requests beyond the file").isEmpty();
        assertThat(r.path("title").asText()).startsWith("latentbench run");
        // a strip plot per method (2) and a line chart per varied parameter (dim, k, type)
        assertThat(r.path("svgs").asInt()).isEqualTo(5);
        assertThat(p.exitValue()).as(output).isZero();
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertThat(shot).isNotNull();
        assertThat(shot.getHeight()).as("a full-page screenshot of every section").isGreaterThan(900);
    }
}
