package io.latentbench.workbench.notebook.params;

/** Parameters that cannot be read or cannot be written in the kernel's language. */
public final class ParameterFormatException extends Exception {
    public ParameterFormatException(String message) {
        super(message);
    }
}
