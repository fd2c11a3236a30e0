package io.latentbench.workbench.regress.config;

/** A regression_config.toml that cannot be used; the message names the file and the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
