package io.latentbench.workbench.kernel.maven;

/** A settings.xml that cannot be used; the message names the file, what is wrong and, when known, the line. */
public final class MavenSettingsException extends RuntimeException {

    public MavenSettingsException(String message) {
        super(message);
    }
}
