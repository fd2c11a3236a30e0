package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.Verdict;
import io.latentbench.workbench.regress.baseline.BaselineException;
import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Loads the history files of a baselines directory for the HTML report's trend plots. */
public final class HistoryTrends {

    /** Enough lines to read; flagged benchmarks come first. */
    static final int MAX_SERIES = 24;

    private HistoryTrends() {}

    /**
     * The trends of the report's benchmarks over the history files in {@code historyDir} (none when it
     * is null or missing). An unreadable history file is skipped, and {@code warnings} hears why.
     */
    public static List<Trend> load(Path historyDir, ComparisonReport report, Consumer<String> warnings) {
        if (historyDir == null || !Files.isDirectory(historyDir)) {
            return List.of();
        }
        List<BaselineFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(historyDir)) {
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    files.add(BaselineStore.load(p));
                } catch (BaselineException e) {
                    warnings.accept("skipping a history file in the trends: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        List<MeasurementId> ids = report.comparisons().stream()
                .filter(c -> c.id().isPrimary() && c.baseline().isPresent())
                .sorted(Comparator.comparing(c -> c.verdict() == Verdict.NO_CHANGE ? 1 : 0))
                .map(c -> c.id())
                .limit(MAX_SERIES)
                .toList();
        return Trend.fromHistory(files, ids);
    }
}
