package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineRecord;
import io.latentbench.workbench.regress.stats.Descriptive;

/** A table of a baselines file, for {@code lb baseline show} and {@code lb report} without a current run. */
public final class BaselineSummary {

    private BaselineSummary() {}

    public static String markdown(BaselineFile file, String source) {
        StringBuilder out = new StringBuilder();
        out.append("## Baselines of testbed ").append(file.testbed().isEmpty() ? "(unspecified)" : Markdown.text(file.testbed())).append("\n\n");
        out.append("- **File**: ").append(Markdown.text(source)).append('\n');
        out.append("- **Created**: ").append(Markdown.text(file.createdAt())).append(", **updated**: ")
                .append(Markdown.text(file.updatedAt())).append('\n');
        out.append("- **Benchmarks**: ").append(file.baselines().size()).append("\n\n");
        out.append("| Benchmark | Mean | Std dev (forks) | Median | Forks | Memory | Commit |\n");
        out.append("|---|---:|---:|---:|---:|---|---|\n");
        for (BaselineRecord r : file.baselines().values()) {
            double[] forks = r.forkMeans();
            String memory = r.secondary().entrySet().stream()
                    .map(e -> e.getKey() + " " + Format.value(e.getValue().mean()) + " " + e.getValue().unit())
                    .reduce((a, b) -> a + "; " + b).orElse(r.memoryPeakMb() == null ? "" : Format.value(r.memoryPeakMb()) + " MB peak");
            out.append("| ").append(Markdown.cellCode(r.name())).append(" | ").append(Format.value(r.mean())).append(' ')
                    .append(Markdown.text(r.unit()))
                    .append(" | ").append(forks.length > 1 ? Format.value(Descriptive.of(forks).stdDev()) : "-")
                    .append(" | ").append(Format.value(r.median()))
                    .append(" | ").append(forks.length)
                    .append(" | ").append(Markdown.text(memory))
                    .append(" | ").append(Markdown.text(r.gitCommit().length() > 12 ? r.gitCommit().substring(0, 12) : r.gitCommit()))
                    .append(" |\n");
        }
        return out.toString();
    }
}
