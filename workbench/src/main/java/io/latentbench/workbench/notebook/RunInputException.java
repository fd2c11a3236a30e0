package io.latentbench.workbench.notebook;

/** The request cannot be run as given (notebook, parameters, paths, kernel name); nothing was written. */
public final class RunInputException extends Exception {
    public RunInputException(String message) {
        super(message);
    }
}
