package io.latentbench.workbench.notebook.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds kernelspecs where Jupyter looks for them: each entry of {@code JUPYTER_PATH}, the user data dir
 * ({@code JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter}, else {@code ~/.local/share/jupyter}), the
 * environment's prefix ({@code $VIRTUAL_ENV} or {@code $CONDA_PREFIX}), then the system dirs
 * {@code /usr/local/share/jupyter} and {@code /usr/share/jupyter}. The first match wins.
 */
public final class KernelSpecFinder {

    private final Map<String, String> env;
    private final Path home;

    public KernelSpecFinder(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /**
     * The finder of this process's environment. Home is {@code $HOME} when set, as Jupyter's own
     * {@code ~} is: the JVM's user.home comes from the password database and ignores it, so with
     * HOME pointing elsewhere (containers, sudo, tests) the two would disagree about the user dir.
     */
    public static KernelSpecFinder fromEnvironment() {
        String home = System.getenv("HOME");
        return new KernelSpecFinder(System.getenv(),
                Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")));
    }

    /** The {@code kernels} directories in search order. */
    public List<Path> kernelDirs() {
        List<Path> roots = new ArrayList<>();
        String jupyterPath = env.get("JUPYTER_PATH");
        if (jupyterPath != null) {
            for (String entry : jupyterPath.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) roots.add(Path.of(entry));
            }
        }
        roots.add(userDataDir());
        for (String prefixVar : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            String prefix = env.get(prefixVar);
            if (prefix != null && !prefix.isBlank()) roots.add(Path.of(prefix, "share", "jupyter"));
        }
        roots.add(Path.of("/usr/local/share/jupyter"));
        roots.add(Path.of("/usr/share/jupyter"));
        return roots.stream().map(r -> r.resolve("kernels")).distinct().toList();
    }

    /** Jupyter's per-user data directory, where {@code lb kernel install --user} writes. */
    public Path userDataDir() {
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) return Path.of(dataDir);
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "jupyter");
        return home.resolve(".local/share/jupyter");
    }

    /** Jupyter treats kernel names case-insensitively. */
    public KernelSpec find(String name) throws KernelSpecNotFoundException, IOException {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Path dir : kernelDirs()) {
            Path candidate = dir.resolve(wanted);
            if (KernelSpec.exists(candidate)) return KernelSpec.read(wanted, candidate);
        }
        throw new KernelSpecNotFoundException(name, available(), kernelDirs());
    }

    /** Every installed kernelspec that reads, the first of each name in search order, sorted by name. */
    public List<KernelSpec> all() {
        TreeMap<String, KernelSpec> specs = new TreeMap<>();
        for (Path dir : kernelDirs()) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> children = Files.list(dir)) {
                for (Path child : children.filter(KernelSpec::exists).toList()) {
                    String name = child.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (!specs.containsKey(name)) {
                        try {
                            specs.put(name, KernelSpec.read(name, child));
                        } catch (IOException unreadable) {
                            // Jupyter skips a kernelspec it cannot read, and so does this list
                        }
                    }
                }
            } catch (IOException ignored) {
                // an unreadable directory simply contributes no kernels, as in Jupyter
            }
        }
        return List.copyOf(specs.values());
    }

    /** Names of every installed kernel, sorted. */
    public List<String> available() {
        TreeSet<String> names = new TreeSet<>();
        for (Path dir : kernelDirs()) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(KernelSpec::exists).forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException ignored) {
                // an unreadable directory simply contributes no kernels, as in Jupyter
            }
        }
        return List.copyOf(names);
    }
}
