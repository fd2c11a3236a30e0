package io.latentbench.workbench.notebook;

import static io.latentbench.workbench.files.Html.escape;

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
import java.util.List;
import java.util.Optional;

/**
 * Runs a notebook's code cells in order on a kernel started from its kernelspec, recording outputs, execution
 * counts and papermill's per-cell metadata, and stopping at the first error, timeout or kernel death.
 */
public final class NotebookExecutor {

    /** Papermill's tag for the cells it adds about an error; papermill-aware tools know to drop them. */
    public static final String ERROR_CELL_TAG = "papermill-error-cell-tag";
    public static final String ERROR_ANCHOR = "papermill-error-cell";
    private static final String ERROR_STYLE =
            "style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\"";

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int MISSED_HEARTBEATS_FOR_DEATH = 3;

    private final KernelSpec spec;
    private final ExecutionOptions options;
    private final OutputRecorder recorder = new OutputRecorder();

    public NotebookExecutor(KernelSpec spec, ExecutionOptions options) {
        this.spec = spec;
        this.options = options;
    }

    /** Removes the error cells an earlier run added; papermill does so even when only preparing. */
    public static void removeErrorCells(NotebookDocument notebook) {
        ArrayNode cells = notebook.cells();
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (NotebookDocument.hasTag(cells.get(i), ERROR_CELL_TAG)) cells.remove(i);
        }
    }

    /** Clears what an earlier run left (outputs, counts, error cells, papermill cell metadata). */
    public static void resetForRun(NotebookDocument notebook) {
        removeErrorCells(notebook);
        ArrayNode cells = notebook.cells();
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
    public RunOutcome execute(NotebookDocument notebook) throws KernelStartException {
        return execute(notebook, KernelClient.launch(spec, options.cwd()));
    }

    /** Runs the notebook on a kernel launched from this executor's spec, then shuts the kernel down. */
    public RunOutcome execute(NotebookDocument notebook, KernelClient session) throws KernelStartException {
        resetForRun(notebook);
        Instant runStart = Instant.now();
        ObjectNode papermill = Parameterizer.papermillMetadata(notebook);
        papermill.put("start_time", runStart.toString());
        papermill.putNull("end_time");
        papermill.putNull("duration");
        papermill.putNull("exception");

        ArrayNode cells = notebook.cells();
        int total = 0;
        for (JsonNode cell : cells) if (runsOnKernel(cell)) total++;

        RunOutcome outcome = new RunOutcome.Completed();
        saver = new Saver(notebook);
        try {
            session.awaitReady(options.startTimeout());
            recordKernel(notebook, session);
            saver.save();
            int ordinal = 0;
            for (int i = 0; i < cells.size(); i++) {
                ObjectNode cell = (ObjectNode) cells.get(i);
                if (options.stop().requested().isPresent()) {
                    outcome = stopped(i);
                    break;
                }
                if (!runsOnKernel(cell)) {
                    // papermill times every cell, markdown included, so each one ends up "completed".
                    Instant now = Instant.now();
                    start(cell, now);
                    finish(cell, now, false);
                    continue;
                }
                ordinal++;
                options.listener().cellStarted(ordinal, total, cell);
                outcome = runCell(session, cell, i);
                options.listener().cellFinished(ordinal, total, cell,
                        cell.path("metadata").path("papermill").path("duration").asDouble());
                if (!(outcome instanceof RunOutcome.Completed)) break;
            }
        } finally {
            boolean kill = switch (outcome) {
                case RunOutcome.KernelDied d -> true;
                case RunOutcome.TimedOut t -> t.kernelKilled();
                case RunOutcome.Stopped s -> true;
                case RunOutcome.Completed c -> false;
                case RunOutcome.Exited e -> false;
                case RunOutcome.CellFailed f -> false;
            };
            if (kill) session.kill();
            else session.close();
        }

        Instant runEnd = Instant.now();
        papermill.put("end_time", runEnd.toString());
        papermill.put("duration", seconds(runStart, runEnd));
        // As papermill: null unless a cell raised (sys.exit() included), never false.
        if (outcome instanceof RunOutcome.Completed) papermill.putNull("exception");
        else papermill.put("exception", true);
        switch (outcome) {
            case RunOutcome.Completed c -> { }
            case RunOutcome.Exited e -> { }
            case RunOutcome.CellFailed f -> addErrorCells(notebook, f.cellIndex(), outcome);
            case RunOutcome.TimedOut t -> addErrorCells(notebook, t.cellIndex(), outcome);
            case RunOutcome.KernelDied d -> addErrorCells(notebook, d.cellIndex(), outcome);
            case RunOutcome.Stopped s -> addErrorCells(notebook, s.cellIndex(), outcome);
        }
        options.listener().runFinished(outcome);
        return outcome;
    }

    /** Jupyter skips code cells with nothing to run, leaving their execution count empty. */
    private static boolean runsOnKernel(JsonNode cell) {
        return cell.path("cell_type").asText().equals("code") && !cell.path("source").asText().isBlank();
    }

    private static void start(ObjectNode cell, Instant now) {
        ObjectNode papermill = (ObjectNode) cell.path("metadata").path("papermill");
        papermill.put("status", "running");
        papermill.put("start_time", now.toString());
        papermill.put("exception", false);
    }

    private static void finish(ObjectNode cell, Instant end, boolean failed) {
        ObjectNode papermill = (ObjectNode) cell.path("metadata").path("papermill");
        papermill.put("end_time", end.toString());
        Instant start = Instant.parse(papermill.path("start_time").asText());
        papermill.put("duration", seconds(start, end));
        papermill.put("status", failed ? "failed" : "completed");
        papermill.put("exception", failed);
    }

    private RunOutcome stopped(int index) {
        StopSignal.Reason reason = options.stop().requested().orElseThrow();
        return new RunOutcome.Stopped(index, reason.description(), reason.exitCode());
    }

    /** Hands the notebook to the autosave's saver when a cell starts or ends and every so often in between. */
    private final class Saver {
        private final NotebookDocument notebook;
        private Duration every = options.autosave().every();
        private long lastSave = System.nanoTime();

        Saver(NotebookDocument notebook) {
            this.notebook = notebook;
        }

        void onCell() {
            if (options.autosave().onCellExecute()) save();
        }

        void maybe() {
            if (every.isZero() || System.nanoTime() - lastSave < every.toNanos()) return;
            long begin = System.nanoTime();
            save();
            // As papermill does: a save that takes over a quarter of the interval doubles the interval.
            if (System.nanoTime() - begin > every.toNanos() / 4) every = every.multipliedBy(2);
        }

        void save() {
            options.autosave().saver().save(notebook);
            lastSave = System.nanoTime();
        }
    }

    private Saver saver;

    private void recordKernel(NotebookDocument notebook, KernelClient session) {
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
        start(cell, Instant.now());
        recorder.startCell((ArrayNode) cell.get("outputs"));
        saver.onCell();

        String msgId = session.execute(cell.path("source").asText());

        RunOutcome outcome = new CellRun(session, cell, index, msgId).await();
        if (outcome instanceof RunOutcome.CellFailed f && options.stop().requested().isPresent()) {
            outcome = stopped(index); // the signal reached the kernel too and interrupted the cell
        }
        if (outcome instanceof RunOutcome.CellFailed f && f.ename().equals("SystemExit")
                && (f.evalue().isEmpty() || f.evalue().equals("0") || f.evalue().equals("None"))) {
            outcome = new RunOutcome.Exited(index);
        }
        finish(cell, Instant.now(), !(outcome instanceof RunOutcome.Completed));
        saver.onCell();
        return outcome;
    }

    /** Waits for one cell's reply and idle status, watching the clock and the kernel's health meanwhile. */
    private final class CellRun {
        private final KernelClient session;
        private final ObjectNode cell;
        private final int index;
        private final String msgId;
        private final long sent = System.nanoTime();
        private boolean acknowledged;
        private boolean replied;
        private boolean idle;
        private String replyStatus = "ok";
        private JsonNode replyContent = JsonNodeFactory.instance.objectNode();
        private long interruptedAt = -1;
        private long lastActivity = System.nanoTime();
        private int missedHeartbeats;

        CellRun(KernelClient session, ObjectNode cell, int index, String msgId) {
            this.session = session;
            this.cell = cell;
            this.index = index;
            this.msgId = msgId;
        }

        RunOutcome await() {
            // Elapsed times are compared, not deadlines: a limit near Long.MAX_VALUE nanoseconds must not overflow.
            Optional<Long> limit = options.executionTimeout().map(ExecutionOptions::nanos);
            while (!(replied && idle)) {
                if (options.stop().requested().isPresent()) return stopped(index);
                Optional<JupyterMessage> message = session.poll(POLL);
                if (message.isPresent()) {
                    lastActivity = System.nanoTime();
                    handle(message.get());
                    saver.maybe();
                    continue;
                }
                saver.maybe();
                long now = System.nanoTime();
                if (!session.isAlive()) return died(session.exitCode());
                if (!acknowledged && now - sent > options.acknowledgeTimeout().toNanos()) {
                    if (session.heartbeat(options.heartbeatInterval())) return unacknowledged();
                    acknowledged = true; // the heartbeat is gone too: the heartbeat check below decides
                }
                if (interruptedAt >= 0 && now - interruptedAt > options.interruptGrace().toNanos()) {
                    session.kill();
                    return timedOut(true);
                }
                if (interruptedAt < 0 && limit.isPresent() && now - sent > limit.get()) {
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
            acknowledged = true;
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

        private RunOutcome unacknowledged() {
            long seconds = options.acknowledgeTimeout().toSeconds();
            recorder.error("DeadKernelError", "the kernel did not acknowledge this cell's execute request within "
                    + (seconds > 0 ? seconds + " s" : options.acknowledgeTimeout().toMillis() + " ms")
                    + " although its heartbeat answers: its shell channel no longer serves requests");
            return new RunOutcome.KernelDied(index, -1);
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

    /**
     * papermill's markers, which papermill-aware tools look for: a banner on top linking to
     * {@code #papermill-error-cell}, an anchor cell with that id just above the failing cell, both tagged
     * {@code papermill-error-cell-tag} (and removed again before the next run).
     */
    private static void addErrorCells(NotebookDocument notebook, int failing, RunOutcome outcome) {
        ArrayNode cells = notebook.cells();
        JsonNode count = cells.get(failing).path("execution_count");
        String label = count.isInt() ? Integer.toString(count.asInt()) : "None";
        String anchorText = switch (outcome) {
            case RunOutcome.Stopped s -> "Execution using papermill was stopped here (" + escape(s.reason()) + "):";
            default -> "Execution using papermill encountered an exception here and stopped:";
        };
        String bannerText = switch (outcome) {
            case RunOutcome.Stopped s -> "The run was stopped (" + escape(s.reason()) + ") at '<a href=\"#"
                    + ERROR_ANCHOR + "\">In [" + label + "]</a>'; the cells after it did not run.";
            default -> "An Exception was encountered at '<a href=\"#" + ERROR_ANCHOR + "\">In [" + label + "]</a>'.";
        };
        ObjectNode anchor = notebook.newCell("markdown",
                "<span id=\"" + ERROR_ANCHOR + "\" " + ERROR_STYLE + ">" + anchorText + "</span>", List.of(ERROR_CELL_TAG));
        ObjectNode banner = notebook.newCell("markdown", "<span " + ERROR_STYLE + ">" + bannerText + "</span>",
                List.of(ERROR_CELL_TAG));
        cells.insert(failing, anchor);
        cells.insert(0, banner);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String formatSeconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
