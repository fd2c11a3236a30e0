package io.latentbench.workbench.kernel;

import java.util.List;
import java.util.Objects;

/**
 * What a notebook cell can call, imported statically into every session:
 * {@code display(table)}, {@code display(chart, "image/svg+xml")}, {@code updateDisplay(id, value)},
 * {@code clearOutput()}.
 */
public final class Notebook {

    /** The running kernel's side of these calls. */
    public interface Display {
        String display(Object value, List<String> mimes);

        void updateDisplay(String displayId, Object value, List<String> mimes);

        void clearOutput(boolean wait);
    }

    private static volatile Display current;

    private Notebook() {
    }

    /** Connects the calls to a kernel session; null disconnects them. */
    static void connect(Display display) {
        current = display;
    }

    private static Display kernel() {
        Display d = current;
        if (d == null) {
            throw new IllegalStateException("display functions work inside a latentbench kernel session only");
        }
        return d;
    }

    /** Shows a value below the cell, in its default representations; returns the display id. */
    public static String display(Object value) {
        return kernel().display(value, List.of());
    }

    /** Shows a value as the given MIME types, e.g. {@code "image/svg+xml"}; returns the display id. */
    public static String display(Object value, String... mimes) {
        return kernel().display(value, List.of(mimes));
    }

    /** Replaces what an earlier {@code display} call showed. */
    public static void updateDisplay(String displayId, Object value) {
        kernel().updateDisplay(Objects.requireNonNull(displayId, "displayId"), value, List.of());
    }

    public static void updateDisplay(String displayId, Object value, String... mimes) {
        kernel().updateDisplay(Objects.requireNonNull(displayId, "displayId"), value, List.of(mimes));
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        kernel().clearOutput(false);
    }

    /** Clears the cell's output, with {@code wait} only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        kernel().clearOutput(wait);
    }
}
