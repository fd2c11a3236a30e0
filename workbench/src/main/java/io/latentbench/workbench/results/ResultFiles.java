package io.latentbench.workbench.results;

import io.latentbench.workbench.files.AtomicFiles;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reading and writing result files. {@link #read} accepts either a latentbench
 * {@code results.json} or a raw JMH JSON file from any project; every write goes to a temporary
 * file in the target directory that is then renamed over the target, so a reader never sees a
 * half-written file and a failed write leaves the previous file intact.
 */
public final class ResultFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {}

    /**
     * Reads a normalized {@code results.json} or a raw JMH JSON file (an array of runs). A raw
     * file gets the profile "external", the file's modification time as timestamp, the JDK
     * its first run names, and suites derived from the benchmark classes
     * ({@link ForeignRows#suiteOf}).
     *
     * @throws ResultFileException  when the file is neither, with the reason
     * @throws UncheckedIOException when it cannot be read
     */
    public static ResultSet read(Path path) {
        return fromTree(path, parse(path));
    }

    /**
     * The run in a file its caller has parsed already (with {@link #parse} or its own reader, which also
     * tells other formats apart): as {@link #read}, without reading or parsing the file again.
     *
     * @param path the file, for messages and, for a raw JMH file, its modification time
     * @param root what the file parsed to; null or missing for an empty file
     */
    public static ResultSet fromTree(Path path, JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new ResultFileException(path + " is empty; expected a results.json or JMH JSON output");
        }
        if (ResultsJson.isResultsJson(root)) {
            return ResultsJson.fromJson(root, path.toString());
        }
        if (isJmhJson(root)) {
            Instant modified;
            try {
                modified = Files.getLastModifiedTime(path).toInstant();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the modification time of " + path, e);
            }
            RunInfo info = new RunInfo(modified, "unknown", "external", JmhJsonReader.jdkOf(root), "unknown", 0);
            return new ResultSet(info, JmhJsonReader.read(root, path.toString()));
        }
        throw new ResultFileException(path + " is neither a latentbench results.json (an object with \"format\": \""
                + ResultsJson.FORMAT + "\") nor JMH JSON output (an array of runs)");
    }

    /** Whether a parsed document is raw JMH output, an array of runs, rather than a results.json. */
    public static boolean isJmhJson(JsonNode root) {
        return root != null && root.isArray();
    }

    /** Writes {@code set} as a normalized results.json, atomically. */
    public static void writeResultsJson(ResultSet set, Path path) {
        AtomicFiles.write(path, toResultsJson(set));
    }

    /** The normalized results.json text of {@code set}. */
    public static String toResultsJson(ResultSet set) {
        try {
            return MAPPER.writeValueAsString(ResultsJson.toJson(set)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize results", e);
        }
    }

    /**
     * The JSON of a results file, read strictly as UTF-8.
     *
     * @throws ResultFileException  when it is empty, not UTF-8 text or not JSON
     * @throws UncheckedIOException when it does not exist or cannot be read
     */
    public static JsonNode parse(Path path) {
        if (Files.notExists(path)) {
            throw new UncheckedIOException("no such file: " + path, new NoSuchFileException(path.toString()));
        }
        String text = InputFiles.readUtf8(path);
        if (text.isBlank()) {
            throw new ResultFileException(path + " is empty; expected a results.json or JMH JSON output");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new ResultFileException(path + " is not valid JSON (" + JsonErrors.describe(e) + ")", e);
        }
    }
}
