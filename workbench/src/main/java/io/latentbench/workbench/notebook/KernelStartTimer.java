package io.latentbench.workbench.notebook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentbench.workbench.notebook.protocol.Channel;
import io.latentbench.workbench.notebook.protocol.JupyterMessage;
import io.latentbench.workbench.notebook.protocol.KernelClient;
import io.latentbench.workbench.notebook.protocol.KernelSpec;
import io.latentbench.workbench.notebook.protocol.KernelStartException;

/**
 * How long a kernel takes to start as {@code lb run} starts it ({@link KernelClient}): ready is from
 * the launch of its process until it answers kernel_info (and publishes on iopub); the first cell is
 * from the execute_request of a small cell, sent right after, until its execute_reply.
 */
public final class KernelStartTimer {

    private static final Duration POLL = Duration.ofMillis(20);

    private final KernelSpec spec;
    private final Path cwd;
    private final Duration timeout;

    /**
     * @param timeout how long the kernel may take to start, and then its first cell to run
     */
    public KernelStartTimer(KernelSpec spec, Path cwd, Duration timeout) {
        this.spec = spec;
        this.cwd = cwd;
        this.timeout = timeout;
    }

    /** One start's figures, and what the first cell showed (its result, else its printed output). */
    public record Start(Duration ready, Duration firstCell, String shown) {
    }

    /** The median, the least and the greatest of some durations. */
    public record Spread(Duration median, Duration min, Duration max) {

        /** @throws IllegalArgumentException when there are none */
        public static Spread of(List<Duration> durations) {
            if (durations.isEmpty()) {
                throw new IllegalArgumentException("no durations to summarize");
            }
            List<Duration> sorted = durations.stream().sorted().toList();
            int n = sorted.size();
            Duration median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
            return new Spread(median, sorted.get(0), sorted.get(n - 1));
        }
    }

    /** The first cell ended in an error (or without an answer): its start's figures would mean nothing. */
    public static final class CellFailedException extends Exception {
        public CellFailedException(String message) {
            super(message);
        }
    }

    /** Starts the kernel, times its start and a first cell of {@code code}, and shuts it down. */
    public Start measure(String code) throws KernelStartException, CellFailedException {
        try (KernelClient client = KernelClient.launch(spec, cwd)) {
            client.awaitReady(timeout);
            Duration ready = client.startedIn().orElseThrow();
            return firstCell(client, code, ready);
        }
    }

    private Start firstCell(KernelClient client, String code, Duration ready) throws CellFailedException {
        long sent = System.nanoTime();
        String id = client.execute(code);
        Duration firstCell = null;
        JsonNode reply = null;
        boolean idle = false;
        String result = null;
        StringBuilder printed = new StringBuilder();
        // the reply times the cell; its outputs (on iopub, up to the idle status) say what it showed
        while (reply == null || !idle) {
            if (System.nanoTime() - sent > timeout.toNanos()) {
                throw new CellFailedException("the first cell got no " + (reply == null ? "execute_reply" : "idle status")
                        + " within " + timeout.toSeconds() + " s");
            }
            if (!client.isAlive()) {
                throw new CellFailedException("kernel '" + spec.name() + "' exited with code " + client.exitCode()
                        + " during the first cell; its last output:\n" + client.logTail(20));
            }
            Optional<JupyterMessage> polled = client.poll(POLL);
            if (polled.isEmpty() || !id.equals(polled.get().parentId())) {
                continue;
            }
            JupyterMessage m = polled.get();
            JsonNode content = m.content();
            if (m.channel() == Channel.SHELL && m.type().equals("execute_reply")) {
                firstCell = Duration.ofNanos(System.nanoTime() - sent);
                reply = content;
            } else if (m.channel() == Channel.IOPUB) {
                switch (m.type()) {
                    case "execute_result" -> result = content.path("data").path("text/plain").asText("");
                    case "stream" -> printed.append(content.path("text").asText(""));
                    case "status" -> idle = idle || content.path("execution_state").asText("").equals("idle");
                    default -> { }
                }
            }
        }
        if (!reply.path("status").asText("").equals("ok")) {
            throw new CellFailedException("the first cell " + quoted(code) + " failed: " + reply.path("ename").asText("?")
                    + ": " + reply.path("evalue").asText(""));
        }
        return new Start(ready, firstCell, result != null ? result : printed.toString().strip());
    }

    /** Runs {@code starts} starts one after the other; each kernel is shut down before the next starts. */
    public List<Start> measure(String code, int starts, Consumer<Start> each)
            throws KernelStartException, CellFailedException {
        if (starts < 1) {
            throw new IllegalArgumentException("the number of starts must be at least 1, not " + starts);
        }
        List<Start> out = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            Start s = measure(code);
            out.add(s);
            each.accept(s);
        }
        return out;
    }

    public static Spread readySpread(List<Start> starts) {
        return Spread.of(starts.stream().map(Start::ready).toList());
    }

    public static Spread firstCellSpread(List<Start> starts) {
        return Spread.of(starts.stream().map(Start::firstCell).toList());
    }

    private static String quoted(String code) {
        String line = code.strip().lines().findFirst().orElse("");
        return "`" + (line.length() > 60 ? line.substring(0, 57) + "..." : line) + "`";
    }
}
