package io.latentbench.workbench.regress.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook against a loopback server that answers as slowly as it likes: one deadline covers the whole
 * request, so a trickled answer cannot hold the gate; and the URL's scheme is case-insensitive.
 */
class WebhookDeadlineTest {

    private ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();

    /** Accepts connections; each gets its status line and headers at once, then the body one byte a second. */
    private String trickling(int bodyBytes) throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> trickle(s, bodyBytes));
                } catch (IOException e) {
                    return;
                }
            }
        }, "trickling-webhook");
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/hooks/secret";
    }

    private void trickle(Socket s, int bodyBytes) {
        try (s) {
            InputStream in = s.getInputStream();
            readRequest(in);
            requests.incrementAndGet();
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + bodyBytes + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < bodyBytes; i++) {
                Thread.sleep(1000);
                out.write('o');
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up: what the deadline is for
        }
    }

    /** Reads the request line, headers and a Content-Length body. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTrickledAnswerDoesNotHoldThePost() throws Exception {
        String url = trickling(120); // two minutes of body
        WebhookNotifier notifier = new WebhookNotifier(Duration.ofSeconds(2));
        CompletableFuture<ActionOutcome> post = CompletableFuture.supplyAsync(() -> notifier.post(url, "hello"));
        ActionOutcome outcome = post.get(30, TimeUnit.SECONDS);
        assertThat(requests.get()).isEqualTo(1);
        assertThat(outcome.status()).as(outcome.detail()).isEqualTo(ActionOutcome.Status.DONE);
        assertThat(outcome.detail()).doesNotContain("secret");
    }

    @Test
    void anUpperCaseSchemeIsAnHttpUrl() throws Exception {
        String url = trickling(0);
        ActionOutcome outcome = new WebhookNotifier(Duration.ofSeconds(5)).post(url.replace("http://", "HTTP://"), "hi");
        assertThat(outcome.status()).as(outcome.detail()).isEqualTo(ActionOutcome.Status.DONE);
        assertThat(new WebhookNotifier(Duration.ofSeconds(5)).post("Ftp://x/y", "hi").detail())
                .contains("not an http(s) URL");
    }

    @Test
    void slackTextCannotOpenLinksOrMentions() {
        assertThat(SlackText.escape("a<!channel>&<http://x|y>\nb")).isEqualTo("a&lt;!channel&gt;&amp;&lt;http://x|y&gt;\\nb");
    }
}
