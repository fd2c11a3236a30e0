package io.latentbench.workbench.bench.relative;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * A resource of one side's build read as a JVM on that side's class path would find it: from the
 * first entry, a jar or a class directory, that has it. JMH's annotation processor writes the lists
 * a fork needs ({@link ForkHints#RESOURCE}, {@link DeclaredJvmArgs#RESOURCE}) into the build, and
 * each side has its own.
 */
final class ClassPathResource {

    private ClassPathResource() {}

    /** The text of {@code resource} on {@code side}'s class path, or empty when no entry has it. */
    static Optional<String> read(Side side, String resource) throws IOException {
        for (String entry : side.classpath().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(resource))) {
                return Optional.of(Files.readString(p.resolve(resource), StandardCharsets.UTF_8));
            }
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    ZipEntry found = jar.getEntry(resource);
                    if (found != null) {
                        try (InputStream in = jar.getInputStream(found)) {
                            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The error of a side whose class path lacks {@code resource}: not a build of JMH benchmarks. */
    static IOException missing(Side side, String resource) {
        return new IOException("the " + side.role() + " side (" + side.revision().revision() + ") has no " + resource
                + " on its class path " + side.classpath() + ": is it a build of JMH benchmarks?");
    }
}
