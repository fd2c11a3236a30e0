package io.latentbench.workbench.notebook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * @param executionTimeout per cell; empty for none
 * @param startTimeout how long the kernel has to start and answer; {@link #NO_LIMIT} for as long as it takes
 * @param interruptGrace how long an interrupted cell may take to stop before its kernel is killed
 * @param heartbeatInterval after this long without a message from a running cell the kernel's heartbeat is
 *     checked (waiting as long for the echo); three missed echoes in a row count as a dead kernel
 * @param acknowledgeTimeout how long a kernel has to acknowledge an execute request (any message about it,
 *     normally its busy status) before the kernel counts as dead: a kernel whose heartbeat answers while its
 *     shell thread is gone would otherwise be waited for forever
 */
public record ExecutionOptions(
        Path cwd, Optional<Duration> executionTimeout, Duration startTimeout, Duration interruptGrace,
        Duration heartbeatInterval, Duration acknowledgeTimeout, Autosave autosave, StopSignal stop,
        ExecutionListener listener) {

    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ACKNOWLEDGE_TIMEOUT = Duration.ofSeconds(30);
    /** A century: "no limit" that still fits the nanosecond clock arithmetic. */
    public static final Duration NO_LIMIT = Duration.ofDays(36_500);

    /** The options of earlier releases: no autosave, no stop signal, the default acknowledge timeout. */
    public ExecutionOptions(Path cwd, Optional<Duration> executionTimeout, Duration startTimeout, Duration interruptGrace,
                            Duration heartbeatInterval, ExecutionListener listener) {
        this(cwd, executionTimeout, startTimeout, interruptGrace, heartbeatInterval, DEFAULT_ACKNOWLEDGE_TIMEOUT,
                Autosave.NEVER, new StopSignal(), listener);
    }

    public static ExecutionOptions defaults(Path cwd) {
        return new ExecutionOptions(cwd, Optional.empty(), Duration.ofSeconds(60), Duration.ofSeconds(5),
                DEFAULT_HEARTBEAT_INTERVAL, ExecutionListener.NONE);
    }

    public ExecutionOptions withAcknowledgeTimeout(Duration timeout) {
        return new ExecutionOptions(cwd, executionTimeout, startTimeout, interruptGrace, heartbeatInterval, timeout,
                autosave, stop, listener);
    }

    public ExecutionOptions withAutosave(Autosave value) {
        return new ExecutionOptions(cwd, executionTimeout, startTimeout, interruptGrace, heartbeatInterval,
                acknowledgeTimeout, value, stop, listener);
    }

    public ExecutionOptions withStop(StopSignal value) {
        return new ExecutionOptions(cwd, executionTimeout, startTimeout, interruptGrace, heartbeatInterval,
                acknowledgeTimeout, autosave, value, listener);
    }

    public ExecutionOptions withListener(ExecutionListener value) {
        return new ExecutionOptions(cwd, executionTimeout, startTimeout, interruptGrace, heartbeatInterval,
                acknowledgeTimeout, autosave, stop, value);
    }

    /** The duration in nanoseconds, saturated at Long.MAX_VALUE instead of overflowing. */
    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
