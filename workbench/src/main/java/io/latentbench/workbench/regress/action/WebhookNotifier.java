package io.latentbench.workbench.regress.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a Slack-compatible message ({@code {"text": "..."}}) to an incoming webhook. Any
 * failure (bad URL, refused connection, timeout, non-2xx answer) becomes a FAILED outcome.
 */
public final class WebhookNotifier {

    private final Duration timeout;

    public WebhookNotifier(Duration timeout) {
        this.timeout = timeout;
    }

    public ActionOutcome post(String url, String text) {
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED,
                        "webhook URL '" + redact(url) + "' is not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED,
                    "webhook URL '" + redact(url) + "' is malformed: " + e.getMessage());
        }
        ObjectNode payload = new ObjectMapper().createObjectNode().put("text", text);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString()))
                .build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED,
                        "webhook " + redact(url) + " answered HTTP " + response.statusCode());
            }
            return new ActionOutcome("notify_team", ActionOutcome.Status.DONE, "posted to " + redact(url));
        } catch (IOException e) {
            return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED,
                    "webhook " + redact(url) + " unreachable: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED, "interrupted while posting");
        }
    }

    /** Webhook URLs carry their secret in the path: print only scheme, host and port. */
    static String redact(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                return "<invalid>";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/...";
        } catch (IllegalArgumentException e) {
            return "<invalid>";
        }
    }
}
