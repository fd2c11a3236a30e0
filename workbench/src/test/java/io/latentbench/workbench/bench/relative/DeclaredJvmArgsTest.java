package io.latentbench.workbench.bench.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.bench.BenchPoint;
import io.latentbench.workbench.bench.Suite;
import io.latentbench.workbench.results.relative.RelativeRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.util.Optional;

class DeclaredJvmArgsTest {

    private static Side side(String classpath) {
        return new Side("head", new RelativeRun.Revision("HEAD", "abc"), classpath);
    }

    private static Target point(Suite suite, String method, String... params) {
        TreeMap<String, String> p = new TreeMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return Target.of(new BenchPoint(suite, method, "avgt", p));
    }

    @Test
    void thePairKernelsOfThisBuildPinTheirAlignmentInTheirForksAndKnnDeclaresOnlyTheVectorModule() throws IOException {
        DeclaredJvmArgs ours = DeclaredJvmArgs.of(side(System.getProperty("java.class.path")));

        assertThat(ours.of(point(Suite.PEERS, "squareDistance", "dim", "256", "impl", "panama"), false))
                .containsExactly("--add-modules=jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64");
        assertThat(ours.of(point(Suite.LATENCY, "knn", "dim", "256", "k", "10"), false))
                .containsExactly("--add-modules=jdk.incubator.vector");
    }

    private static BenchmarkListEntry entry(String clazz, String method, Collection<String> prepend,
            Collection<String> args, Collection<String> append) {
        return new BenchmarkListEntry(clazz, clazz + "_jmhType", method, Mode.AverageTime, Optional.none(), new int[] {1},
                Optional.none(), Optional.none(), Optional.none(), Optional.none(), Optional.none(), Optional.none(),
                Optional.none(), Optional.none(), Optional.none(), Optional.none(), Optional.eitherOf(args),
                Optional.eitherOf(prepend), Optional.eitherOf(append), Optional.<Map<String, String[]>>none(),
                Optional.none(), Optional.none(), Optional.none());
    }

    @Test
    void aForkGetsWhatItsBenchmarkPrependsDeclaresAndAppendsInJmhsOrderAndTheUsersArgumentsReplaceTheMiddle(
            @TempDir Path dir) throws IOException {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        BenchmarkList.writeBenchmarkList(list, List.of(
                entry("a.Plain", "knn", null, null, null),
                entry("a.Pinned", "dot", List.of("-Dfirst"), List.of("-Xmx1g"), List.of("-XX:ObjectAlignmentInBytes=64"))));
        Path jar = dir.resolve("bench.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(DeclaredJvmArgs.RESOURCE));
            out.write(list.toByteArray());
            out.closeEntry();
        }
        DeclaredJvmArgs declared = DeclaredJvmArgs.of(side(dir.resolve("missing.jar") + java.io.File.pathSeparator + jar));
        Target dot = new Target("x.dot", "x", "dot", "a.Pinned.dot", new TreeMap<>());

        assertThat(declared.of(dot, false)).containsExactly("-Dfirst", "-Xmx1g", "-XX:ObjectAlignmentInBytes=64");
        assertThat(declared.of(dot, true)).containsExactly("-Dfirst", "-XX:ObjectAlignmentInBytes=64");
        assertThat(declared.of(new Target("x.knn", "x", "knn", "a.Plain.knn", new TreeMap<>()), false)).isEmpty();
        assertThat(declared.of(new Target("x.gone", "x", "gone", "a.Plain.gone", new TreeMap<>()), false))
                .as("a benchmark the side lacks: its fork says so").isEmpty();
    }

    @Test
    void aClassPathWithoutABenchmarkListIsAnErrorNamingTheSide(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("classes"));
        assertThatThrownBy(() -> DeclaredJvmArgs.of(side(empty.toString())))
                .isInstanceOf(IOException.class)
                .hasMessage("the head side (HEAD) has no META-INF/BenchmarkList on its class path " + empty
                        + ": is it a build of JMH benchmarks?");
    }
}
