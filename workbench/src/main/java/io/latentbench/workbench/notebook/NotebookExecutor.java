package io.latentbench.workbench.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.notebook.protocol.Channel;
import io.latentbench.workbench.notebook.protocol.JupyterMessage;
import io.latentbench.workbench.notebook.protocol.KernelClient;
import io.latentbench.workbench.notebook.protocol.KernelSpec;
import io.latentbench.workbench.notebook.protocol.KernelStartException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a notebook's code cells in order on a kernel started from its kernelspec, recording outputs, execution
 * counts and papermill's per-cell metadata, and stopping at the first error, timeout or kernel death.
 */
public final class NotebookExecutor {

    /** Papermill's tag for the cells it adds about an error; papermill-aware tools know to drop them. */
    public static final String ERROR_CELL_TAG = "papermill-error-cell-tag";
    public static final String ERROR_ANCHOR = "lb-error-cell";

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int MISSED_HEARTBEATS_FOR_DEATH = 3;

    private final KernelSpec spec;
    private final ExecutionOptions options;
    private final OutputRecorder recorder = new OutputRecorder();

    public NotebookExecutor(KernelSpec spec, ExecutionOptions options) {
        this.spec = spec;
        this.options = options;
    }

    /** Clears what an earlier run left (outputs, counts, error cells, papermill cell metadata). */
    public static void resetForRun(Notebook notebook) {
        ArrayNode cells = notebook.cells();
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (Notebook.hasTag(cells.get(i), ERROR_CELL_TAG)) cells.remove(i);
        }
        for (JsonNode node : cells) {
            ObjectNode cell = (ObjectNode) node;
            if (cell.path("cell_type").asText().equals("code")) {
                cell.putArray("outputs");
                cell.putNull("execution_count");
            }
            ObjectNode papermill = ((ObjectNode) cell.get("metadata")).putObject("papermill");
            papermill.put("status", "pending");
            papermill.putNull("start_time");
            papermill.putNull("end_time");
            papermill.putNull("duration");
            papermill.putNull("exception");
        }
    }

    /** Starts the kernel, runs the notebook in place and says how the run ended; the notebook records it either way. */
    public RunOutcome execute(Notebook notebook) throws KernelStartException {
        return execute(notebook, KernelClient.launch(spec, options.cwd()));
    }

    /** Runs the notebook on a kernel launched from this executor's spec, then shuts the kernel down. */
    public RunOutcome execute(Notebook notebook, KernelClient session) throws KernelStartException {
        resetForRun(notebook);
        Instant runStart = Instant.now();
        ObjectNode papermill = Parameterizer.papermillMetadata(notebook);
        papermill.put("start_time", runStart.toString());

        List<Integer> toRun = new ArrayList<>();
        ArrayNode cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            // Jupyter skips code cells with nothing to run, leaving their execution count empty.
            if (cell.path("cell_type").asText().equals("code") && !cell.path("source").asText().isBlank()) toRun.add(i);
        }

        RunOutcome outcome = new RunOutcome.Completed();
        session.awaitReady(options.startTimeout());
        try {
            recordKernel(notebook, session);
            for (int n = 0; n < toRun.size(); n++) {
                ObjectNode cell = (ObjectNode) cells.get(toRun.get(n));
                options.listener().cellStarted(n + 1, toRun.size(), cell);
                outcome = runCell(session, cell, toRun.get(n));
                options.listener().cellFinished(n + 1, toRun.size(), cell,
                        cell.path("metadata").path("papermill").path("duration").asDouble());
                if (!(outcome instanceof RunOutcome.Completed)) break;
            }
        } finally {
            if (outcome instanceof RunOutcome.KernelDied || outcome instanceof RunOutcome.TimedOut t && t.kernelKilled()) {
                session.kill();
            } else {
                session.close();
            }
        }

        Instant runEnd = Instant.now();
        papermill.put("end_time", runEnd.toString());
        papermill.put("duration", seconds(runStart, runEnd));
        papermill.put("exception", !(outcome instanceof RunOutcome.Completed));
        if (!(outcome instanceof RunOutcome.Completed)) addErrorCells(notebook, failingIndex(outcome), outcome);
        options.listener().runFinished(outcome);
        return outcome;
    }

    private void recordKernel(Notebook notebook, KernelClient session) {
        ObjectNode kernelspec = notebook.metadata().putObject("kernelspec");
        kernelspec.put("name", spec.name());
        kernelspec.put("display_name", spec.displayName());
        String language = spec.language().isEmpty()
                ? session.kernelInfo().path("language_info").path("name").asText("") : spec.language();
        kernelspec.put("language", language);
        if (session.kernelInfo().get("language_info") instanceof ObjectNode info) {
            notebook.metadata().set("language_info", info.deepCopy());
        }
    }

    private RunOutcome runCell(KernelClient session, ObjectNode cell, int index) {
        ObjectNode papermill = (ObjectNode) cell.path("metadata").path("papermill");
        Instant start = Instant.now();
        papermill.put("status", "running");
        papermill.put("start_time", start.toString());
        recorder.startCell((ArrayNode) cell.get("outputs"));

        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("code", cell.path("source").asText());
        request.put("silent", false);
        request.put("store_history", true);
        request.putObject("user_expressions");
        request.put("allow_stdin", false);
        request.put("stop_on_error", true);
        String msgId = session.send(Channel.SHELL, "execute_request", request);

        CellRun run = new CellRun(session, cell, index, msgId, start);
        RunOutcome outcome = run.await();

        Instant end = Instant.now();
        papermill.put("end_time", end.toString());
        papermill.put("duration", seconds(start, end));
        boolean failed = !(outcome instanceof RunOutcome.Completed);
        papermill.put("status", failed ? "failed" : "completed");
        papermill.put("exception", failed);
        return outcome;
    }

    /** Waits for one cell's reply and idle status, watching the clock and the kernel's health meanwhile. */
    private final class CellRun {
        private final KernelClient session;
        private final ObjectNode cell;
        private final int index;
        private final String msgId;
        private final Instant start;
        private boolean replied;
        private boolean idle;
        private String replyStatus = "ok";
        private JsonNode replyContent = JsonNodeFactory.instance.objectNode();
        private long interruptedAt = -1;
        private long lastActivity = System.nanoTime();
        private int missedHeartbeats;

        CellRun(KernelClient session, ObjectNode cell, int index, String msgId, Instant start) {
            this.session = session;
            this.cell = cell;
            this.index = index;
            this.msgId = msgId;
            this.start = start;
        }

        RunOutcome await() {
            Optional<Long> deadline = options.executionTimeout().map(t -> System.nanoTime() + t.toNanos());
            while (!(replied && idle)) {
                Optional<JupyterMessage> message = session.poll(POLL);
                if (message.isPresent()) {
                    lastActivity = System.nanoTime();
                    handle(message.get());
                    continue;
                }
                long now = System.nanoTime();
                if (!session.isAlive()) return died(session.exitCode());
                if (interruptedAt >= 0 && now - interruptedAt > options.interruptGrace().toNanos()) {
                    session.kill();
                    return timedOut(true);
                }
                if (interruptedAt < 0 && deadline.isPresent() && now > deadline.get()) {
                    interruptedAt = now;
                    session.interrupt();
                    continue;
                }
                if (now - lastActivity > options.heartbeatInterval().toNanos()) {
                    missedHeartbeats = session.heartbeat(options.heartbeatInterval()) ? 0 : missedHeartbeats + 1;
                    lastActivity = System.nanoTime();
                    if (missedHeartbeats >= MISSED_HEARTBEATS_FOR_DEATH) return died(-1); // execute() then kills it
                }
            }
            if (interruptedAt >= 0) return timedOut(false);
            if (replyStatus.equals("ok")) return new RunOutcome.Completed();
            if (!recorder.hasError()) {
                // Some kernels put the error only in the reply; the notebook must still show it.
                recorder.accept("error", replyContent);
            }
            return new RunOutcome.CellFailed(index, replyContent.path("ename").asText(""), replyContent.path("evalue").asText(""));
        }

        private void handle(JupyterMessage m) {
            if (!m.parentId().equals(msgId)) return; // late replies to earlier requests
            if (m.channel() == Channel.SHELL && m.type().equals("execute_reply")) {
                replied = true;
                replyContent = m.content();
                replyStatus = m.content().path("status").asText("ok");
                setCount(m.content().get("execution_count"));
            } else if (m.channel() == Channel.IOPUB) {
                switch (m.type()) {
                    case "status" -> idle |= m.content().path("execution_state").asText().equals("idle");
                    case "execute_input" -> setCount(m.content().get("execution_count"));
                    default -> {
                        recorder.accept(m.type(), m.content());
                        if (isOutput(m.type())) options.listener().output(m.type(), m.content());
                    }
                }
            } else if (m.channel() == Channel.STDIN && m.type().equals("input_request")) {
                // allow_stdin is false, so a well-behaved kernel never asks; one that does gets no input
                session.send(Channel.STDIN, "input_reply", JsonNodeFactory.instance.objectNode().put("value", ""));
            }
        }

        private void setCount(JsonNode count) {
            if (count != null && count.canConvertToInt()) cell.put("execution_count", count.asInt());
        }

        private RunOutcome died(int exitCode) {
            // Whatever the kernel published before it went is still worth keeping.
            Optional<JupyterMessage> late;
            while ((late = session.poll(Duration.ofMillis(100))).isPresent()) handle(late.get());
            String how = exitCode >= 0 ? "exited with code " + exitCode : "stopped answering its heartbeat";
            String tail = session.logTail(10);
            recorder.error("DeadKernelError", "the kernel died while this cell ran: it " + how
                    + (tail.isBlank() ? "" : "; its last output:\n" + tail));
            return new RunOutcome.KernelDied(index, exitCode);
        }

        private RunOutcome timedOut(boolean killed) {
            double limit = options.executionTimeout().map(d -> d.toMillis() / 1000.0).orElse(0.0);
            recorder.error("CellTimeoutError", "the cell did not finish within " + formatSeconds(limit)
                    + " s (--execution-timeout) and was interrupted" + (killed ? "; it did not stop, so the kernel was killed" : ""));
            return new RunOutcome.TimedOut(index, limit, killed);
        }
    }

    private static boolean isOutput(String msgType) {
        return switch (msgType) {
            case "stream", "display_data", "execute_result", "error" -> true;
            default -> false;
        };
    }

    private static int failingIndex(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.CellFailed f -> f.cellIndex();
            case RunOutcome.TimedOut t -> t.cellIndex();
            case RunOutcome.KernelDied d -> d.cellIndex();
            case RunOutcome.Completed c -> -1;
        };
    }

    /** A banner at the top that links to an anchor just above the failing cell. */
    private static void addErrorCells(Notebook notebook, int failing, RunOutcome outcome) {
        ArrayNode cells = notebook.cells();
        JsonNode count = cells.get(failing).path("execution_count");
        String label = count.isInt() ? "In [" + count.asInt() + "]" : "cell " + failing;
        String what = switch (outcome) {
            case RunOutcome.CellFailed f -> f.ename().isEmpty() ? "an error" : f.ename();
            case RunOutcome.TimedOut t -> "a timeout";
            case RunOutcome.KernelDied d -> "a dead kernel";
            case RunOutcome.Completed c -> throw new IllegalArgumentException("a completed run has no error");
        };
        String style = "color:#b00020; font-family:Helvetica, Arial, sans-serif;";
        ObjectNode anchor = notebook.newCell("markdown",
                "<span id=\"" + ERROR_ANCHOR + "\" style=\"" + style + " font-size:1.2em;\">"
                        + "The run stopped here with " + escapeHtml(what) + ":</span>",
                List.of(ERROR_CELL_TAG));
        ObjectNode banner = notebook.newCell("markdown",
                "<span style=\"" + style + " font-size:1.6em;\">The run stopped with " + escapeHtml(what)
                        + " at <a href=\"#" + ERROR_ANCHOR + "\">" + label + "</a>.</span>",
                List.of(ERROR_CELL_TAG));
        cells.insert(failing, anchor);
        cells.insert(0, banner);
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String formatSeconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
