package io.latentbench.workbench.cli;

import io.latentbench.workbench.regress.config.ConfigLoader;
import io.latentbench.workbench.regress.config.RegressionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, defaulting to baselines/regression_config.toml when it exists. */
final class ConfigChoice {

    static final Path DEFAULT = Path.of("baselines", "regression_config.toml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Thresholds and actions (TOML). Default: baselines/regression_config.toml if present, else the plan's values.")
    Path config;

    RegressionConfig load() {
        if (config != null) {
            return ConfigLoader.load(config);
        }
        return Files.isRegularFile(DEFAULT) ? ConfigLoader.load(DEFAULT) : RegressionConfig.defaults();
    }
}
