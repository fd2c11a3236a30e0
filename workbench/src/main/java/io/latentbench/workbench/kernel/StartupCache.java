package io.latentbench.workbench.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.latentbench.workbench.files.AtomicFiles;

/**
 * The kernel's start-up cache: the classes (and, from JDK 25, their linking and method profiles)
 * that a session loads, written once by a training run ({@link KernelTraining}) at
 * {@code lb kernel install} and mapped by every kernel start after it. JDK 25 and newer get an AOT
 * cache ({@code -XX:AOTCache}, JEP 483/515); JDK 21 to 24 a dynamic CDS archive that the JVM
 * re-creates by itself when the jars change ({@code -XX:+AutoCreateSharedArchive}). An AOT cache
 * that no longer matches the jars (after a rebuild) is refused by the JVM without a word, so the
 * training also records the jars ({@link CacheJars}) beside it, and each kernel start compares
 * ({@link #state}): a stale cache is said once on the kernel's log, with the command that retrains
 * it, and moved aside so that the next starts are not handed it.
 *
 * @param file        the cache file, in the kernelspec's directory
 * @param runOptions  the JVM options of every kernel start
 * @param trainOptions the JVM options of the training run that writes the file
 */
public record StartupCache(Path file, List<String> runOptions, List<String> trainOptions) {

    /** The system property that tells a kernel start which AOT cache it was given, to check it. */
    static final String PROPERTY = "latentbench.kernel.aotCache";

    static final String RETRAIN = "./lb kernel install";

    /** Training is a kernel session's first cells: generous for a machine shared with builds. */
    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

    /** The cache for a java of this feature version, in {@code dir}; none before JDK 21's archives. */
    public static Optional<StartupCache> forJava(int feature, Path dir) {
        // the JVM's own notes on a cache it cannot use go to the kernel's stdout otherwise
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:aot=off");
        if (feature >= 25) {
            Path file = dir.resolve("kernel.aot");
            return Optional.of(new StartupCache(file, concat(List.of("-XX:AOTCache=" + file, "-D" + PROPERTY + "=" + file), quiet),
                    concat(List.of("-XX:AOTCacheOutput=" + file), quiet)));
        }
        if (feature >= 21) {
            Path file = dir.resolve("kernel.jsa");
            List<String> options = concat(List.of("-XX:SharedArchiveFile=" + file, "-XX:+AutoCreateSharedArchive"), quiet);
            return Optional.of(new StartupCache(file, options, options));
        }
        return Optional.empty();
    }

    /**
     * Runs the training: the kernel's JVM with its options, class path and the training options on
     * {@link KernelTraining}. Its output goes to {@code training.log} beside the cache.
     *
     * @param kernelOptions the kernel's JVM options before {@code -cp}, without the cache's
     * @throws IOException naming the log when the run fails or leaves no cache
     */
    public void train(Path java, List<String> kernelOptions, String classpath) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(kernelOptions);
        command.addAll(trainOptions);
        command.addAll(List.of("-cp", classpath, KernelTraining.class.getName()));
        Path log = file.resolveSibling("training.log");
        Files.deleteIfExists(file);
        Files.deleteIfExists(jarsFile(file));
        Files.deleteIfExists(setAsideFile(file));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the kernel's training run took over " + TRAINING_TIMEOUT.toMinutes() + " min; see " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the kernel's training run", e);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(file)) {
            throw new IOException("the kernel's training run " + (p.exitValue() != 0 ? "exited with " + p.exitValue() : "wrote no " + file)
                    + "; see " + log);
        }
        AtomicFiles.write(jarsFile(file), CacheJars.of(classpath).text());
    }

    /** Where the jars a cache was trained on are recorded. */
    static Path jarsFile(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".jars");
    }

    /** Where a stale cache is moved, out of the JVM's way. */
    static Path setAsideFile(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".stale");
    }

    /** A given AOT cache, compared with the class path of this start. */
    sealed interface State {
        /** Trained on these very jars: the JVM maps it. */
        record Fresh() implements State {
        }

        /** No record of its jars (installed before they were recorded): nothing to compare. */
        record Untracked() implements State {
        }

        /** Trained on other jars: the JVM refuses it. */
        record Stale(List<String> changes) implements State {
        }

        /** Gone: moved aside as stale by an earlier start, or deleted. */
        record Missing() implements State {
        }
    }

    /**
     * The staleness rule: a cache is stale when any jar of {@code classpath} differs in size or
     * modification time from the record its training left, or was added or removed since.
     *
     * @throws IOException when the record cannot be read
     */
    static State state(Path cache, String classpath) throws IOException {
        Path jars = jarsFile(cache);
        if (!Files.isRegularFile(cache)) {
            return Files.isRegularFile(jars) ? new State.Missing() : new State.Untracked();
        }
        if (!Files.isRegularFile(jars)) {
            return new State.Untracked();
        }
        List<String> changes = CacheJars.parse(Files.readString(jars), jars).changesTo(CacheJars.of(classpath));
        return changes.isEmpty() ? new State.Fresh() : new State.Stale(changes);
    }

    /**
     * At a kernel start: checks the AOT cache named by {@link #PROPERTY}, if any, against this
     * JVM's class path; a stale one is said on {@code log} and moved aside, a missing one is said.
     */
    public static void checkAtStart(Consumer<String> log) {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            check(Path.of(given), System.getProperty("java.class.path"), log);
        }
    }

    /** {@link #checkAtStart}'s work, for a cache and a class path. */
    static void check(Path cache, String classpath, Consumer<String> log) {
        try {
            switch (state(cache, classpath)) {
                case State.Fresh f -> { }
                case State.Untracked u -> { }
                case State.Stale stale -> {
                    Files.move(cache, setAsideFile(cache), StandardCopyOption.REPLACE_EXISTING);
                    log.accept(staleMessage(cache, stale));
                }
                case State.Missing m -> log.accept("kernel: no start-up cache: " + cache + " is gone (set aside as stale after a"
                        + " rebuild, as " + setAsideFile(cache).getFileName() + ", or deleted); the kernel starts slower until `" + RETRAIN + "` retrains it");
            }
        } catch (IOException | IllegalArgumentException e) {
            log.accept("kernel: cannot check the start-up cache " + cache + ": " + e.getMessage() + "; `" + RETRAIN + "` retrains it");
        }
    }

    static String staleMessage(Path cache, State.Stale stale) {
        List<String> changes = stale.changes();
        String shown = String.join(", ", changes.subList(0, Math.min(3, changes.size())))
                + (changes.size() > 3 ? " and " + (changes.size() - 3) + " more" : "");
        return "kernel: the start-up cache " + cache + " was trained on other jars (" + shown + " since `" + RETRAIN + "`):"
                + " the JVM does not use it, so it is set aside; the kernel starts slower until `" + RETRAIN + "` retrains it";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
