package io.latentbench.workbench.regress.config;

/**
 * {@code [baseline_management]}.
 *
 * @param autoUpdateMain   CI updates the baseline after a passing run on main
 * @param requireApproval  {@code lb baseline update} needs {@code --approve}; automatic updates are skipped
 * @param keepHistory      every update also writes a copy under history/
 * @param maxHistoryCount  history is pruned to this many files, oldest first
 */
public record BaselineManagement(boolean autoUpdateMain, boolean requireApproval, boolean keepHistory, int maxHistoryCount) {

    public BaselineManagement {
        if (maxHistoryCount < 1) {
            throw new IllegalArgumentException("max_history_count " + maxHistoryCount + " must be at least 1");
        }
    }

    public static BaselineManagement defaults() {
        return new BaselineManagement(true, false, true, 50);
    }
}
