package io.latentbench.workbench.results;

import java.util.Locale;

/**
 * One time ratio of the peers suite, measured in one run: {@code comparison} (e.g.
 * {@code scalar / panama}) for the benchmark {@code subject} at {@code parameters}; above 1 means
 * the first named is slower.
 *
 * @param note an aside on the figure (e.g. how a peer was built), empty when there is none
 */
public record PeerRatio(String subject, String parameters, String comparison, double ratio, String note) {

    /** The line of the text report: fixed-width subject and parameters, then {@code comparison = 1.23x}. */
    public String line() {
        return String.format(Locale.ROOT, "%-20s %-28s %s = %.2fx%s", subject, parameters, comparison, ratio,
                note.isEmpty() ? "" : "  (" + note + ")");
    }

    /** The ratio as the report prints it, e.g. {@code 1.23x}. */
    public String ratioText() {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
