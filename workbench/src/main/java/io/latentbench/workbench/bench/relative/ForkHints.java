package io.latentbench.workbench.bench.relative;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiler hints JMH gives the JVM of each fork it starts, written for one side's jars, so that
 * a relative run's fork can measure in the JVM the run starts ({@code -f 0}) and compile the
 * benchmark as JMH's own fork would: JMH's annotation processor lists, in
 * {@value #RESOURCE}, the generated stubs to keep out of line and the benchmark methods to inline,
 * and JMH adds its blackhole's lines (compiler blackholes, which every JDK from 17 on has, as JMH
 * 1.37 chooses them on such a JDK). Each side reads its own list: the base may have other benchmarks.
 */
final class ForkHints {

    /** Where JMH's annotation processor writes the hints of a build's benchmarks. */
    static final String RESOURCE = "META-INF/CompilerHints";

    /** The JVM flag that names a file of compiler commands, up to the file's name. */
    static final String FILE_FLAG = "-XX:CompileCommandFile=";

    /** JMH's own lines ahead of a build's hints: as its forks get them, with compiler blackholes. */
    static final List<String> JMH_LINES = List.of(
            "quiet",
            "inline,org/openjdk/jmh/infra/Blackhole.consume",
            "dontinline,org/openjdk/jmh/infra/Blackhole.consumeCPU",
            "blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler",
            "dontinline,org/openjdk/jmh/infra/Blackhole.clearBox");

    private ForkHints() {}

    /**
     * The JVM flags that apply the hints file {@code file}: the blackhole needs the diagnostic and
     * experimental options unlocked, and JMH's {@code Blackhole} reads the property to use it.
     */
    static List<String> jvmFlags(Path file) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+UnlockExperimentalVMOptions",
                "-DcompilerBlackholesEnabled=true", FILE_FLAG + file);
    }

    /**
     * The files of compiler commands that {@code jvmArgs} name: a JVM reads only the last such flag,
     * so, as JMH does for its forks, their lines join the run's file instead of replacing it.
     */
    static List<Path> named(List<String> jvmArgs) {
        return jvmArgs.stream().filter(a -> a.startsWith(FILE_FLAG))
                .map(a -> Path.of(a.substring(FILE_FLAG.length()))).toList();
    }

    /** {@code jvmArgs} without the flags {@link #named} takes in. */
    static List<String> without(List<String> jvmArgs) {
        return jvmArgs.stream().filter(a -> !a.startsWith(FILE_FLAG)).toList();
    }

    /**
     * Writes the hints of {@code side} into {@code file}: JMH's lines, then the first {@value #RESOURCE}
     * on the side's class path (a jar or a class directory), the one JMH's host would read, then the
     * lines of the user's own files, {@code more}.
     *
     * @throws IOException when no entry of the class path has the list (not a build of JMH
     *     benchmarks), or a file of {@code more} cannot be read
     */
    static Path write(Side side, List<Path> more, Path file) throws IOException {
        List<String> lines = new ArrayList<>(JMH_LINES);
        lines.addAll(buildHints(side));
        for (Path p : more) {
            if (!Files.isReadable(p)) {
                throw new IOException("the compiler command file " + p + " given in the JVM arguments ("
                        + FILE_FLAG + p + ") cannot be read");
            }
            lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> buildHints(Side side) throws IOException {
        return ClassPathResource.read(side, RESOURCE).orElseThrow(() -> ClassPathResource.missing(side, RESOURCE))
                .lines().toList();
    }
}
