package io.latentbench.workbench.bench;

import java.util.Arrays;
import java.util.Optional;

/** What a failed JMH run printed, read for the lines that say why: one place for both kinds of run. */
public final class JmhOutput {

    /** Lines of a run's output that a failure message quotes. */
    private static final int TAIL_LINES = 15;

    private JmhOutput() {}

    /** The benchmark's own exception, as JMH prints it: the first line after {@code <failure>}. */
    public static Optional<String> thrown(String output) {
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals("<failure>")) {
                for (int j = i + 1; j < lines.length; j++) {
                    String l = lines[j].trim();
                    if (!l.isEmpty()) {
                        return Optional.of(l);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The last lines of the output, where a dying JVM says why. */
    public static String tail(String output) {
        String[] lines = output.split("\\R");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - TAIL_LINES), lines.length));
    }
}
