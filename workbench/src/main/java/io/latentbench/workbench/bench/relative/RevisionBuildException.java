package io.latentbench.workbench.bench.relative;

import java.nio.file.Path;

/** A revision of a relative run could not be checked out or built; names it and the log that says why. */
public final class RevisionBuildException extends RuntimeException {

    private final transient Path log;

    public RevisionBuildException(String message, Path log) {
        super(message);
        this.log = log;
    }

    /** The build's log, or null when it failed before building. */
    public Path log() {
        return log;
    }
}
