package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.Verdict;
import java.util.Comparator;
import java.util.List;

/**
 * A Markdown report sized for a pull-request comment: flagged rows first, the rest folded. Everything that
 * comes from the compared files goes through {@link Markdown}.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(ComparisonReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(title(report)).append("\n\n");
        for (String line : Header.lines(report)) {
            int colon = line.indexOf(':');
            out.append("- **").append(line, 0, colon).append("**:").append(Markdown.text(line.substring(colon + 1))).append('\n');
        }
        out.append("\n**").append(report.summary()).append("**\n\n");
        List<Comparison> sorted = report.comparisons().stream()
                .sorted(Comparator.comparing((Comparison c) -> Format.order(c.verdict())).thenComparing(Comparison::id))
                .toList();
        List<Comparison> notable = sorted.stream()
                .filter(c -> c.verdict() != Verdict.NO_CHANGE && c.verdict() != Verdict.REFERENCE).toList();
        if (!notable.isEmpty()) {
            table(out, notable);
        }
        folded(out, sorted, Verdict.NO_CHANGE, " unchanged");
        folded(out, sorted, Verdict.REFERENCE, " references, not our code (reported, never judged)");
        if (!report.missing().isEmpty()) {
            out.append("\nIn the baseline but not measured in this run: ");
            out.append(String.join(", ", report.missing().stream().map(MeasurementId::toString).map(Markdown::code).toList()));
            out.append('\n');
        }
        return out.toString();
    }

    private static void folded(StringBuilder out, List<Comparison> sorted, Verdict verdict, String what) {
        List<Comparison> rows = sorted.stream().filter(c -> c.verdict() == verdict).toList();
        if (!rows.isEmpty()) {
            out.append("\n<details><summary>").append(rows.size()).append(what).append("</summary>\n\n");
            table(out, rows);
            out.append("\n</details>\n");
        }
    }

    static String title(ComparisonReport r) {
        if (r.count(Verdict.FAILED) > 0) {
            return "\ud83d\udca5 Benchmarks: " + r.count(Verdict.FAILED) + " failed to run"
                    + (r.hasRegression() ? ", " + r.count(Verdict.REGRESSION) + " regression(s)" : "");
        }
        if (r.hasRegression()) {
            return "\u274c Benchmarks: " + r.count(Verdict.REGRESSION) + " regression(s)";
        }
        if (r.count(Verdict.IMPROVEMENT) > 0) {
            return "\u2705 Benchmarks: " + r.count(Verdict.IMPROVEMENT) + " improvement(s), no regression";
        }
        if (r.count(Verdict.INCONCLUSIVE) > 0) {
            return "\u26a0\ufe0f Benchmarks: no regression found, but " + r.count(Verdict.INCONCLUSIVE) + " of "
                    + r.comparisons().size() + " could not be judged";
        }
        return "\u2796 Benchmarks: no significant change";
    }

    private static void table(StringBuilder out, List<Comparison> rows) {
        out.append("| | Benchmark | Baseline | Current | Change [CI] | p | Forks | Threshold | Why |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Comparison c : rows) {
            out.append("| ").append(Format.icon(c.verdict())).append(' ').append(c.verdict().label())
                    .append(" | ").append(Markdown.cellCode(c.id().toString()))
                    .append(" | ").append(Markdown.text(Format.baseline(c)))
                    .append(" | ").append(Markdown.text(Format.current(c)))
                    .append(" | ").append(Format.change(c))
                    .append(" | ").append(Format.p(c))
                    .append(" | ").append(Format.forks(c))
                    .append(" | ").append(Markdown.text(Format.threshold(c)))
                    .append(" | ").append(Markdown.text(c.reason())).append(" |\n");
        }
    }
}
