package io.latentbench.workbench.notebook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * @param executionTimeout per cell; empty for none
 * @param interruptGrace how long an interrupted cell may take to stop before its kernel is killed
 * @param heartbeatInterval after this long without a message from a running cell the kernel's heartbeat is
 *     checked (waiting as long for the echo); three missed echoes in a row count as a dead kernel
 */
public record ExecutionOptions(
        Path cwd, Optional<Duration> executionTimeout, Duration startTimeout, Duration interruptGrace,
        Duration heartbeatInterval, ExecutionListener listener) {

    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    public static ExecutionOptions defaults(Path cwd) {
        return new ExecutionOptions(cwd, Optional.empty(), Duration.ofSeconds(60), Duration.ofSeconds(5),
                DEFAULT_HEARTBEAT_INTERVAL, ExecutionListener.NONE);
    }
}
