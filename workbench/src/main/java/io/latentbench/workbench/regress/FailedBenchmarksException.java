package io.latentbench.workbench.regress;

import java.util.List;

/** The gate failed because benchmarks could not be measured: the message names each, with why. */
public final class FailedBenchmarksException extends RuntimeException {

    private final transient List<Comparison> failed;

    public FailedBenchmarksException(String message, List<Comparison> failed) {
        super(message);
        this.failed = List.copyOf(failed);
    }

    public List<Comparison> failed() {
        return failed;
    }
}
