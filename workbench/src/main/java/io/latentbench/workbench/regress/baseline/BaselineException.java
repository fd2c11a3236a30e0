package io.latentbench.workbench.regress.baseline;

/** A baselines file or directory that cannot be read or written; the message names the file. */
public final class BaselineException extends RuntimeException {
    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
