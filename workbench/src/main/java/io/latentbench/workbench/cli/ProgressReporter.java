package io.latentbench.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.notebook.ExecutionListener;
import io.latentbench.workbench.notebook.NotebookDocument;
import io.latentbench.workbench.notebook.RunOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/** Progress and live output on stderr. */
final class ProgressReporter implements ExecutionListener {
    private final PrintWriter err;
    private final boolean progress;
    private final boolean terminal;
    private final boolean logOutput;
    private final boolean quiet;
    private final long start = System.nanoTime();

    ProgressReporter(PrintWriter err, boolean progress, boolean terminal, boolean logOutput, boolean quiet) {
        this.err = err;
        this.progress = progress;
        this.terminal = terminal;
        this.logOutput = logOutput;
        this.quiet = quiet;
    }

    @Override
    public void warning(String message) {
        if (quiet) return;
        err.println("lb run: warning: " + message);
        err.flush();
    }

    @Override
    public void cellStarted(int ordinal, int total, ObjectNode cell) {
        if (logOutput) {
            err.println("lb run: executing cell " + ordinal + "/" + total);
        } else if (progress && terminal) {
            err.print("\r" + bar(ordinal - 1, total));
        }
        err.flush();
    }

    @Override
    public void output(String msgType, JsonNode content) {
        if (!logOutput) return;
        switch (msgType) {
            case "stream" -> err.print(content.path("text").asText());
            case "execute_result", "display_data" -> {
                JsonNode text = content.path("data").path("text/plain");
                if (!text.isMissingNode()) err.println(NotebookDocument.joined(text));
            }
            case "error" -> content.path("traceback").forEach(line -> err.println(line.asText()));
            default -> { }
        }
        err.flush();
    }

    @Override
    public void cellFinished(int ordinal, int total, ObjectNode cell, double seconds) {
        if (!progress) return;
        if (terminal && !logOutput) {
            err.print("\r" + bar(ordinal, total));
            if (ordinal == total) err.println();
        } else {
            err.printf(Locale.ROOT, "lb run: cell %d/%d done in %.2f s%n", ordinal, total, seconds);
        }
        err.flush();
    }

    @Override
    public void runFinished(RunOutcome outcome) {
        if (progress && terminal && !logOutput && !(outcome instanceof RunOutcome.Completed)) err.println();
        err.flush();
    }

    private String bar(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        return String.format(Locale.ROOT, "Executing [%s%s] %d/%d cells, %.1f s", "#".repeat(filled),
                " ".repeat(width - filled), done, total, (System.nanoTime() - start) / 1e9);
    }
}
