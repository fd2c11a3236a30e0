package io.latentbench.workbench.notebook;

import java.time.Duration;

/**
 * When the executor hands the notebook to {@code saver} during a run, as papermill's
 * {@code --request-save-on-cell-execute} and {@code --autosave-cell-every} do.
 *
 * @param every during a long cell, at most this long between saves; zero for never
 * @param onCellExecute also when each cell starts and ends
 */
public record Autosave(Duration every, boolean onCellExecute, NotebookSaver saver) {

    public static final Autosave NEVER = new Autosave(Duration.ZERO, false, nb -> { });

    public Autosave {
        if (every.isNegative()) throw new IllegalArgumentException("autosave interval must not be negative: " + every);
    }

    /** Writes the notebook as it is now; it must not change the notebook and should write atomically. */
    @FunctionalInterface
    public interface NotebookSaver {
        void save(NotebookDocument notebook);
    }
}
