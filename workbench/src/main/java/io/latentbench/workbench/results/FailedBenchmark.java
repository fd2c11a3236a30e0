package io.latentbench.workbench.results;

import java.util.Objects;

/**
 * A benchmark that a run could not measure (its fork threw or died, on either side of a relative
 * run): as JMH does unless told to fail on error, the run went on to the others, and the
 * benchmark is reported as failed instead of losing the run.
 *
 * @param key     the benchmark's key
 * @param message how it failed (which side's fork, in a relative run) and where its log is
 */
public record FailedBenchmark(String key, String message) {

    public FailedBenchmark {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** The message's first line: which side, how, and the benchmark's own exception; the log's tail follows it. */
    public String headline() {
        return message.lines().findFirst().orElse("failed");
    }
}
