package io.latentbench.workbench.regress.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.latentbench.workbench.regress.Comparer;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.Measurement;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.config.ActionsConfig;
import io.latentbench.workbench.regress.config.RegressionConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionActionsTest {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    private String serve(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/secret", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/secret";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Measurement m(String key, double... forkMeans) {
        return new Measurement(MeasurementId.primary(key), "latency", key.substring(key.indexOf('.') + 1), new TreeMap<>(),
                "us/op", forkMeans[0], java.util.Arrays.stream(forkMeans).boxed().toList());
    }

    private static ComparisonReport regressionReport() {
        MeasurementSet base = MeasurementSet.of("base.json", "tb", "c0", "t0", List.of(
                m("latency.knn", 100, 101, 99, 100, 100.5), m("latency.createSpace", 10, 10.1, 9.9, 10, 10)));
        MeasurementSet cur = MeasurementSet.of("cur.json", "tb", "c1", "t1", List.of(
                m("latency.knn", 130, 131, 129, 130, 130.5), m("latency.createSpace", 10, 10.1, 9.9, 10, 10)));
        return new Comparer(RegressionConfig.defaults()).compare(base, cur);
    }

    private static ActionsConfig actions(boolean failCi, String webhook) {
        return new ActionsConfig(failCi, true, true, Optional.ofNullable(webhook), Optional.of("team@example.com"));
    }

    @Test
    void postsASlackMessageAndWritesTheIssueBody(@TempDir Path dir) throws Exception {
        String url = serve(200);
        ComparisonReport report = regressionReport();
        Path issue = dir.resolve("out/issue.md");

        List<ActionOutcome> outcomes = new RegressionActions(actions(true, url), new WebhookNotifier(Duration.ofSeconds(5)))
                .run(report, issue);

        assertThat(outcomes).extracting(ActionOutcome::action).containsExactly("create_issue", "notify_team", "email");
        assertThat(outcomes.get(0).status()).isEqualTo(ActionOutcome.Status.DONE);
        assertThat(outcomes.get(1).status()).isEqualTo(ActionOutcome.Status.DONE);
        assertThat(outcomes.get(1).detail()).doesNotContain("secret"); // the webhook path is its credential
        assertThat(bodies).hasSize(1);
        String text = new ObjectMapper().readTree(bodies.getFirst()).get("text").asText();
        assertThat(text).contains("regression").contains("latency.knn").contains("+30.0%").doesNotContain("createSpace:");
        assertThat(contentTypes.getFirst()).startsWith("application/json");
        assertThat(Files.readString(issue)).contains("latency.knn").contains("Regression");
    }

    @Test
    void aFailedNotificationIsReportedNotFatal(@TempDir Path dir) throws Exception {
        String url = serve(500);
        ComparisonReport report = regressionReport();
        RegressionActions a = new RegressionActions(actions(true, url), new WebhookNotifier(Duration.ofSeconds(5)));

        List<ActionOutcome> outcomes = a.run(report, dir.resolve("issue.md"));

        ActionOutcome notify = outcomes.stream().filter(o -> o.action().equals("notify_team")).findFirst().orElseThrow();
        assertThat(notify.status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(notify.detail()).contains("HTTP 500");
        assertThat(a.exitCode(report)).isEqualTo(1); // the verdict stands
    }

    @Test
    void anUnreachableWebhookIsReportedNotFatal(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        RegressionActions a = new RegressionActions(actions(true, "http://127.0.0.1:" + closedPort + "/x"),
                new WebhookNotifier(Duration.ofSeconds(2)));
        List<ActionOutcome> outcomes = a.run(regressionReport(), dir.resolve("issue.md"));

        assertThat(outcomes).filteredOn(o -> o.action().equals("notify_team"))
                .singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(ActionOutcome.Status.FAILED);
                    assertThat(o.detail()).contains("unreachable");
                });
        assertThat(new RegressionActions(actions(true, "ftp://x"), new WebhookNotifier(Duration.ofSeconds(1)))
                .run(regressionReport(), dir.resolve("i.md")))
                .anySatisfy(o -> assertThat(o.detail()).contains("not an http(s) URL"));
    }

    @Test
    void nothingHappensWithoutARegressionOrWithoutAWebhook(@TempDir Path dir) throws Exception {
        String url = serve(200);
        MeasurementSet same = MeasurementSet.of("a", "tb", "c", "t", List.of(m("latency.knn", 100, 101, 99, 100, 100)));
        ComparisonReport calm = new Comparer(RegressionConfig.defaults()).compare(same, same);
        RegressionActions withHook = new RegressionActions(actions(true, url), new WebhookNotifier(Duration.ofSeconds(5)));

        assertThat(withHook.run(calm, dir.resolve("issue.md"))).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(ActionOutcome.Status.SKIPPED));
        assertThat(bodies).isEmpty();
        assertThat(Files.exists(dir.resolve("issue.md"))).isFalse();

        List<ActionOutcome> noHook = new RegressionActions(actions(true, null), new WebhookNotifier(Duration.ofSeconds(5)))
                .run(regressionReport(), dir.resolve("issue.md"));
        assertThat(noHook).filteredOn(o -> o.action().equals("notify_team")).singleElement()
                .satisfies(o -> assertThat(o.detail()).contains("no slack_webhook"));
    }

    @Test
    void failCiFalseTurnsTheRegressionExitIntoZero() {
        ComparisonReport report = regressionReport();
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(new RegressionActions(actions(false, null), new WebhookNotifier(Duration.ofSeconds(1))).exitCode(report))
                .isZero();
    }
}
