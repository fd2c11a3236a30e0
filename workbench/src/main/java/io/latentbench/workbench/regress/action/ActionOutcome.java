package io.latentbench.workbench.regress.action;

/** What one regression action did; a failed one is reported, never fatal to the verdict. */
public record ActionOutcome(String action, Status status, String detail) {

    public enum Status { DONE, SKIPPED, FAILED }

    @Override
    public String toString() {
        return action + ": " + status.name().toLowerCase(java.util.Locale.ROOT) + " - " + detail;
    }
}
