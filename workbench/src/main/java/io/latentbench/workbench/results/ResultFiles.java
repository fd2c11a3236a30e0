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
        JsonNode root = parse(path);
        if (ResultsJson.isResultsJson(root)) {
            return ResultsJson.fromJson(root, path.toString());
        }
        if (root.isArray()) {
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

    private static JsonNode parse(Path path) {
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
