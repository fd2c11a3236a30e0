package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The provenance of a run on this machine: commit, JDK, CPU model and vector ISA, cores. */
final class RunInfos {

    private RunInfos() {}

    static RunInfo capture(String profile) {
        return new RunInfo(Instant.now(), gitCommit(), profile, Runtime.version().toString(), cpuModel(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The commit the run measures: $LB_GIT_COMMIT when set (an image built without .git, as the
     * Kubernetes one, is told it at build time), else HEAD of the checkout lb runs from (or the
     * working directory), else "unknown".
     */
    static String gitCommit() {
        String home = System.getProperty("latentbench.home");
        Path dir = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        return gitCommit(System.getenv("LB_GIT_COMMIT"), dir);
    }

    static String gitCommit(String declared, Path dir) {
        if (declared != null && !declared.isBlank()) {
            if (declared.trim().matches("[0-9a-f]{7,64}")) {
                return declared.trim();
            }
            // provenance only: the measurements must not be lost over it, so say it and ask git
            System.err.println("lb: LB_GIT_COMMIT='" + declared + "' is not a commit hash (7 to 64 hex digits);"
                    + " using git's HEAD instead");
        }
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

    /**
     * The CPU model name with the widest vector instruction set the JIT can use, e.g.
     * "AMD EPYC (avx2)". A virtual machine may report only "AMD EPYC", and hosts of that one name
     * were seen here both with and without AVX-512: the Vector API's speed differs between them,
     * so the testbed name derived from this must differ too.
     */
    static String cpuModel() {
        try {
            return describeCpu(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the architecture
        }
        return System.getProperty("os.arch", "unknown");
    }

    /** The model and the vector ISA from the lines of /proc/cpuinfo. */
    static String describeCpu(List<String> cpuinfo) {
        String model = null;
        Set<String> flags = Set.of();
        for (String line : cpuinfo) {
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (model == null && line.startsWith("model name")) {
                model = value;
            } else if (flags.isEmpty() && (line.startsWith("flags") || line.startsWith("Features"))) {
                flags = Set.copyOf(Arrays.asList(value.split("\\s+"))); // copyOf: a repeated flag is no error
            }
        }
        if (model == null) {
            throw new IllegalStateException("no model name in /proc/cpuinfo");
        }
        String isa = flags.contains("avx512f") ? "avx512" : flags.contains("avx2") ? "avx2"
                : flags.contains("avx") ? "avx" : flags.contains("asimd") ? "neon" : null;
        return isa == null ? model : model + " (" + isa + ")";
    }
}
