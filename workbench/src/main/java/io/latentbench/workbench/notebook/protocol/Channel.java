package io.latentbench.workbench.notebook.protocol;

/** The kernel's sockets a client talks to. */
public enum Channel {
    SHELL, IOPUB, STDIN, CONTROL, HEARTBEAT
}
