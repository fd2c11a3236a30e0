package io.latentbench.workbench.regress.baseline;

import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.regress.config.BaselineManagement;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.InputFiles;
import io.latentbench.workbench.results.ResultFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The baselines directory: {@code <root>/<testbed>/baselines.json} and
 * {@code <root>/<testbed>/history/<stamp>-<commit>.json}.
 *
 * <p>Every write goes to a temporary file in the same directory and is then renamed over the
 * target, so a reader sees the old file or the new one, never half of one. A baselines file
 * that does not parse stops an update with an error: it is never replaced, since it may be the
 * last good baseline with one hand edit gone wrong.
 */
public final class BaselineStore {

    private static final Pattern TESTBED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern HISTORY_NAME = Pattern.compile("(\\d{8}T\\d{6}(?:\\d{3})?Z)(?:-\\d+)?-([A-Za-z0-9]+)\\.json");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path root;

    public BaselineStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path file(String testbed) {
        return dir(testbed).resolve("baselines.json");
    }

    public Path historyDir(String testbed) {
        return dir(testbed).resolve("history");
    }

    private Path dir(String testbed) {
        if (testbed == null || !TESTBED.matcher(testbed).matches() || testbed.contains("..")) {
            throw new BaselineException("testbed name '" + testbed
                    + "' is not usable as a directory; expected letters, digits, '.', '_' or '-'");
        }
        return root.resolve(testbed);
    }

    /** The testbed's baselines, or empty when it has none yet. A corrupt file is an error. */
    public Optional<BaselineFile> read(String testbed) {
        Path file = file(testbed);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(load(file));
    }

    public static BaselineFile load(Path file) {
        String text;
        try {
            text = InputFiles.readUtf8(file);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new BaselineException("baselines file " + file + " does not exist");
            }
            throw new BaselineException("cannot read baselines file " + e.getMessage(), e.getCause());
        } catch (ResultFileException e) {
            throw new BaselineException("baselines file " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            throw new BaselineException("baselines file " + file + " is corrupt: it is empty");
        }
        return BaselineJson.parse(text, file.toString());
    }

    /**
     * What an update did.
     *
     * @param baselines what {@code file} now holds, so that a caller need not read it back
     */
    public record UpdateResult(Path file, int updated, int kept, Optional<Path> historyFile, int pruned,
            BaselineFile baselines) {}

    /**
     * Merges a run into the testbed's baselines: its benchmarks replace their records, others
     * stay (a quick run does not erase the full profile's baselines) unless {@code replace}.
     */
    public UpdateResult update(String testbed, ResultSet results, BaselineManagement management, boolean replace, Instant now) {
        SortedMap<String, BaselineRecord> fresh = Baselines.fromResults(results, now);
        if (fresh.isEmpty()) {
            throw new BaselineException("the results contain no benchmark with a finite score; refusing to write an empty baseline for "
                    + testbed);
        }
        // read-merge-write under the testbed's lock, so that concurrent updates each keep the other's records
        try (BaselineLock lock = BaselineLock.acquire(dir(testbed))) {
            return merge(testbed, fresh, results, management, replace, now);
        }
    }

    private UpdateResult merge(String testbed, SortedMap<String, BaselineRecord> fresh, ResultSet results,
                               BaselineManagement management, boolean replace, Instant now) {
        Optional<BaselineFile> existing = read(testbed); // throws on a corrupt file: never overwrite it
        SortedMap<String, BaselineRecord> merged = new TreeMap<>();
        int kept = 0;
        if (existing.isPresent() && !replace) {
            merged.putAll(existing.get().baselines());
            kept = (int) existing.get().baselines().keySet().stream().filter(k -> !fresh.containsKey(k)).count();
        }
        merged.putAll(fresh);
        String stamp = now.toString();
        BaselineFile file = new BaselineFile(testbed, existing.map(BaselineFile::createdAt).orElse(stamp), stamp, merged);
        String json = BaselineJson.write(file);
        Path target = file(testbed);
        writeBaselineFile(target, json);
        Optional<Path> history = Optional.empty();
        int pruned = 0;
        if (management.keepHistory()) {
            history = Optional.of(writeHistory(testbed, json, now, results.info().gitCommit()));
            pruned = prune(testbed, management.maxHistoryCount());
        }
        return new UpdateResult(target, fresh.size(), kept, history, pruned, file);
    }

    private Path writeHistory(String testbed, String json, Instant now, String commit) {
        String shortCommit = commit == null ? "unknown" : commit.replaceAll("[^A-Za-z0-9]", "");
        shortCommit = shortCommit.isEmpty() ? "unknown" : shortCommit.substring(0, Math.min(12, shortCommit.length()));
        String base = STAMP.format(now);
        Path dir = historyDir(testbed);
        Path target = dir.resolve(base + "-" + shortCommit + ".json");
        for (int n = 1; Files.exists(target); n++) {
            target = dir.resolve(base + "-" + n + "-" + shortCommit + ".json");
        }
        writeBaselineFile(target, json);
        return target;
    }

    /** History, oldest first. */
    public List<HistoryEntry> history(String testbed) {
        Path dir = historyDir(testbed);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<HistoryEntry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                Matcher m = HISTORY_NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(new HistoryEntry(p, m.group(1), m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new BaselineException("cannot list baseline history " + dir + ": " + InputFiles.describe(e), e);
        }
        return out;
    }

    /** Deletes the oldest history files until at most {@code keep} remain; returns how many went. */
    public int prune(String testbed, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep " + keep + " must be at least 1");
        }
        List<HistoryEntry> entries = history(testbed);
        int excess = entries.size() - keep;
        for (int i = 0; i < excess; i++) {
            try {
                Files.deleteIfExists(entries.get(i).file());
            } catch (IOException e) {
                throw new BaselineException("cannot delete old baseline " + entries.get(i).file() + ": " + InputFiles.describe(e), e);
            }
        }
        return Math.max(0, excess);
    }

    /** Baseline files fail as baseline errors, so the CLI names them as such. */
    private static void writeBaselineFile(Path target, String json) {
        try {
            AtomicFiles.write(target, json);
        } catch (UncheckedIOException e) {
            // AtomicFiles names the temporary file; Java's message for a refused write is the bare path
            throw new BaselineException("cannot write " + target + ": " + InputFiles.describe(e.getCause()), e.getCause());
        }
    }
}
