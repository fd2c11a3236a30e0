package io.latentbench.workbench.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The jars of a class path with their sizes and modification times: what the JVM checks before it
 * maps an AOT cache, recorded beside the cache when it is trained so that a kernel start can tell
 * that the project has been rebuilt since. {@code dir/*} entries stand for the jars in {@code dir},
 * as the launcher expands them; directories and missing entries are left out, as the JVM does not
 * cache from them.
 */
record CacheJars(List<Jar> jars) {

    record Jar(String path, long size, long modifiedMillis) {
    }

    CacheJars {
        jars = List.copyOf(jars);
    }

    /** The jars of {@code classpath} (a path-separator list), sorted by path: the launcher's wildcard order is unspecified. */
    static CacheJars of(String classpath) {
        List<Jar> jars = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.equals("*") || entry.endsWith(File.separator + "*") || entry.endsWith("/*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1));
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                                .forEach(p -> jar(p).ifPresent(jars::add));
                    } catch (IOException e) {
                        // an unreadable directory contributes no jars; the JVM would find none there either
                    }
                }
            } else {
                jar(Path.of(entry)).ifPresent(jars::add);
            }
        }
        jars.sort(Comparator.comparing(Jar::path));
        return new CacheJars(jars);
    }

    private static Optional<Jar> jar(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile()
                    ? Optional.of(new Jar(file.toAbsolutePath().normalize().toString(), a.size(), a.lastModifiedTime().toMillis()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One line per jar: size, modification time in ms, path; tab-separated. */
    String text() {
        StringBuilder b = new StringBuilder();
        jars.forEach(j -> b.append(j.size()).append('\t').append(j.modifiedMillis()).append('\t').append(j.path()).append('\n'));
        return b.toString();
    }

    /**
     * Reads {@link #text()}.
     *
     * @throws IllegalArgumentException naming the file and the line that is not {@code SIZE TAB MILLIS TAB PATH}
     */
    static CacheJars parse(String text, Path file) {
        List<Jar> jars = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            try {
                if (parts.length == 3) {
                    jars.add(new Jar(parts[2], Long.parseLong(parts[0]), Long.parseLong(parts[1])));
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(file + " line " + number + ": '" + line + "' is not SIZE<tab>MILLIS<tab>PATH");
        }
        return new CacheJars(jars);
    }

    /** What differs from {@code now}, a jar per entry ("changed", "added", "gone"); empty when the jars are the same. */
    List<String> changesTo(CacheJars now) {
        Set<String> changes = new LinkedHashSet<>();
        for (Jar then : jars) {
            var current = now.jars.stream().filter(j -> j.path().equals(then.path())).findFirst();
            if (current.isEmpty()) {
                changes.add(name(then) + " gone");
            } else if (!current.get().equals(then)) {
                changes.add(name(then) + " changed");
            }
        }
        for (Jar added : now.jars) {
            if (jars.stream().noneMatch(j -> j.path().equals(added.path()))) {
                changes.add(name(added) + " added");
            }
        }
        return List.copyOf(changes);
    }

    private static String name(Jar jar) {
        return Path.of(jar.path()).getFileName().toString();
    }
}
