package io.latentbench.workbench.notebook.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A client connected to a kernel it started: the shell, control and stdin DEALER sockets, the iopub SUB socket
 * and the heartbeat REQ socket. Not thread-safe: ZMQ sockets belong to the thread that uses them.
 */
public final class KernelClient implements AutoCloseable {

    private static final Channel[] POLLED = {Channel.IOPUB, Channel.SHELL, Channel.STDIN, Channel.CONTROL};

    private final KernelSpec spec;
    private final KernelProcess process;
    private final ConnectionInfo connection;
    private final MessageCodec codec;
    private final ZContext context = new ZContext();
    private final Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
    private final ZMQ.Poller poller;
    private final ArrayDeque<JupyterMessage> inbox = new ArrayDeque<>();
    private ZMQ.Socket heartbeat;
    private ObjectNode kernelInfo = JsonNodeFactory.instance.objectNode();
    private final long launchedAt;
    private long answeredAt;
    private boolean ready;
    private boolean closed;

    private KernelClient(KernelSpec spec, KernelProcess process, ConnectionInfo connection, long launchedAt) {
        this.spec = spec;
        this.launchedAt = launchedAt;
        this.process = process;
        this.connection = connection;
        this.codec = new MessageCodec(connection.key());
        // shell and stdin share one identity, so the kernel can route input requests to the client that asked
        byte[] identity = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        sockets.put(Channel.SHELL, connect(SocketType.DEALER, connection.shellPort(), identity));
        sockets.put(Channel.CONTROL, connect(SocketType.DEALER, connection.controlPort(), null));
        sockets.put(Channel.STDIN, connect(SocketType.DEALER, connection.stdinPort(), identity));
        ZMQ.Socket iopub = connect(SocketType.SUB, connection.iopubPort(), null);
        iopub.subscribe(new byte[0]);
        sockets.put(Channel.IOPUB, iopub);
        heartbeat = connect(SocketType.REQ, connection.hbPort(), null);
        poller = context.createPoller(POLLED.length);
        for (Channel channel : POLLED) poller.register(sockets.get(channel), ZMQ.Poller.POLLIN);
    }

