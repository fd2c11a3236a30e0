package io.latentbench.workbench.notebook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * @param executionTimeout per cell; empty for none
 * @param interruptGrace how long an interrupted cell may take to stop before its kernel is killed
 */
public record ExecutionOptions(
        Path cwd, Optional<Duration> executionTimeout, Duration startTimeout, Duration interruptGrace,
        ExecutionListener listener) {

    public static ExecutionOptions defaults(Path cwd) {
        return new ExecutionOptions(cwd, Optional.empty(), Duration.ofSeconds(60), Duration.ofSeconds(5), ExecutionListener.NONE);
    }
}
