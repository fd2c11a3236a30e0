package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.kernel.jupyter.KernelMain;
import io.latentbench.workbench.notebook.protocol.Channel;
import io.latentbench.workbench.notebook.protocol.ConnectionInfo;
import io.latentbench.workbench.notebook.protocol.JupyterMessage;
import io.latentbench.workbench.notebook.protocol.MessageCodec;
import io.latentbench.workbench.notebook.protocol.ProtocolException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The Java kernel as a real process on the wire, spoken to through ZeroMQ DEALER sockets as a hostile or
 * broken client would: messages that fail verification or parsing are dropped and every channel keeps
 * serving, a replayed message is dropped, and the kernel ends with the process that started it.
 */
class KernelWireTest {

    static final Duration REPLY = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    Process kernel;
    Process parent;
    ZContext zmq = new ZContext();

    @AfterEach
    void stop() {
        zmq.close();
        for (Process p : new Process[] {kernel, parent}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void dropsUnsignedAndUnparsableMessagesOnShellAndKeepsAnswering() throws Exception {
        ConnectionInfo info = start(Map.of());
        MessageCodec codec = new MessageCodec(info.key());
        try (ZMQ.Socket shell = dealer(info.shellPort())) {
            // the probe of the issue: a zero signature over four empty objects
            sendRaw(shell, "<IDS|MSG>", "0".repeat(64), "{}", "{}", "{}", "{}");
            sendRaw(shell, "<IDS|MSG>", "", "{}", "{}", "{}", "{}");
            // correctly signed, but the header is not JSON, and a header that is JSON but no header
            sendSigned(shell, info.key(), "not json", "{}", "{}", "{}");
            sendSigned(shell, info.key(), "{}", "{}", "{}", "{}");
            // too few frames, and no delimiter at all
            sendRaw(shell, "<IDS|MSG>", "0".repeat(64));
            sendRaw(shell, "hello");

            String id = send(shell, codec, "execute_request", execute("6 * 7"));
            JupyterMessage reply = awaitReply(shell, codec, Channel.SHELL, id);
            assertThat(reply.type()).isEqualTo("execute_reply");
            assertThat(reply.content().path("status").asText()).isEqualTo("ok");
        }
        assertThat(kernel.isAlive()).isTrue();
        assertThat(Files.readString(tmp.resolve("kernel.log")))
                .contains("dropped a message on shell: invalid HMAC signature")
                .contains("dropped a message on shell: unparsable message: JsonSyntaxException")
                .contains("dropped a message on shell: unparsable message: IllegalArgumentException: the header has no \"msg_id\"")
                .contains("frames without the <IDS|MSG> delimiter");
    }

    @Test
    void controlKeepsInterruptingAfterABadMessage() throws Exception {
        ConnectionInfo info = start(Map.of());
        MessageCodec codec = new MessageCodec(info.key());
        try (ZMQ.Socket shell = dealer(info.shellPort()); ZMQ.Socket control = dealer(info.controlPort())) {
            String warm = send(shell, codec, "execute_request", execute("1"));
            awaitReply(shell, codec, Channel.SHELL, warm);

            sendRaw(control, "<IDS|MSG>", "0".repeat(64), "{}", "{}", "{}", "{}");
            sendSigned(control, info.key(), "[", "{}", "{}", "{}");

            String loop = send(shell, codec, "execute_request", execute("while (true) { }"));
            // an interrupt that arrives before the cell runs has nothing to stop: repeat it until the loop ends
            long deadline = System.nanoTime() + REPLY.toNanos();
            Optional<JupyterMessage> stopped = Optional.empty();
            while (stopped.isEmpty() && System.nanoTime() < deadline) {
                String interrupt = send(control, codec, "interrupt_request", JSON.createObjectNode());
                assertThat(awaitReply(control, codec, Channel.CONTROL, interrupt).type()).isEqualTo("interrupt_reply");
                stopped = receiveReply(shell, codec, loop, System.nanoTime() + Duration.ofSeconds(2).toNanos());
            }
            assertThat(stopped).as("the busy cell ended after interrupts").isPresent();
            assertThat(stopped.get().content().path("status").asText()).isEqualTo("error");
        }
    }

    @Test
    void dropsAReplayedMessage() throws Exception {
        ConnectionInfo info = start(Map.of());
        MessageCodec codec = new MessageCodec(info.key());
        try (ZMQ.Socket shell = dealer(info.shellPort())) {
            List<byte[]> frames = codec.encode(codec.newHeader("execute_request"), execute("int replayed = 1"));
            String id = JSON.readTree(frames.get(2)).path("msg_id").asText();
            sendFrames(shell, frames);
            sendFrames(shell, frames);
            // the shell answers in order: once this is answered, both copies have been read
            String after = send(shell, codec, "execute_request", execute("2"));

            int repliesToReplayed = 0;
            long deadline = System.nanoTime() + REPLY.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<JupyterMessage> m = receive(shell, codec, Channel.SHELL, deadline);
                if (m.isEmpty()) {
                    break;
                }
                if (m.get().parentId().equals(id)) {
                    repliesToReplayed++;
                } else if (m.get().parentId().equals(after)) {
                    break;
                }
            }
            assertThat(repliesToReplayed).as("replies to a message sent twice with the same signature").isEqualTo(1);
            assertThat(Files.readString(tmp.resolve("kernel.log"))).contains("dropped a message on shell: replayed signature");
        }
    }

    @Test
    void exitsWhenItsParentDiesAndRemovesItsRuntimeDirectory() throws Exception {
        parent = new ProcessBuilder("sleep", "600").start();
        ConnectionInfo info = start(Map.of("JPY_PARENT_PID", Long.toString(parent.pid())));
        MessageCodec codec = new MessageCodec(info.key());
        try (ZMQ.Socket shell = dealer(info.shellPort())) {
            String id = send(shell, codec, "kernel_info_request", JSON.createObjectNode());
            awaitReply(shell, codec, Channel.SHELL, id);
        }
        Path runtimeDir = connectionFile.getParent();
        assertThat(runtimeDir).exists();

        parent.destroyForcibly(); // SIGKILL, as a killed lb run
        parent.waitFor();
        assertThat(kernel.waitFor(30, TimeUnit.SECONDS)).as("the kernel ended after its parent was killed").isTrue();
        assertThat(runtimeDir).doesNotExist();
    }

    @Test
    void exitsAtOnceWhenItsParentIsAlreadyGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        start(Map.of("JPY_PARENT_PID", Long.toString(gone.pid())));
        assertThat(kernel.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    // ------------------------------------------------------------------ the kernel process

    Path connectionFile;

    ConnectionInfo start(Map<String, String> env) throws IOException {
        ConnectionInfo info = ConnectionInfo.allocate();
        Path runtimeDir = Files.createDirectory(tmp.resolve("lb-kernel-test"));
        connectionFile = runtimeDir.resolve("kernel.json");
        Files.writeString(connectionFile, JSON.writeValueAsString(info.toJson("latentbench")));
        Path java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), KernelMain.class.getName(), connectionFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("kernel.log").toFile());
        pb.environment().remove("JPY_PARENT_PID");
        pb.environment().putAll(env);
        kernel = pb.start();
        return info;
    }

