package io.latentbench.workbench.kernel.magic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Resolves the paths and globs ({@code lib/*.jar}, {@code ~/libs/**.jar}) that %classpath and %jars take. */
final class PathGlobs {

    private PathGlobs() {
    }

    static List<Path> resolve(String pattern, Path base) {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        int glob = firstGlobChar(expanded);
        if (glob < 0) {
            Path p = base.resolve(expanded).normalize();
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
            return List.of(p);
        }
        int slash = expanded.lastIndexOf('/', glob);
        Path root = base.resolve(slash < 0 ? "." : expanded.substring(0, Math.max(1, slash))).normalize();
        String rest = expanded.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        int depth = rest.contains("**") ? 32 : (int) rest.chars().filter(c -> c == '/').count() + 1;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            walk.filter(p -> !p.equals(root) && matcher.matches(root.relativize(p))).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
