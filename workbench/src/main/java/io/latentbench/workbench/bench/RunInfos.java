package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The provenance of a run on this machine: commit, JDK, CPU model, cores. */
final class RunInfos {

    private RunInfos() {}

    static RunInfo capture(String profile) {
        return new RunInfo(Instant.now(), gitCommit(), profile, Runtime.version().toString(), cpuModel(),
                Runtime.getRuntime().availableProcessors());
    }

    /** HEAD of the checkout lb runs from (or the working directory), "unknown" outside git. */
    static String gitCommit() {
        String home = System.getProperty("latentbench.home");
        Path dir = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile())
                    .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{7,64}")) {
                return out;
            }
        } catch (IOException e) {
            // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the architecture
        }
        return System.getProperty("os.arch", "unknown");
    }
}
