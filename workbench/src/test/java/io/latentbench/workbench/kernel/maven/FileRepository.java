package io.latentbench.workbench.kernel.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A file-based Maven repository that a test builds: {@code demo:greeter:1.0}, whose class calls
 * into its compile dependency {@code demo:names:2.0}, and which has a test-scoped dependency that
 * the repository does not hold (resolving it would fail).
 */
public final class FileRepository {

    private FileRepository() {
    }

    public static Path create(Path dir) throws IOException {
        Path repo = dir.resolve("repo");
        Path names = compile(dir, "demo.names.Names", "package demo.names; public class Names { public static String who() { return \"names 2.0\"; } }", List.of());
        publish(repo, "demo", "names", "2.0", names, "");
        Path greeter = compile(dir, "demo.Greeter",
                "package demo; public class Greeter { public static String hello() { return \"hello from \" + demo.names.Names.who(); } }",
                List.of(names));
        publish(repo, "demo", "greeter", "1.0", greeter, """
                <dependencies>
                  <dependency><groupId>demo</groupId><artifactId>names</artifactId><version>2.0</version></dependency>
                  <dependency><groupId>demo</groupId><artifactId>absent-test-lib</artifactId><version>1.0</version><scope>test</scope></dependency>
                </dependencies>""");
        return repo;
    }

    private static Path compile(Path dir, String className, String source, List<Path> classpath) throws IOException {
        Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = dir.resolve("classes-" + className);
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString()));
        if (!classpath.isEmpty()) {
            args.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        }
        args.add(src.toString());
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertThat(rc).as("javac of " + className).isZero();
        Path jar = dir.resolve("jars").resolve(className + ".jar");
        Files.createDirectories(jar.getParent());
        String entry = className.replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    private static void publish(Path repo, String groupId, String artifactId, String version, Path jar, String dependencies)
            throws IOException {
        Path dir = repo.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"));
        Files.writeString(dir.resolve(artifactId + "-" + version + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  %s
                </project>
                """.formatted(groupId, artifactId, version, dependencies));
    }
}
