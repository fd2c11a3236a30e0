package io.latentbench.workbench.results;

/**
 * A results file that cannot be understood: not JSON, neither a latentbench results.json nor
 * JMH output, or a field of the wrong type. The message names the file, the place and what
 * was expected.
 */
public final class ResultFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResultFileException(String message) {
        super(message);
    }

    public ResultFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
