package io.latentbench.workbench.bench.relative;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a checkout of a revision is built, and the class path its benchmark forks then run on.
 *
 * @param command    run in the checkout's root
 * @param classpath  the class path of the built checkout
 */
public record BuildRecipe(String description, List<String> command, ClasspathOf classpath) {

    /** The class path of a built checkout. */
    @FunctionalInterface
    public interface ClasspathOf {
        String of(Path checkout) throws IOException;
    }

    public BuildRecipe {
        command = List.copyOf(command);
    }

    /**
     * latentbench's own build, as {@code lb} does it: {@code mvn package} without tests, then the
     * workbench jar and the dependencies Maven copied beside it into target/lib.
     */
    public static BuildRecipe maven() {
        return new BuildRecipe("mvn -B -DskipTests package", List.of("mvn", "-B", "-q", "-DskipTests", "package"),
                BuildRecipe::workbenchJars);
    }

    static String workbenchJars(Path checkout) throws IOException {
        Path target = checkout.resolve("workbench").resolve("target");
        Path jar = target.resolve("latentbench-workbench.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the build made no " + jar);
        }
        StringBuilder cp = new StringBuilder(jar.toString());
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .forEach(p -> cp.append(File.pathSeparator).append(p));
        }
        return cp.toString();
    }
}
