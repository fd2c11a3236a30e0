package io.latentbench.workbench.cli;

import io.latentbench.workbench.regress.config.ConfigLoader;
import io.latentbench.workbench.regress.config.RegressionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, defaulting to baselines/regression_config.toml of the working directory,
 * then of the checkout the lb launcher runs from, then the built-in defaults of {@code RegressionConfig.defaults()}.
 */
final class ConfigChoice {

    static final Path DEFAULT = Path.of("baselines", "regression_config.toml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Thresholds and actions (TOML). Default: baselines/regression_config.toml if present, else the built-in defaults.")
    Path config;

    RegressionConfig load() {
        if (config != null) {
            return ConfigLoader.load(config);
        }
        if (Files.isRegularFile(DEFAULT)) {
            return ConfigLoader.load(DEFAULT);
        }
        String home = System.getProperty("latentbench.home");
        if (home != null && Files.isRegularFile(Path.of(home).resolve(DEFAULT))) {
            return ConfigLoader.load(Path.of(home).resolve(DEFAULT));
        }
        return RegressionConfig.defaults();
    }
}
