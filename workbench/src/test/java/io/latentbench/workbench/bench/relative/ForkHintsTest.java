package io.latentbench.workbench.bench.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.results.relative.RelativeRun;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkHintsTest {

    private static Side side(String role, Path... classpath) {
        StringBuilder cp = new StringBuilder();
        for (Path p : classpath) {
            cp.append(cp.isEmpty() ? "" : File.pathSeparator).append(p);
        }
        return new Side(role, new RelativeRun.Revision("HEAD^1", "abc"), cp.toString());
    }

    private static Path jar(Path file, String hints) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            jar.putNextEntry(new JarEntry("a/B.class"));
            jar.closeEntry();
            if (hints != null) {
                jar.putNextEntry(new JarEntry(ForkHints.RESOURCE));
                jar.write(hints.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aSidesHintsAreJmhsBlackholeLinesThenTheFirstListOnItsClassPath(@TempDir Path dir) throws IOException {
        Path library = jar(dir.resolve("lib.jar"), null);
        Path benchmarks = jar(dir.resolve("wb.jar"), "dontinline,*.*_avgt_jmhStub\ninline,a/B.knn\n");
        Path later = jar(dir.resolve("other.jar"), "inline,c/D.other\n");
        Path file = ForkHints.write(side("base", dir.resolve("missing.jar"), library, benchmarks, later),
                List.of(), dir.resolve("hints.txt"));

        assertThat(Files.readAllLines(file)).startsWith("quiet")
                .contains("blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler")
                .endsWith("dontinline,*.*_avgt_jmhStub", "inline,a/B.knn")
                .doesNotContain("inline,c/D.other")
                .hasSize(ForkHints.JMH_LINES.size() + 2);
    }

    @Test
    void aClassDirectoryCarriesItsListToo(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve(ForkHints.RESOURCE), "inline,tiny/TinyBench.work\n");
        List<String> lines = Files.readAllLines(ForkHints.write(side("head", classes), List.of(), dir.resolve("h.txt")));
        assertThat(lines).containsExactlyElementsOf(
                java.util.stream.Stream.concat(ForkHints.JMH_LINES.stream(), java.util.stream.Stream.of(
                        "inline,tiny/TinyBench.work")).toList());
    }

    @Test
    void aClassPathWithoutJmhBenchmarksIsAnErrorNamingTheSide(@TempDir Path dir) throws IOException {
        Path library = jar(dir.resolve("lib.jar"), null);
        assertThatThrownBy(() -> ForkHints.write(side("base", library), List.of(), dir.resolve("h.txt")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the base side (HEAD^1) has no META-INF/CompilerHints")
                .hasMessageContaining(library.toString());
        assertThat(dir.resolve("h.txt")).doesNotExist();
    }

    @Test
    void aCompilerCommandFileOfTheJvmArgumentsJoinsTheHintsInsteadOfReplacingThem(@TempDir Path dir) throws IOException {
        Path mine = Files.writeString(dir.resolve("mine.txt"), "dontinline,a/B.helper\n");
        List<String> args = List.of("-Xmx2g", "-XX:CompileCommandFile=" + mine, "-XX:UseAVX=2");
        assertThat(ForkHints.named(args)).containsExactly(mine);
        assertThat(ForkHints.without(args)).containsExactly("-Xmx2g", "-XX:UseAVX=2");

        Path benchmarks = jar(dir.resolve("wb.jar"), "inline,a/B.knn\n");
        assertThat(Files.readAllLines(ForkHints.write(side("head", benchmarks), List.of(mine), dir.resolve("h.txt"))))
                .startsWith("quiet").endsWith("inline,a/B.knn", "dontinline,a/B.helper");

        Path gone = dir.resolve("gone.txt");
        assertThatThrownBy(() -> ForkHints.write(side("head", benchmarks), List.of(gone), dir.resolve("h2.txt")))
                .isInstanceOf(IOException.class)
                .hasMessage("the compiler command file " + gone + " given in the JVM arguments (-XX:CompileCommandFile="
                        + gone + ") cannot be read");
    }

    @Test
    void theFlagsUnlockTheBlackholeAndNameTheFile() {
        assertThat(ForkHints.jvmFlags(Path.of("x", "h.txt"))).containsExactly("-XX:+UnlockDiagnosticVMOptions",
                "-XX:+UnlockExperimentalVMOptions", "-DcompilerBlackholesEnabled=true",
                "-XX:CompileCommandFile=" + Path.of("x", "h.txt"));
    }
}
