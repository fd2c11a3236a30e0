package io.latentbench.workbench.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path JMH's forked JVMs get. JMH copies the host's {@code java.class.path} system
 * property, which is right when {@code lb} started the JVM but not in jshell or a notebook
 * kernel, where our jars were added after start. So it is rebuilt from where the classes
 * that a fork needs were actually loaded from, plus the jars beside the workbench jar (the
 * {@code target/lib} layout of {@code lb}), plus whatever the property already held.
 */
public final class ForkClasspath {

    /** Classes whose jars (or class directories) a fork cannot run without. */
    private static final List<String> NEEDED = List.of(
            "io.latentbench.workbench.bench.Bench",
            "io.latentbench.engine.vector.VectorKernels",
            "org.openjdk.jmh.runner.ForkedMain",
            "joptsimple.OptionParser",
            "org.apache.commons.math3.stat.descriptive.StatisticalSummary",
            "org.apache.lucene.util.VectorUtil");

    private ForkClasspath() {}

    /** The class path for a fork of the code this JVM runs. */
    public static String compute() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = ForkClasspath.class.getClassLoader();
        for (String name : NEEDED) {
            Path p = locate(name, loader);
            if (p == null) {
                continue;
            }
            entries.add(p.toString());
            if (name.endsWith(".Bench") && Files.isRegularFile(p)) {
                entries.addAll(jarsIn(p.getParent().resolve("lib")));
            }
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank() && Files.exists(Path.of(e))) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path locate(String className, ClassLoader loader) {
        try {
            Class<?> c = Class.forName(className, false, loader);
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return null;
            }
            return Path.of(cs.getLocation().toURI()).toAbsolutePath();
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static Set<String> jarsIn(Path dir) {
        Set<String> jars = new LinkedHashSet<>();
        if (!Files.isDirectory(dir)) {
            return jars;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            s.forEach(p -> jars.add(p.toAbsolutePath().toString()));
        } catch (IOException e) {
            // The jars found through their classes are enough to run; this is a convenience.
        }
        return new java.util.TreeSet<>(jars);
    }
}
