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

    /** Something the user should know that does not stop the run (no parameters cell, a failed autosave). */
    default void warning(String message) {}

    /** This listener, then {@code other}, for every event. */
    default ExecutionListener and(ExecutionListener other) {
        ExecutionListener first = this;
        return new ExecutionListener() {
            @Override
            public void cellStarted(int ordinal, int total, ObjectNode cell) {
                first.cellStarted(ordinal, total, cell);
                other.cellStarted(ordinal, total, cell);
            }

            @Override
            public void output(String msgType, JsonNode content) {
                first.output(msgType, content);
                other.output(msgType, content);
            }

            @Override
            public void cellFinished(int ordinal, int total, ObjectNode cell, double seconds) {
                first.cellFinished(ordinal, total, cell, seconds);
                other.cellFinished(ordinal, total, cell, seconds);
            }

            @Override
            public void runFinished(RunOutcome outcome) {
                first.runFinished(outcome);
                other.runFinished(outcome);
            }

            @Override
            public void warning(String message) {
                first.warning(message);
                other.warning(message);
            }
        };
    }
}
