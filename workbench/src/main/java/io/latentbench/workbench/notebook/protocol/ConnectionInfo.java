package io.latentbench.workbench.notebook.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The content of a Jupyter connection file: where the five channels listen and how messages are signed. */
public record ConnectionInfo(
        String ip, int shellPort, int iopubPort, int stdinPort, int controlPort, int hbPort, String key) {

    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Picks five free loopback ports and a fresh signing key. The ports are released before the kernel binds
     * them, as jupyter_client does; a port taken in between makes the kernel fail to start, which the start
     * timeout reports.
     */
    public static ConnectionInfo allocate() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getByName(LOOPBACK);
            int[] ports = new int[5];
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket(0, 1, loopback);
                held.add(socket); // held until all five are chosen, so no port is picked twice
                ports[i] = socket.getLocalPort();
            }
            return new ConnectionInfo(LOOPBACK, ports[0], ports[1], ports[2], ports[3], ports[4],
                    UUID.randomUUID().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not find free loopback ports for the kernel", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we own cannot fail in a way that matters here
                }
            }
        }
    }

    public String endpoint(int port) {
        return "tcp://" + ip + ":" + port;
    }

    /** The connection file as Jupyter writes it. */
    public ObjectNode toJson(String kernelName) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("shell_port", shellPort);
        node.put("iopub_port", iopubPort);
        node.put("stdin_port", stdinPort);
        node.put("control_port", controlPort);
        node.put("hb_port", hbPort);
        node.put("ip", ip);
        node.put("key", key);
        node.put("transport", "tcp");
        node.put("signature_scheme", "hmac-sha256");
        node.put("kernel_name", kernelName);
        return node;
    }
}
