package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.RowTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether the machine moved between two stored runs, told by the rows tagged as measuring the
 * machine, not our code (the peers suite's plain read of the bytes and its scalar loop). When one
 * changed past its threshold, every Regression and Improvement of the comparison becomes
 * Inconclusive with the reason, so that a moved machine never fails the build.
 */
final class MachineCheck {

    private MachineCheck() {}

    /** A primary score its row's tags mark as measuring the machine's speed. */
    static boolean measuresTheMachine(Comparison c) {
        return c.id().isPrimary() && c.current().tags().role() == RowTags.Role.MACHINE;
    }

    static List<Comparison> apply(List<Comparison> rows) {
        List<String> moved = new ArrayList<>();
        for (Comparison c : rows) {
            if (c.verdict() == Verdict.REFERENCE && measuresTheMachine(c) && c.statistics().isPresent()) {
                double change = c.statistics().get().changePercent();
                if (Math.abs(change) > c.thresholdPercent()) {
                    moved.add(String.format(Locale.ROOT, "%s %+.1f%%", c.id(), change));
                }
            }
        }
        if (moved.isEmpty()) {
            return rows;
        }
        String why = "the machine moved between the two runs (" + moved.stream().collect(Collectors.joining(", "))
                + ", past their thresholds): a stored baseline cannot tell this change from the machine's; measure it"
                + " with a relative run (lb bench --against REV). Was: ";
        List<Comparison> out = new ArrayList<>();
        for (Comparison c : rows) {
            if (c.verdict() == Verdict.REGRESSION || c.verdict() == Verdict.IMPROVEMENT) {
                out.add(new Comparison(c.id(), c.entry(), c.thresholdPercent(), c.baseline(), c.current(),
                        Verdict.INCONCLUSIVE, why + c.verdict().label() + ", " + c.reason(), c.statistics()));
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
