package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.notebook.protocol.KernelSpec;
import io.latentbench.workbench.notebook.protocol.KernelSpecFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelInstallerTest {

    static KernelInstaller.Layout layout(Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve(KernelSession.KERNEL_JAR), "");
        Files.writeString(target.resolve("latentbench-workbench.jar"), "");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return KernelInstaller.Layout.ofTarget(java, target);
    }

    @Test
    void theKernelJsonNamesJavaTheJarsAndTheFlags(@TempDir Path dir) throws Exception {
        KernelInstaller.Layout layout = layout(dir);
        Map<String, Object> json = KernelInstaller.kernelJson(layout, KernelInstaller.DISPLAY_NAME);
        @SuppressWarnings("unchecked")
        List<String> argv = (List<String>) json.get("argv");
        assertThat(argv.get(0)).isEqualTo(layout.java().toString());
        assertThat(argv).containsSubsequence("--add-modules", "jdk.incubator.vector");
        assertThat(argv).contains("-Djava.awt.headless=true", KernelInstaller.MAIN_CLASS);
        assertThat(argv.get(argv.indexOf("-cp") + 1))
                .startsWith(layout.kernelJar().toString())
                .contains(layout.appJar().toString(), layout.libDir().resolve("*").toString());
        assertThat(argv.get(argv.size() - 1)).isEqualTo("{connection_file}");
        assertThat(json).containsEntry("display_name", "Java (latentbench)")
                .containsEntry("language", "java")
                .containsEntry("interrupt_mode", "message");
    }

    @Test
    void reinstallingRewritesTheSameSpecAndListFindsIt(@TempDir Path dir) throws Exception {
        KernelInstaller.Layout layout = layout(dir);
        Path kernels = KernelInstaller.prefixKernelsDir(dir.resolve("prefix"));
        Path first = KernelInstaller.install(kernels, "latentbench", layout);
        String before = Files.readString(first.resolve("kernel.json"));
        Path second = KernelInstaller.install(kernels, "latentbench", layout);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(second.resolve("kernel.json"))).isEqualTo(before);
        try (var files = Files.list(first)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("kernel.json");
        }
        KernelInstaller.install(kernels, "lb-dev", layout);

        List<KernelSpec> found = new KernelSpecFinder(Map.of("JUPYTER_PATH", dir.resolve("prefix/share/jupyter").toString()),
                dir.resolve("home")).all();
        assertThat(found).extracting(KernelSpec::name).startsWith("latentbench", "lb-dev");
        assertThat(found.subList(0, 2)).allMatch(spec -> KernelInstaller.isLatentbench(spec.argv()));
        assertThat(found.get(1).displayName()).isEqualTo("Java (latentbench: lb-dev)");
        assertThat(found.get(0).interruptsByMessage()).isTrue();
        JsonNode json = new ObjectMapper().readTree(first.resolve("kernel.json").toFile());
        assertThat(json.path("display_name").asText()).isEqualTo("Java (latentbench)");
    }

    @Test
    void aKernelNameIsAPlainWord(@TempDir Path dir) throws Exception {
        KernelInstaller.Layout layout = layout(dir);
        assertThatThrownBy(() -> KernelInstaller.install(dir, "../escape", layout)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingBuildIsNamed(@TempDir Path dir) {
        KernelInstaller.Layout layout = KernelInstaller.Layout.ofTarget(Path.of(System.getProperty("java.home"), "bin", "java"), dir);
        assertThatThrownBy(layout::check).hasMessageContaining(KernelSession.KERNEL_JAR).hasMessageContaining("./lb build");
    }

    @Test
    void startupImportsComeFromTheSharedScriptAndAddTheKernelsOwn() {
        List<String> imports = StartupImports.imports();
        assertThat(imports).contains("java.util.*", "io.latentbench.engine.*", "tech.tablesaw.api.*", "org.knowm.xchart.*",
                "io.latentbench.workbench.results.*", "io.latentbench.workbench.bench.*",
                "static io.latentbench.workbench.kernel.Notebook.*");
        assertThat(imports).doesNotHaveDuplicates();
    }

    @Test
    void theStartupCacheIsAnAotCacheFromJdk25AndASelfRenewingCdsArchiveBefore(@TempDir Path dir) {
        StartupCache aot = StartupCache.forJava(25, dir).orElseThrow();
        assertThat(aot.file()).isEqualTo(dir.resolve("kernel.aot"));
        assertThat(aot.trainOptions()).contains("-XX:AOTCacheOutput=" + dir.resolve("kernel.aot"));
        assertThat(aot.runOptions()).contains("-XX:AOTCache=" + dir.resolve("kernel.aot"), "-Xlog:cds=off", "-Xlog:aot=off");
        StartupCache cds = StartupCache.forJava(21, dir).orElseThrow();
        assertThat(cds.runOptions()).contains("-XX:SharedArchiveFile=" + dir.resolve("kernel.jsa"), "-XX:+AutoCreateSharedArchive");
        assertThat(cds.trainOptions()).isEqualTo(cds.runOptions());
        assertThat(StartupCache.forJava(17, dir)).isEmpty();
    }

    @Test
    void cacheOptionsGoBeforeTheClassPath(@TempDir Path dir) throws Exception {
        KernelInstaller.Layout layout = layout(dir);
        @SuppressWarnings("unchecked")
        List<String> argv = (List<String>) KernelInstaller.kernelJson(layout, "x", List.of("-XX:AOTCache=/c/kernel.aot")).get("argv");
        assertThat(argv).containsSubsequence("-XX:AOTCache=/c/kernel.aot", "-cp", KernelInstaller.MAIN_CLASS);
    }

    @Test
    void aFailedTrainingLeavesTheKernelspecWithoutACache(@TempDir Path dir) throws Exception {
        // the layout's jars are empty files: the training JVM cannot find its class
        Path kernels = dir.resolve("kernels");
        Path spec = KernelInstaller.install(kernels, "latentbench", layout(dir), true);
        JsonNode argv = new ObjectMapper().readTree(spec.resolve("kernel.json").toFile()).path("argv");
        assertThat(argv.toString()).doesNotContain("AOTCache").doesNotContain("SharedArchiveFile");
        assertThat(spec.resolve("training.log")).content().contains("KernelTraining");
    }
}
