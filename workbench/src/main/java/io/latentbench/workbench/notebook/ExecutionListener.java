package io.latentbench.workbench.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Hears about a run as it happens, for progress bars and live logs. */
public interface ExecutionListener {

    ExecutionListener NONE = new ExecutionListener() {};

    /** {@code ordinal} counts executed code cells from 1 to {@code total}. */
    default void cellStarted(int ordinal, int total, ObjectNode cell) {}

    /** An output message as the kernel sent it ({@code stream}, {@code display_data}, {@code error}, ...). */
    default void output(String msgType, JsonNode content) {}

    default void cellFinished(int ordinal, int total, ObjectNode cell, double seconds) {}

    default void runFinished(RunOutcome outcome) {}
}
