package io.latentbench.workbench.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's start-up cache: the classes (and, from JDK 25, their linking and method profiles)
 * that a session loads, written once by a training run ({@link KernelTraining}) at
 * {@code lb kernel install} and mapped by every kernel start after it. JDK 25 and newer get an AOT
 * cache ({@code -XX:AOTCache}, JEP 483/515); JDK 21 to 24 a dynamic CDS archive that the JVM
 * re-creates by itself when the jars change ({@code -XX:+AutoCreateSharedArchive}). A cache that
 * no longer matches the jars (after a rebuild) is ignored by the JVM: the kernel starts as it
 * would without one until {@code lb kernel install} runs again.
 *
 * @param file        the cache file, in the kernelspec's directory
 * @param runOptions  the JVM options of every kernel start
 * @param trainOptions the JVM options of the training run that writes the file
 */
public record StartupCache(Path file, List<String> runOptions, List<String> trainOptions) {

    /** Training is a kernel session's first cells: generous for a machine shared with builds. */
    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

    /** The cache for a java of this feature version, in {@code dir}; none before JDK 21's archives. */
    public static java.util.Optional<StartupCache> forJava(int feature, Path dir) {
        // the JVM's own notes on a cache it cannot use go to the kernel's stdout otherwise
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:aot=off");
        if (feature >= 25) {
            Path file = dir.resolve("kernel.aot");
            return java.util.Optional.of(new StartupCache(file, concat(List.of("-XX:AOTCache=" + file), quiet),
                    concat(List.of("-XX:AOTCacheOutput=" + file), quiet)));
        }
        if (feature >= 21) {
            Path file = dir.resolve("kernel.jsa");
            List<String> options = concat(List.of("-XX:SharedArchiveFile=" + file, "-XX:+AutoCreateSharedArchive"), quiet);
            return java.util.Optional.of(new StartupCache(file, options, options));
        }
        return java.util.Optional.empty();
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
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
