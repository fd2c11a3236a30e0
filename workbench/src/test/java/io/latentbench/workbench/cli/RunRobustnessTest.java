package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.notebook.Nbformat;
import io.latentbench.workbench.notebook.NotebookDocument;
import io.latentbench.workbench.notebook.TestNotebooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's executor defects, each as {@code lb run} meets it: a stop signal (item 5), huge timeouts (item 7) and
 * a number inside a cell's source list (item 10). The unanswered shell (item 1) is in NotebookRunnerTest.
 */
class RunRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CommandRun lb(String... args) {
        return CommandRun.lbRun(() -> false, java.io.InputStream.nullInputStream(), args);
    }

    @Test
    void hugeTimeoutsMeanNoLimitAndNonsenseIsOneLineOfBadInput() throws Exception {
        Path in = TestNotebooks.python().code("print('ran')").write(dir.resolve("t.ipynb"));
        Path out = dir.resolve("t-out.ipynb");

        // Before: ArithmeticException with a 19-frame trace, exit 1 and no notebook.
        CommandRun huge = lb(in.toString(), out.toString(), "--execution-timeout", "1e10", "--start-timeout", "1e308",
                "--request-timeout", "Infinity");
        assertThat(huge.exitCode()).as(huge.err()).isZero();
        assertThat(NotebookDocument.joined(JSON.readTree(out.toFile()).path("cells").get(0).path("outputs").get(0).path("text")))
                .isEqualTo("ran\n");
        CommandRun infinite = lb(in.toString(), out.toString(), "--execution-timeout", "Infinity", "--prepare-only");
        assertThat(infinite.exitCode()).as(infinite.err()).isZero();

        for (String[] bad : List.of(new String[] {"--execution-timeout", "NaN"}, new String[] {"--start-timeout", "-1"},
                new String[] {"--execution-timeout", "soon"}, new String[] {"--autosave-cell-every", "-3"})) {
            CommandRun r = lb(in.toString(), dir.resolve("never.ipynb").toString(), bad[0], bad[1]);
            assertThat(r.exitCode()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err().strip().lines()).singleElement().asString().contains(bad[0]).contains(bad[1]);
        }
        assertThat(dir.resolve("never.ipynb")).doesNotExist();
    }

    @Test
    void aNumberInsideACellSourceListIsAMalformedNotebook() throws Exception {
        // Before: the 2 was turned into text and run.
        Path in = Files.writeString(dir.resolve("num.ipynb"), """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "p"}},
                 "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "execution_count": null, "outputs": [],
                            "source": ["print(1)\\n", 2]}]}
                """);
        Path out = dir.resolve("num-out.ipynb");

        CommandRun r = lb(in.toString(), out.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("num.ipynb: cell 0 \"source\" line 1 is the number 2, expected a string")
                .contains("malformed");
        assertThat(out).doesNotExist();
    }

    @Test
    void sigtermWritesTheCellsRunSoFarWithABannerAndRemovesTheKernelDir() throws Exception {
        assertStoppedBy("TERM", 143);
    }

    @Test
    void sigintDoesTheSame() throws Exception {
        assertStoppedBy("INT", 130);
    }

    /**
     * {@code lb run} as its own process on a notebook whose second cell sleeps; once the autosave shows that cell
     * running (so autosave works mid-cell, and every read of OUT parses: the writes are atomic), the signal comes.
     */
    private void assertStoppedBy(String signal, int exitCode) throws Exception {
        Path in = TestNotebooks.python()
                .code("print('first')")
                .code("import time\nprint('second started', flush=True)\ntime.sleep(120)")
                .code("print('never')")
                .write(dir.resolve("long.ipynb"));
        Path out = dir.resolve("long-out.ipynb");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        // A job started in the background by a non-interactive shell inherits SIGINT ignored, and a JVM leaves an
        // ignored SIGINT ignored (so does Python): the child gets the default disposition back, as in a terminal.
        Process p = new ProcessBuilder("env", "--default-signal=INT", java.toString(), "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", in.toString(), out.toString(), "--autosave-cell-every", "0.5")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            boolean running = false;
            while (!running && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(100);
                if (Files.exists(out)) {
                    JsonNode saved = JSON.readTree(out.toFile()); // never half a file
                    running = NotebookDocument.joined(saved.path("cells").get(1).path("outputs").path(0).path("text")).contains("second started");
                }
            }
            assertThat(running).as(Files.readString(dir.resolve("log.txt"))).isTrue();
            try (Stream<Path> kernelDirs = Files.list(tmp)) {
                assertThat(kernelDirs.map(d -> d.getFileName().toString())).anyMatch(n -> n.startsWith("lb-kernel-"));
            }

            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();

            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("log.txt"));
        assertThat(p.exitValue()).as(log).isEqualTo(exitCode);
        assertThat(log).contains("stopped by SIG" + signal);
        JsonNode nb = JSON.readTree(out.toFile());
        List<JsonNode> cells = new ArrayList<>();
        nb.path("cells").forEach(cells::add);
        assertThat(NotebookDocument.joined(cells.get(0).path("source"))).contains("The run was stopped (SIG" + signal + ")")
                .contains("href=\"#papermill-error-cell\"");
        assertThat(NotebookDocument.joined(cells.get(1).path("outputs").get(0).path("text"))).isEqualTo("first\n");
        assertThat(NotebookDocument.joined(cells.get(2).path("source"))).contains("id=\"papermill-error-cell\"");
        assertThat(NotebookDocument.joined(cells.get(3).path("outputs").get(0).path("text"))).isEqualTo("second started\n");
        assertThat(cells.get(4).path("execution_count").isNull()).isTrue();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(d -> d.getFileName().toString())).noneMatch(n -> n.startsWith("lb-kernel-"));
        }
        Nbformat.assertValid(out);
    }
}
