package io.latentbench.workbench.notebook.protocol;

/** The kernel could not be started or did not answer in time. */
public final class KernelStartException extends Exception {
    public KernelStartException(String message) {
        super(message);
    }

    public KernelStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