    ZMQ.Socket dealer(int port) {
        ZMQ.Socket socket = zmq.createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.connect("tcp://127.0.0.1:" + port);
        return socket;
    }

    static ObjectNode execute(String code) {
        ObjectNode content = JSON.createObjectNode();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", true);
        content.putObject("user_expressions");
        content.put("allow_stdin", false);
        content.put("stop_on_error", true);
        return content;
    }

    static String send(ZMQ.Socket socket, MessageCodec codec, String type, JsonNode content) throws IOException {
        List<byte[]> frames = codec.encode(codec.newHeader(type), content);
        sendFrames(socket, frames);
        return JSON.readTree(frames.get(2)).path("msg_id").asText();
    }

    static void sendRaw(ZMQ.Socket socket, String... frames) {
        List<byte[]> bytes = new ArrayList<>();
        for (String f : frames) {
            bytes.add(f.getBytes(StandardCharsets.UTF_8));
        }
        sendFrames(socket, bytes);
    }

    static void sendSigned(ZMQ.Socket socket, String key, String header, String parent, String metadata, String content)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (String part : List.of(header, parent, metadata, content)) {
            mac.update(part.getBytes(StandardCharsets.UTF_8));
        }
        sendRaw(socket, "<IDS|MSG>", HexFormat.of().formatHex(mac.doFinal()), header, parent, metadata, content);
    }

    static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (i < frames.size() - 1) {
                socket.sendMore(frames.get(i));
            } else {
                socket.send(frames.get(i));
            }
        }
    }

    static JupyterMessage awaitReply(ZMQ.Socket socket, MessageCodec codec, Channel channel, String id)
            throws ProtocolException {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (true) {
            Optional<JupyterMessage> m = receive(socket, codec, channel, deadline);
            assertThat(m).as("a reply to %s on %s within %s", id, channel, REPLY).isPresent();
            if (m.get().parentId().equals(id) && m.get().type().endsWith("_reply")) {
                return m.get();
            }
        }
    }

    /** The reply to {@code id} on the shell if it comes before {@code deadline}; other messages are skipped. */
    static Optional<JupyterMessage> receiveReply(ZMQ.Socket socket, MessageCodec codec, String id, long deadline)
            throws ProtocolException {
        while (System.nanoTime() < deadline) {
            Optional<JupyterMessage> m = receive(socket, codec, Channel.SHELL, deadline);
            if (m.isEmpty()) {
                return m;
            }
            if (m.get().parentId().equals(id) && m.get().type().endsWith("_reply")) {
                return m;
            }
        }
        return Optional.empty();
    }

    static Optional<JupyterMessage> receive(ZMQ.Socket socket, MessageCodec codec, Channel channel, long deadline)
            throws ProtocolException {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        socket.setReceiveTimeOut((int) Math.min(left, Integer.MAX_VALUE));
        byte[] first = socket.recv();
        if (first == null) {
            return Optional.empty();
        }
        List<byte[]> frames = new ArrayList<>(List.of(first));
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return Optional.of(codec.decode(channel, frames));
    }
}
