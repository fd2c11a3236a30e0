package io.latentbench.workbench.kernel.magic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.eval.Evaluation;
import io.latentbench.workbench.kernel.render.MimeBundle;

/**
 * The kernel's magics: line magics ({@code %name args} on a line of their own) and cell magics
 * ({@code %%name args} on a cell's first line, applying to the rest of the cell).
 */
public final class Magics {

    /** What a magic can do to the session that runs it. */
    public interface Host {
        /** Runs code as a cell would, line magics included. */
        Evaluation execute(String code);

        /** Shows a bundle below the cell. */
        void display(MimeBundle bundle);

        void addToClasspath(String entry);

        List<String> classpath();

        /** The directory relative paths are read from: the notebook's. */
        Path workingDirectory();
    }

    @FunctionalInterface
    public interface LineMagic {
        Evaluation run(Host host, String args);
    }

    @FunctionalInterface
    public interface CellMagic {
        Evaluation run(Host host, String args, String body);
    }

    private final Map<String, LineMagic> lineMagics = new TreeMap<>();
    private final Map<String, CellMagic> cellMagics = new TreeMap<>();

    public static Magics standard() {
        return standard(io.latentbench.workbench.kernel.maven.MavenResolver::standard);
    }

    /** The standard magics, with {@code %maven} resolving through what {@code resolver} makes on first use. */
    public static Magics standard(java.util.function.Supplier<io.latentbench.workbench.kernel.maven.MavenResolver> resolver) {
        Magics m = new Magics();
        MavenMagics maven = new MavenMagics(resolver);
        m.line("maven", maven::maven);
        m.line("mavenRepo", maven::mavenRepo);
        m.cell("loadFromPOM", maven::loadFromPom);
        m.line("classpath", Magics::classpath);
        m.line("jars", Magics::jars);
        m.line("load", Magics::load);
        m.line("time", (host, args) -> timed(() -> host.execute(args)));
        m.cell("time", (host, args, body) -> timed(() -> host.execute(body)));
        m.line("timeit", TimeitMagic::line);
        m.cell("timeit", TimeitMagic::cell);
        m.cell("html", (host, args, body) -> show(host, MimeBundle.HTML, body));
        m.cell("markdown", (host, args, body) -> show(host, MimeBundle.MARKDOWN, body));
        m.cell("svg", (host, args, body) -> show(host, MimeBundle.SVG, body));
        m.line("lsmagic", (host, args) -> {
            System.out.println("Line magics: " + m.lineNames().stream().map(n -> "%" + n).toList());
            System.out.println("Cell magics: " + m.cellNames().stream().map(n -> "%%" + n).toList());
            return Evaluation.NONE;
        });
        return m;
    }

    public Magics line(String name, LineMagic magic) {
        lineMagics.put(name, magic);
        return this;
    }

    public Magics cell(String name, CellMagic magic) {
        cellMagics.put(name, magic);
        return this;
    }

    public List<String> lineNames() {
        return List.copyOf(lineMagics.keySet());
    }

    public List<String> cellNames() {
        return List.copyOf(cellMagics.keySet());
    }

    public Evaluation runLine(Host host, String name, String args) {
        LineMagic magic = lineMagics.get(name);
        if (magic == null) {
            throw CellException.of("UndefinedMagicException", "no line magic %" + name + "; there are "
                    + lineNames().stream().map(n -> "%" + n).toList());
        }
        return magic.run(host, args);
    }

    public Evaluation runCell(Host host, String name, String args, String body) {
        CellMagic magic = cellMagics.get(name);
        if (magic == null) {
            throw CellException.of("UndefinedMagicException", "no cell magic %%" + name + "; there are "
                    + cellNames().stream().map(n -> "%%" + n).toList());
        }
        return magic.run(host, args, body);
    }

    // ---------------------------------------------------------------- the magics

    private static Evaluation classpath(Host host, String args) {
        List<String> words = MagicArgs.split(args);
        if (words.isEmpty()) {
            host.classpath().forEach(System.out::println);
            return Evaluation.NONE;
        }
        for (String word : words) {
            List<Path> paths = PathGlobs.resolve(word, host.workingDirectory());
            if (paths.isEmpty()) {
                throw CellException.of("IllegalArgumentException", "nothing matches " + word);
            }
            paths.forEach(p -> host.addToClasspath(p.toString()));
        }
        return Evaluation.NONE;
    }

    private static Evaluation jars(Host host, String args) {
        List<String> words = MagicArgs.split(args);
        if (words.isEmpty()) {
            throw CellException.of("IllegalArgumentException", "usage: %jars PATH_OR_GLOB... (a jar, a directory of jars, or a glob)");
        }
        List<Path> added = new ArrayList<>();
        for (String word : words) {
            for (Path p : PathGlobs.resolve(word, host.workingDirectory())) {
                if (Files.isDirectory(p)) {
                    try (var list = Files.list(p)) {
                        list.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(added::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else if (p.toString().endsWith(".jar")) {
                    added.add(p);
                }
            }
        }
        if (added.isEmpty()) {
            throw CellException.of("IllegalArgumentException", "no jar matches " + String.join(" ", words));
        }
        added.forEach(p -> host.addToClasspath(p.toString()));
        return Evaluation.NONE;
    }

    private static Evaluation load(Host host, String args) {
        List<String> words = MagicArgs.split(args);
        if (words.size() != 1) {
            throw CellException.of("IllegalArgumentException", "usage: %load FILE (a .jsh script or a .java source)");
        }
        Path file = host.workingDirectory().resolve(words.get(0)).normalize();
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw CellException.of("NoSuchFileException", "cannot read " + file + ": " + e.getMessage());
        }
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".java")) {
            // a compilation unit: JShell takes its imports and types, but not a package clause
            source = source.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", "");
        }
        return host.execute(source);
    }

    private static Evaluation show(Host host, String mime, String body) {
        host.display(MimeBundle.of(mime, body));
        return Evaluation.NONE;
    }

    private static Evaluation timed(java.util.function.Supplier<Evaluation> body) {
        long start = System.nanoTime();
        try {
            return body.get();
        } finally {
            System.out.println("Wall time: " + formatNanos(System.nanoTime() - start));
        }
    }

    static String formatNanos(long nanos) {
        if (nanos < 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
