package io.latentbench.workbench.notebook.protocol;

/** A message that does not follow the Jupyter messaging protocol. */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message);
    }
}
