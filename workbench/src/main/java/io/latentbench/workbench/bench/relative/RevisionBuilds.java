package io.latentbench.workbench.bench.relative;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks out a revision into a git worktree under {@code target/relative/} of the repository and
 * builds it there, once per commit: a later run against the same commit reuses the build (a
 * marker file holding its class path is written only after a successful build).
 */
public final class RevisionBuilds {

    private static final String MARKER = ".lb-relative-classpath";

    private final Path repository;
    private final Path cacheDir;
    private final BuildRecipe recipe;

    /**
     * @param repository  any directory inside the git repository
     * @param recipe      how a checkout is built
     */
    public RevisionBuilds(Path repository, BuildRecipe recipe) {
        this.recipe = recipe;
        this.repository = topLevel(repository);
        this.cacheDir = this.repository.resolve("target").resolve("relative");
    }

    public Path repository() {
        return repository;
    }

    /** The full commit id {@code revision} names; a clear error when it names none. */
    public String resolve(String revision) {
        Git.Result r = Git.run(repository, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (r.code() != 0 || r.out().isBlank()) {
            throw new RevisionBuildException("'" + revision + "' is not a commit of " + repository
                    + (revision.endsWith("^1") || revision.endsWith("~1") ? " (the first commit has no parent)" : ""),
                    null);
        }
        return r.out().strip();
    }

    /** The class path of {@code revision} built in its worktree, building it first unless it was built before. */
    public BuiltRevision build(String revision) {
        String commit = resolve(revision);
        Path checkout = cacheDir.resolve(commit.substring(0, 12));
        Path marker = checkout.resolve(MARKER);
        Path log = cacheDir.resolve(commit.substring(0, 12) + ".build.log");
        try {
            if (Files.isRegularFile(marker)) {
                return new BuiltRevision(revision, commit, checkout, Files.readString(marker).strip(), true);
            }
            Files.createDirectories(cacheDir);
            if (!Files.isDirectory(checkout)) {
                Git.run(repository, "worktree", "prune");
                Git.Result add = Git.run(repository, "worktree", "add", "--detach", "--force", checkout.toString(), commit);
                if (add.code() != 0) {
                    throw new RevisionBuildException("cannot check out " + revision + " (" + commit + ") into " + checkout
                            + ": " + add.out().strip(), null);
                }
            }
            List<String> command = new ArrayList<>(recipe.command());
            ProcessBuilder pb = new ProcessBuilder(command).directory(checkout.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // Built by the JDK that runs the forks, whatever JAVA_HOME the caller had.
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new RevisionBuildException("building " + revision + " (" + commit + ") took over 30 minutes;"
                        + " its log: " + log, log);
            }
            if (p.exitValue() != 0) {
                throw new RevisionBuildException("the base revision " + revision + " (" + commit + ") does not build: `"
                        + recipe.description() + "` exited " + p.exitValue() + " in " + checkout + "; its log: " + log
                        + "\n" + tail(log), log);
            }
            String classpath = recipe.classpath().of(checkout);
            Files.writeString(marker, classpath, StandardCharsets.UTF_8);
            return new BuiltRevision(revision, commit, checkout, classpath, false);
        } catch (IOException e) {
            throw new RevisionBuildException("cannot build " + revision + " (" + commit + ") in " + checkout + ": "
                    + e.getMessage() + (Files.exists(log) ? "; its log: " + log : ""), Files.exists(log) ? log : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevisionBuildException("interrupted while building " + revision, log);
        }
    }

    /** Where the working tree's jars are copied for a relative run: as long a name as a commit's checkout. */
    static final String WORKING_TREE_SNAPSHOT = "worktree-now";

    /**
     * The working tree's build as the head side runs it: its jars copied into
     * {@code target/relative/worktree-now/}, laid out like a built revision's checkout, so that both
     * sides' forks start from class paths of the same shape and length. A JVM's first allocations
     * hold its class path, and in A/A gate runs (identical code) forks whose class paths differed
     * (the head's from the working tree, with the kernel's jar, the base's from its worktree) came
     * out up to 8 % apart on some benchmarks in 14 of 15 pairs. The copy also keeps a rebuild of the
     * working tree during the run out of its forks.
     *
     * @return empty when the working tree has no build of {@code recipe}'s layout (a jshell or kernel
     *         outside an {@code lb} checkout)
     */
    public java.util.Optional<String> workingTreeSnapshot(BuildRecipe recipe) {
        String built;
        try {
            built = recipe.classpath().of(repository);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        Path snapshot = cacheDir.resolve(WORKING_TREE_SNAPSHOT);
        try {
            if (Files.exists(snapshot)) {
                try (var walk = Files.walk(snapshot)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (String entry : built.split(java.io.File.pathSeparator)) {
                Path from = Path.of(entry);
                Path to = snapshot.resolve(repository.relativize(from));
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
            return java.util.Optional.of(recipe.classpath().of(snapshot));
        } catch (IOException | IllegalArgumentException e) {
            throw new RevisionBuildException("cannot copy the working tree's build into " + snapshot + ": "
                    + e.getMessage(), null);
        }
    }

    /** The commit of the working tree's HEAD, and whether the working tree differs from it. */
    public String headCommit() {
        Git.Result r = Git.run(repository, "rev-parse", "HEAD");
        return r.code() == 0 ? r.out().strip() : "unknown";
    }

    public boolean workingTreeDirty() {
        Git.Result r = Git.run(repository, "status", "--porcelain", "--untracked-files=no");
        return r.code() == 0 && !r.out().isBlank();
    }

    /** The first parent of {@code revision}, or empty when it has none (the first commit). */
    public java.util.Optional<String> firstParent(String revision) {
        Git.Result r = Git.run(repository, "rev-parse", "--verify", "--quiet", revision + "^1");
        return r.code() == 0 && !r.out().isBlank() ? java.util.Optional.of(r.out().strip()) : java.util.Optional.empty();
    }

    private static Path topLevel(Path dir) {
        Git.Result r = Git.run(dir, "rev-parse", "--show-toplevel");
        if (r.code() != 0) {
            throw new RevisionBuildException(dir.toAbsolutePath() + " is not inside a git repository (a relative run"
                    + " checks the base revision out of it): " + r.out().strip(), null);
        }
        return Path.of(r.out().strip());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** A built revision: its checkout and the class path of its forks. {@code cached}: built by an earlier run. */
    public record BuiltRevision(String revision, String commit, Path checkout, String classpath, boolean cached) {}
}
