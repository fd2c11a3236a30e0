package io.latentbench.workbench.bench.suites.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The peers outside Java: a child {@code python3} running {@code python_peers.py} (shipped
 * beside this class) over the data a benchmark hands it, answering one command a line. A JMH
 * invocation asks it for a fixed number of searches, so the pipe's round trip (about 0.1 ms)
 * is shared by all of them. The child sizes its thread pools to one before numpy loads.
 *
 * <p>The interpreter is {@code $LB_PYTHON}, else Debian's {@code /usr/bin/python3} (which sees
 * Debian's python3-numpy and python3-faiss where a {@code python3} first on PATH may not), else
 * {@code python3}. When it or a package is missing, {@link #start} throws naming what to install.
 */
final class PythonPeer implements AutoCloseable {

    static final String INSTALL = "the peers outside Java need python3 with numpy and faiss on one thread "
            + "(Debian: apt-get install python3-numpy python3-faiss libopenblas0-pthread; another interpreter: LB_PYTHON)";

    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;
    private final Path directory;
    private String versions = "";

    private PythonPeer(Process process, Path directory) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        this.answers = process.inputReader(StandardCharsets.UTF_8);
        this.directory = directory;
    }

    /** Starts the driver on {@code data} (rows of one dimension) and {@code queries}. */
    static PythonPeer start(float[][] data, float[][] queries) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("latentbench-peers");
            Path script = directory.resolve("python_peers.py");
            try (InputStream in = PythonPeer.class.getResourceAsStream("python_peers.py")) {
                if (in == null) {
                    throw new IllegalStateException("python_peers.py is missing beside " + PythonPeer.class.getName());
                }
                Files.copy(in, script);
            }
            Path dataFile = write(directory.resolve("data.f32"), data);
            Path queryFile = write(directory.resolve("queries.f32"), queries);
            Process process = new ProcessBuilder(interpreter(), script.toString())
                    .redirectError(directory.resolve("stderr.txt").toFile())
                    .start();
            PythonPeer peer = new PythonPeer(process, directory);
            peer.versions = peer.ask("load " + dataFile + " " + data.length + " " + queryFile + " "
                    + queries.length + " " + data[0].length);
            return peer;
        } catch (IOException e) {
            deleteQuietly(directory);
            throw new IllegalStateException(INSTALL + ": " + e.getMessage(), e);
        }
    }

    /** numpy's and faiss's versions and build, as the driver reported them. */
    String versions() {
        return versions;
    }

    /** Fails naming what to install when {@code impl}'s package did not load. */
    void require(String impl) {
        if (!versions.contains(impl + " ") || versions.contains(impl + " missing")) {
            throw new IllegalStateException(INSTALL + ": " + impl + " did not load (" + versions + ")");
        }
    }

    /** {@code repeat} one-query searches for the {@code k} nearest, cycling through the queries. */
    long knn(String impl, int k, int repeat) {
        return Long.parseLong(ask("knn " + impl + " " + k + " " + repeat));
    }

    /** {@code repeat} searches of all the queries at once. */
    long batch(String impl, int k, int repeat) {
        return Long.parseLong(ask("batch " + impl + " " + k + " " + repeat));
    }

    private String ask(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException(INSTALL + ": the driver exited (" + stderr() + ")");
            }
            if (!line.startsWith("ok")) {
                throw new IllegalStateException("python peer failed on '" + command + "': " + line);
            }
            return line.substring(2).trim();
        } catch (IOException e) {
            throw new IllegalStateException(INSTALL + ": " + e.getMessage() + " (" + stderr() + ")", e);
        }
    }

    private String stderr() {
        try {
            String text = Files.readString(directory.resolve("stderr.txt")).strip();
            return text.isEmpty() ? "no error output" : text.lines().reduce((a, b) -> b).orElse(text);
        } catch (IOException e) {
            return "no error output";
        }
    }

    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(directory);
        }
    }

    private static String interpreter() {
        String configured = System.getenv("LB_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** The rows as little-endian float32, end to end, as numpy's fromfile reads them. */
    private static Path write(Path file, float[][] rows) throws IOException {
        int dim = rows[0].length;
        ByteBuffer buffer = ByteBuffer.allocate(rows.length * dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float x : row) {
                buffer.putFloat(x);
            }
        }
        buffer.flip();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
        return file;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
