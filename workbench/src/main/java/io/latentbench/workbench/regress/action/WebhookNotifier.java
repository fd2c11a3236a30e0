package io.latentbench.workbench.regress.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED,
                        "webhook URL '" + redact(url) + "' is not an http(s) URL");
            }
            // schemes are case-insensitive (RFC 3986 3.1); the HTTP client wants them in lower case
            uri = URI.create(scheme.toLowerCase(Locale.ROOT) + url.substring(scheme.length()));
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
        // One deadline for connecting, sending and the answer's status: the request's own timeout covers only
        // the wait for the headers, and a body trickled after them would hold the gate for as long as it lasts.
        // The body is not needed, so it is not read at all.
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        CompletableFuture<HttpResponse<InputStream>> answer =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> response = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            response.body().close();
            if (response.statusCode() / 100 != 2) {
                return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED,
                        "webhook " + redact(url) + " answered HTTP " + response.statusCode());
            }
            return new ActionOutcome("notify_team", ActionOutcome.Status.DONE, "posted to " + redact(url));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED,
                    "webhook " + redact(url) + " did not answer within " + timeout.toMillis() / 1000.0 + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED,
                    "webhook " + redact(url) + " unreachable: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        } catch (IOException e) {
            // closing the unread body; the status was already there
            return new ActionOutcome("notify_team", ActionOutcome.Status.DONE, "posted to " + redact(url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionOutcome("notify_team", ActionOutcome.Status.FAILED, "interrupted while posting");
        } finally {
            client.shutdownNow();
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
