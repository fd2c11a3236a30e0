package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lb kernel install}'s training run on the built jars: it writes the start-up cache, the
 * kernelspec names it, and a JVM started as the kernelspec says runs a session on it (the training
 * class itself, with the cache mapped, stands in for the kernel: same options and class path).
 */
class KernelStartupCacheIT {

    static final Path TARGET = Path.of(System.getProperty("latentbench.target", "target")).toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void installTrainsTheCacheAndTheKernelStartsOnIt() throws Exception {
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        KernelInstaller.Layout layout = KernelInstaller.Layout.ofTarget(java, TARGET);
        layout.check();
        Path spec = KernelInstaller.install(dir.resolve("kernels"), "latentbench", layout, true);

        StartupCache cache = StartupCache.forJava(Runtime.version().feature(), spec.toAbsolutePath()).orElseThrow();
        assertThat(cache.file()).as("the cache, see %s", spec.resolve("training.log")).isNotEmptyFile();
        assertThat(spec.resolve("training.log")).content().contains("5 cells run");
        JsonNode json = new ObjectMapper().readTree(spec.resolve("kernel.json").toFile());
        List<String> argv = new ArrayList<>();
        json.path("argv").forEach(a -> argv.add(a.asText()));
        assertThat(argv).containsAll(cache.runOptions());

        // the kernelspec's command, with the training class in place of the kernel's main class
        List<String> command = new ArrayList<>(argv.subList(0, argv.indexOf(KernelInstaller.MAIN_CLASS)));
        command.add(KernelTraining.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("5 cells run");
        // the cache was mapped, not rejected: the JVM says so when asked
        List<String> check = new ArrayList<>(command);
        check.add(1, Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on");
        check.removeIf(a -> a.startsWith("-Xlog:"));
        check.add(check.indexOf("-cp"), "-Xlog:aot=error,cds=error");
        Process strict = new ProcessBuilder(check).redirectErrorStream(true).start();
        String strictOut = new String(strict.getInputStream().readAllBytes());
        assertThat(strict.waitFor()).as("in the strict mode the JVM refuses to start without a usable cache\n%s", strictOut).isZero();
        assertThat(Files.size(cache.file())).isPositive();
    }
}
