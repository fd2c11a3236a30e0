package io.latentbench.workbench.results.relative;

import java.util.Objects;

/**
 * A benchmark of a relative run that a fork of either side could not measure: the run went on to
 * the others, and the judge reports this one as failed instead of losing the run.
 *
 * @param key     the benchmark's key
 * @param message which side's fork failed and how, with where its log is
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
