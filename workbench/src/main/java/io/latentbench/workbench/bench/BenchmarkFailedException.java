package io.latentbench.workbench.bench;

/** A benchmark threw (or its fork died); the run stops, and the message says which and why. */
public final class BenchmarkFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String benchmark;

    public BenchmarkFailedException(String benchmark, String message, Throwable cause) {
        super("benchmark " + benchmark + " failed: " + message, cause);
        this.benchmark = benchmark;
    }

    /** The key of the failed benchmark. */
    public String benchmark() {
        return benchmark;
    }
}
