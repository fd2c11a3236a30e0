package io.latentbench.workbench.regress.report;

import static io.latentbench.workbench.results.Columns.doubles;
import static io.latentbench.workbench.results.Columns.ints;
import static io.latentbench.workbench.results.Columns.strings;

import io.latentbench.workbench.regress.ChangeStatistics;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.results.ResultTables;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.Table;

/**
 * The verdicts as a Tablesaw table, a row per comparison in the reports' order (regressions,
 * improvements, inconclusive, new, unchanged). Changes are of the value in percent (a rate that
 * drops is negative); {@code worse_pct} turns them the way the threshold reads, positive when worse.
 */
public final class VerdictTable {

    private VerdictTable() {}

    public static Table of(ComparisonReport report) {
        List<Comparison> rows = report.comparisons().stream()
                .sorted(Comparator.comparing((Comparison c) -> Format.order(c.verdict())).thenComparing(Comparison::id))
                .toList();
        Table t = Table.create("regression gate: " + report.summary());
        t.addColumns(
                strings("verdict", rows, c -> c.verdict().label()),
                strings("benchmark", rows, c -> c.id().benchmark()),
                strings("metric", rows, c -> c.id().isPrimary() ? "score" : c.id().metric()),
                doubles("baseline", rows, c -> c.baseline().map(b -> Format.mean(b.samples(), b.score())).orElse(Double.NaN)),
                doubles("current", rows, c -> Format.mean(c.current().samples(), c.current().score())),
                strings("unit", rows, c -> c.current().unit()),
                doubles("change_pct", rows, c -> stat(c, ChangeStatistics::changePercent)),
                doubles("ci_low_pct", rows, c -> stat(c, ChangeStatistics::changeLowPercent)),
                doubles("ci_high_pct", rows, c -> stat(c, ChangeStatistics::changeHighPercent)),
                doubles("worse_pct", rows, c -> c.statistics().map(s -> VerdictCharts.worsePercent(c)).orElse(Double.NaN)),
                doubles("p", rows, c -> stat(c, ChangeStatistics::pValue)),
                ints("forks_baseline", rows, c -> c.baseline().map(b -> b.forks()).orElse(0)),
                ints("forks_current", rows, c -> c.current().forks()),
                doubles("threshold_pct", rows, Comparison::thresholdPercent),
                strings("threshold_entry", rows, c -> c.entry().path()),
                strings("why", rows, Comparison::reason));
        return ResultTables.readable(t);
    }

    private static double stat(Comparison c, ToDoubleFunction<ChangeStatistics> f) {
        Optional<ChangeStatistics> s = c.statistics();
        return s.isPresent() ? f.applyAsDouble(s.get()) : Double.NaN;
    }
}
