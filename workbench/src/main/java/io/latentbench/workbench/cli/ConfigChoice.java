package io.latentbench.workbench.cli;

import io.latentbench.workbench.regress.config.ConfigLoader;
import io.latentbench.workbench.regress.config.RegressionConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, defaulting to {@link ConfigLoader#forBaselines}'s lookup of baselines/: that of
 * the working directory, then of the checkout the lb launcher runs from, then the built-in defaults.
 */
final class ConfigChoice {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Thresholds and actions (TOML). Default: baselines/regression_config.toml of the working directory, else of the lb checkout, else the built-in defaults.")
    Path config;

    RegressionConfig load() {
        return config != null ? ConfigLoader.load(config) : ConfigLoader.forBaselines(ConfigLoader.BASELINES);
    }
}
