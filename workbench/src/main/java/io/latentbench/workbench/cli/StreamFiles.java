package io.latentbench.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentbench.workbench.notebook.ExecutionListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --stdout-file} and {@code --stderr-file}: the cells' stream output copied to files as it arrives. */
final class StreamFiles implements ExecutionListener, AutoCloseable {

    private final Writer stdout;
    private final Writer stderr;

    private StreamFiles(Writer stdout, Writer stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Opens (and truncates) the files given; either may be null. The IOException's message names the file. */
    static StreamFiles open(Path stdoutFile, Path stderrFile) throws IOException {
        Writer out = stdoutFile == null ? null : open(stdoutFile);
        try {
            return new StreamFiles(out, stderrFile == null ? null : open(stderrFile));
        } catch (IOException e) {
            if (out != null) out.close();
            throw e;
        }
    }

    private static Writer open(Path file) throws IOException {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void output(String msgType, JsonNode content) {
        if (!msgType.equals("stream")) return;
        Writer target = content.path("name").asText().equals("stderr") ? stderr : stdout;
        if (target == null) return;
        try {
            target.write(content.path("text").asText());
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failure to flush the last text is reported as an UncheckedIOException naming the cause. */
    @Override
    public void close() {
        try {
            try {
                if (stdout != null) stdout.close();
            } finally {
                if (stderr != null) stderr.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
