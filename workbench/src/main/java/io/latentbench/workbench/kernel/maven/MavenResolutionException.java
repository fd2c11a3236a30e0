package io.latentbench.workbench.kernel.maven;

/** Artifacts that could not be resolved; the message names them and the repositories asked. */
public final class MavenResolutionException extends RuntimeException {

    public MavenResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
