package io.latentbench.workbench.regress.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.regress.ThresholdEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String PLAN = """
            [thresholds]
            default = 10.0

            [thresholds.latency]
            knn_search = 5.0
            add_embedding = 8.0
            attention = 12.0

            [thresholds.throughput]
            batch_operations = 15.0
            parallel_search = 10.0

            [thresholds.memory]
            peak_usage = 20.0
            allocation_count = 25.0

            [regression_actions]
            fail_ci = true
            create_issue = true
            notify_team = true

            [regression_actions.notifications]
            slack_webhook = "${SLACK_WEBHOOK_URL}"
            email = "dev-team@example.com"

            [baseline_management]
            auto_update_main = true
            require_approval = false
            keep_history = true
            max_history_count = 50
            """;

    private static ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(new EnvExpander(env::get));
    }

    @Test
    void readsThePlansFile() {
        RegressionConfig c = loader(Map.of("SLACK_WEBHOOK_URL", "https://hooks.example.com/T/B/x"))
                .parse(PLAN, "regression_config.toml");

        assertThat(c.thresholdPercent(ThresholdEntry.KNN_SEARCH)).isEqualTo(5.0);
        assertThat(c.thresholdPercent(ThresholdEntry.ADD_EMBEDDING)).isEqualTo(8.0);
        assertThat(c.thresholdPercent(ThresholdEntry.ATTENTION)).isEqualTo(12.0);
        assertThat(c.thresholdPercent(ThresholdEntry.BATCH_OPERATIONS)).isEqualTo(15.0);
        assertThat(c.thresholdPercent(ThresholdEntry.PARALLEL_SEARCH)).isEqualTo(10.0);
        assertThat(c.thresholdPercent(ThresholdEntry.PEAK_USAGE)).isEqualTo(20.0);
        assertThat(c.thresholdPercent(ThresholdEntry.ALLOCATION_COUNT)).isEqualTo(25.0);
        assertThat(c.actions().slackWebhook()).contains("https://hooks.example.com/T/B/x");
        assertThat(c.actions().email()).contains("dev-team@example.com");
        assertThat(c.actions().failCi()).isTrue();
        assertThat(c.baselineManagement()).isEqualTo(new BaselineManagement(true, false, true, 50));
    }

    @Test
    void theCommittedConfigIsValid() {
        Path committed = Path.of("..", "baselines", "regression_config.toml");
        RegressionConfig c = loader(Map.of()).read(committed);
        assertThat(c.thresholdPercent(ThresholdEntry.KNN_SEARCH)).isEqualTo(5.0);
        assertThat(c.actions().slackWebhook()).isEmpty(); // the secret is not set here
        assertThat(c.statistics().alpha()).isEqualTo(0.05);
        assertThat(c.statistics().maxForkCv()).isEqualTo(10.0);
    }

    @Test
    void anUnsetVariableLeavesTheWebhookUnconfigured() {
        RegressionConfig c = loader(Map.of()).parse(PLAN, "cfg");
        assertThat(c.actions().slackWebhook()).isEmpty();
    }

    @Test
    void fallbacksExpand() {
        RegressionConfig c = loader(Map.of()).parse("""
                [regression_actions.notifications]
                slack_webhook = "${HOOK:-http://127.0.0.1:9/x}"
                """, "cfg");
        assertThat(c.actions().slackWebhook()).contains("http://127.0.0.1:9/x");
    }

    @Test
    void aMissingEntryFallsBackToDefault() {
        RegressionConfig c = loader(Map.of()).parse("""
                [thresholds]
                default = 7.5
                [thresholds.latency]
                knn_search = 3
                """, "cfg");
        assertThat(c.thresholdPercent(ThresholdEntry.KNN_SEARCH)).isEqualTo(3.0);
        assertThat(c.thresholdPercent(ThresholdEntry.ATTENTION)).isEqualTo(7.5);
        assertThat(c.thresholdPercent(ThresholdEntry.PEAK_USAGE)).isEqualTo(7.5);
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() {
        assertThatThrownBy(() -> loader(Map.of()).parse("""
                [thresholds.latency]
                knn_serach = 5.0
                """, "my.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("my.toml")
                .hasMessageContaining("thresholds.latency.knn_serach")
                .hasMessageContaining("knn_search");
        assertThatThrownBy(() -> loader(Map.of()).parse("[tresholds]\ndefault = 1\n", "my.toml"))
                .hasMessageContaining("tresholds is not a known key");
    }

    @Test
    void aWrongTypeIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> loader(Map.of()).parse("[thresholds]\ndefault = \"ten\"\n", "my.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("thresholds.default")
                .hasMessageContaining("\"ten\"")
                .hasMessageContaining("expected a number");
        assertThatThrownBy(() -> loader(Map.of()).parse("[regression_actions]\nfail_ci = 1\n", "my.toml"))
                .hasMessageContaining("regression_actions.fail_ci").hasMessageContaining("true or false");
        assertThatThrownBy(() -> loader(Map.of()).parse("[baseline_management]\nmax_history_count = 2.5\n", "my.toml"))
                .hasMessageContaining("baseline_management.max_history_count").hasMessageContaining("integer");
        assertThatThrownBy(() -> loader(Map.of()).parse("thresholds = 3\n", "my.toml"))
                .hasMessageContaining("thresholds").hasMessageContaining("expected a table");
    }

    @Test
    void impossibleValuesAreErrors() {
        assertThatThrownBy(() -> loader(Map.of()).parse("[thresholds]\ndefault = -5\n", "c"))
                .hasMessageContaining("thresholds.default").hasMessageContaining("-5");
        assertThatThrownBy(() -> loader(Map.of()).parse("[baseline_management]\nmax_history_count = 0\n", "c"))
                .hasMessageContaining("max_history_count");
        assertThatThrownBy(() -> loader(Map.of()).parse("[statistics]\nalpha = 1.5\n", "c"))
                .hasMessageContaining("statistics.alpha");
    }

    @Test
    void malformedReferencesAndTomlAreErrors() {
        assertThatThrownBy(() -> loader(Map.of()).parse("[regression_actions.notifications]\nslack_webhook = \"${OOPS\"\n", "c"))
                .hasMessageContaining("regression_actions.notifications.slack_webhook").hasMessageContaining("malformed");
        assertThatThrownBy(() -> loader(Map.of()).parse("[thresholds\ndefault = 1\n", "broken.toml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("broken.toml").hasMessageContaining("not valid TOML");
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> loader(Map.of()).read(dir.resolve("none.toml")))
                .hasMessageContaining("none.toml").hasMessageContaining("does not exist");
    }

    @Test
    void calibrationReferenceIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.toml");
        Files.writeString(f, "[statistics]\ncalibrate_against = \"peers.plainRead\"\nseed = 7\nmax_fork_cv = 25\n");
        RegressionConfig c = loader(Map.of()).read(f);
        assertThat(c.statistics().calibrateAgainst()).contains("peers.plainRead");
        assertThat(c.statistics().seed()).isEqualTo(7L);
        assertThat(c.statistics().maxForkCv()).isEqualTo(25.0);
    }

    @Test
    void theDefaultLookupTakesTheGivenDirectorysConfig(@TempDir Path dir) throws Exception {
        Path baselines = Files.createDirectories(dir.resolve("baselines"));
        Path file = Files.writeString(baselines.resolve(ConfigLoader.FILE_NAME), "[thresholds]\ndefault = 7.0\n");
        assertThat(ConfigLoader.locate(baselines, null)).contains(file);
        assertThat(ConfigLoader.forBaselines(baselines).thresholdPercent(ThresholdEntry.DEFAULT)).isEqualTo(7.0);
    }

    @Test
    void aRelativeDirectoryMissingHereIsLookedUpInTheCheckoutLbRunsFrom(@TempDir Path home) throws Exception {
        Path relative = Path.of("baselines-only-in-home-" + ProcessHandle.current().pid());
        Path file = Files.writeString(Files.createDirectories(home.resolve(relative)).resolve(ConfigLoader.FILE_NAME),
                "[thresholds]\ndefault = 3.0\n");
        assertThat(ConfigLoader.locate(relative, home.toString())).contains(home.resolve(relative).resolve(ConfigLoader.FILE_NAME));
        assertThat(ConfigLoader.locate(relative, null)).isEmpty();
        assertThat(ConfigLoader.locate(relative, " ")).isEmpty();
        assertThat(file).isRegularFile();
    }

    @Test
    void theWorkingDirectoryComesBeforeTheCheckout(@TempDir Path home) throws Exception {
        // the tests run in the workbench module, whose parent is a checkout with baselines/regression_config.toml
        Path relative = Path.of("..", "baselines");
        Files.writeString(Files.createDirectories(home.resolve(relative)).resolve(ConfigLoader.FILE_NAME), "");
        assertThat(ConfigLoader.locate(relative, home.toString())).contains(relative.resolve(ConfigLoader.FILE_NAME));
    }

    @Test
    void anAbsoluteDirectoryIsNotLookedUpElsewhere(@TempDir Path dir, @TempDir Path home) throws Exception {
        Path absolute = dir.resolve("baselines");
        Files.writeString(Files.createDirectories(home.resolve("baselines")).resolve(ConfigLoader.FILE_NAME), "");
        assertThat(ConfigLoader.locate(absolute, home.toString())).isEmpty();
        assertThat(ConfigLoader.forBaselines(absolute)).isEqualTo(RegressionConfig.defaults());
    }
}
