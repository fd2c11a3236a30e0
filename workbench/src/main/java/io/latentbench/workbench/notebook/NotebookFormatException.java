package io.latentbench.workbench.notebook;

/** A file that is not a readable nbformat 4 notebook; the message names the file and what is wrong. */
public final class NotebookFormatException extends Exception {
    public NotebookFormatException(String message) {
        super(message);
    }
}