    private ZMQ.Socket connect(SocketType type, int port, byte[] identity) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        if (identity != null) socket.setIdentity(identity);
        socket.connect(connection.endpoint(port));
        return socket;
    }

    /**
     * Starts the kernel and waits until it answers {@code kernel_info_request} on shell and publishes on iopub
     * (the latter proves our subscription is live, so no output of the first cell is lost).
     */
    public static KernelClient start(KernelSpec spec, Path cwd, Duration startTimeout) throws KernelStartException {
        KernelClient session = launch(spec, cwd);
        session.awaitReady(startTimeout);
        return session;
    }

    /**
     * Starts the kernel process and connects, without waiting for it: a caller with other work to do lets the
     * kernel boot meanwhile, then calls {@link #awaitReady}.
     */
    public static KernelClient launch(KernelSpec spec, Path cwd) throws KernelStartException {
        ConnectionInfo connection = ConnectionInfo.allocate();
        long launchedAt = System.nanoTime();
        try {
            return new KernelClient(spec, KernelProcess.launch(spec, connection, cwd), connection, launchedAt);
        } catch (IOException e) {
            throw new KernelStartException(e.getMessage(), e);
        }
    }

    /** Waits for the kernel to answer; on failure the kernel is killed. Does nothing once it has answered. */
    public void awaitReady(Duration startTimeout) throws KernelStartException {
        if (ready) return;
        try {
            waitForKernelInfo(startTimeout);
            ready = true;
        } catch (KernelStartException | RuntimeException e) {
            kill();
            throw e;
        }
    }

    private void waitForKernelInfo(Duration startTimeout) throws KernelStartException {
        // The clock runs from the launch, so time spent on other work while the kernel booted counts.
        // Elapsed time is compared, not a deadline: a limit near Long.MAX_VALUE nanoseconds must not overflow.
        long limit = startTimeout.compareTo(Duration.ofDays(100_000)) > 0 ? Long.MAX_VALUE : startTimeout.toNanos();
        Set<String> requests = new HashSet<>();
        boolean replied = false;
        boolean published = false;
        long nextRequest = 0;
        while (!(replied && published)) {
            long now = System.nanoTime();
            if (now - launchedAt > limit) {
                throw new KernelStartException("kernel '" + spec.name() + "' did not answer within "
                        + startTimeout.toSeconds() + " s (--start-timeout)" + logSuffix());
            }
            if (!process.isAlive()) {
                throw new KernelStartException("kernel '" + spec.name() + "' exited with code "
                        + process.exitCode() + " while starting" + logSuffix());
            }
            if (now >= nextRequest) {
                requests.add(send(Channel.SHELL, "kernel_info_request", JsonNodeFactory.instance.objectNode()));
                // Early requests wait in the DEALER queue until the kernel binds, but the iopub status they cause
                // is lost until our subscription has joined, so keep asking often while waiting.
                nextRequest = now + Duration.ofMillis(replied ? 50 : 200).toNanos();
            }
            Optional<JupyterMessage> message = poll(Duration.ofMillis(50));
            if (message.isEmpty() || !requests.contains(message.get().parentId())) continue;
            JupyterMessage m = message.get();
            if (m.channel() == Channel.SHELL && m.type().equals("kernel_info_reply")) {
                replied = true;
                if (m.content() instanceof ObjectNode info) kernelInfo = info;
            } else if (m.channel() == Channel.IOPUB) {
                published = true;
            }
        }
        answeredAt = System.nanoTime();
        // Let the idle status of the remaining kernel_info requests drain, so they never reach a cell.
        long settle = System.nanoTime() + Duration.ofMillis(20).toNanos();
        while (System.nanoTime() < settle) poll(Duration.ofMillis(5));
    }

    private String logSuffix() {
        String tail = process.logTail(20);
        return tail.isBlank() ? "" : "; its last output:\n" + tail;
    }

    /**
     * How long the kernel took from its launch until it answered kernel_info on shell and published on iopub:
     * its start as a client sees it. Empty until {@link #awaitReady} has returned.
     */
    public Optional<Duration> startedIn() {
        return ready ? Optional.of(Duration.ofNanos(answeredAt - launchedAt)) : Optional.empty();
    }

    /** The content of the kernel's kernel_info_reply (language_info and friends). */
    public ObjectNode kernelInfo() {
        return kernelInfo;
    }

    /** Sends a request and returns its msg_id. */
    public String send(Channel channel, String msgType, JsonNode content) {
        ObjectNode header = codec.newHeader(msgType);
        List<byte[]> frames = codec.encode(header, content);
        ZMQ.Socket socket = sockets.get(channel);
        for (int i = 0; i < frames.size() - 1; i++) socket.sendMore(frames.get(i));
        socket.send(frames.get(frames.size() - 1));
        return header.path("msg_id").asText();
    }

    /**
     * Sends an execute_request for {@code code} as a notebook runs a cell (not silent, stored in the
     * history, no stdin, stopping the queue on an error) and returns its msg_id.
     */
    public String execute(String code) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("code", code);
        request.put("silent", false);
        request.put("store_history", true);
        request.putObject("user_expressions");
        request.put("allow_stdin", false);
        request.put("stop_on_error", true);
        return send(Channel.SHELL, "execute_request", request);
    }

    /** The next message from iopub, shell, stdin or control, waiting at most {@code timeout}. */
    public Optional<JupyterMessage> poll(Duration timeout) {
        if (inbox.isEmpty() && poller.poll(Math.max(0, timeout.toMillis())) > 0) {
            for (int i = 0; i < POLLED.length; i++) {
                if (poller.pollin(i)) drain(POLLED[i]);
            }
        }
        return Optional.ofNullable(inbox.poll());
    }

    private void drain(Channel channel) {
        ZMQ.Socket socket = sockets.get(channel);
        byte[] first;
        while ((first = socket.recv(ZMQ.DONTWAIT)) != null) {
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            while (socket.hasReceiveMore()) frames.add(socket.recv(0));
            try {
                inbox.add(codec.decode(channel, frames));
            } catch (ProtocolException e) {
                // A foreign or corrupt message is not ours to act on; the executor's timeouts cover a kernel
                // that only ever sends such messages.
                System.err.println("lb: ignored a message from the kernel: " + e.getMessage());
            }
        }
    }

    /** True when the kernel echoes a heartbeat within {@code timeout}. */
    public boolean heartbeat(Duration timeout) {
        heartbeat.send("ping".getBytes(StandardCharsets.US_ASCII));
        ZMQ.Poller hbPoller = context.createPoller(1);
        try {
            hbPoller.register(heartbeat, ZMQ.Poller.POLLIN);
            if (hbPoller.poll(timeout.toMillis()) > 0 && heartbeat.recv(ZMQ.DONTWAIT) != null) {
                while (heartbeat.hasReceiveMore()) heartbeat.recv(0);
                return true;
            }
        } finally {
            hbPoller.close();
        }
        // A REQ socket without its reply cannot send again; start over with a fresh one.
        context.destroySocket(heartbeat);
        heartbeat = connect(SocketType.REQ, connection.hbPort(), null);
        return false;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitCode();
    }

    public String logTail(int maxLines) {
        return process.logTail(maxLines);
    }

    /** Asks the running cell to stop, the way the kernelspec says this kernel wants to be interrupted. */
    public void interrupt() {
        if (spec.interruptsByMessage()) {
            send(Channel.CONTROL, "interrupt_request", JsonNodeFactory.instance.objectNode());
        } else {
            process.sendInterruptSignal();
        }
    }

    /** Kills the kernel without asking. */
    public void kill() {
        if (closed) return;
        closed = true;
        process.cleanUp();
        context.close();
    }

    /** Asks the kernel to shut down, waits briefly, then kills it if it is still there. */
    @Override
    public void close() {
        if (closed) return;
        if (process.isAlive()) {
            ObjectNode content = JsonNodeFactory.instance.objectNode().put("restart", false);
            send(Channel.CONTROL, "shutdown_request", content);
            process.waitForExit(3000);
        }
        kill();
    }
}
