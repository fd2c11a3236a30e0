package io.latentbench.workbench.bench;

import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.ResultCharts;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.ResultTables;
import io.latentbench.workbench.results.TomlSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * What a run returns to code, jshell or a notebook: the rows, a Tablesaw table, the standard
 * charts, and the files of the CLI.
 */
public final class BenchResults {

    /** The file names written by {@link #save(Path)}, shared with {@code lb bench}. */
    public static final String RESULTS_JSON = "results.json";
    public static final String RAW_JMH_JSON = "jmh-result.json";
    public static final String TOML_SUMMARY = "benchmark_results.toml";

    private final ResultSet results;
    private final String rawJmhJson;
    private final java.util.Map<String, String> files;

    public BenchResults(ResultSet results, String rawJmhJson) {
        this(results, rawJmhJson, java.util.Map.of());
    }

    /**
     * @param files the run's other files by their path relative to its folder: profilers' text,
     *              JMH's result in another format
     */
    public BenchResults(ResultSet results, String rawJmhJson, java.util.Map<String, String> files) {
        this.results = results;
        this.rawJmhJson = rawJmhJson;
        this.files = java.util.Map.copyOf(files);
    }

    /** The run's other files (profilers' text, JMH's result in another format) by relative path. */
    public java.util.Map<String, String> files() {
        return files;
    }

    /** Reads a saved results.json, or any raw JMH JSON file. */
    public static BenchResults load(Path file) {
        return new BenchResults(ResultFiles.read(file), null);
    }

    public ResultSet resultSet() {
        return results;
    }

    public List<BenchmarkResult> rows() {
        return results.results();
    }

    /** The benchmarks the run could not measure (it went on past them); empty when it measured all. */
    public List<FailedBenchmark> failed() {
        return results.failed();
    }

    public Optional<BenchmarkResult> find(String key) {
        return results.find(key);
    }

    /** The JMH JSON of the run, when it was run here rather than loaded. */
    public Optional<String> rawJmhJson() {
        return Optional.ofNullable(rawJmhJson);
    }

    /** One row per benchmark x params; see {@link ResultTables#toTable}. */
    public Table table() {
        return ResultTables.toTable(results);
    }

    /** knn latency against k, a line per dimension. */
    public XYChart latencyVsK() {
        return ResultCharts.latencyVsK(results);
    }

    /** Speedup of each attention type against Standard. */
    public CategoryChart attentionSpeedups() {
        return ResultCharts.attentionSpeedups(results);
    }

    /** Retained and peak heap against the number of vectors. */
    public XYChart memoryVsDatasetSize() {
        return ResultCharts.memoryVsDatasetSize(results);
    }

    /** The attention comparison tables (times and speedups against Standard), empty if none ran. */
    public String speedupReport() {
        return Speedups.report(results.results());
    }

    /** The peers suite's ratios (SIMD vs scalar vs Lucene, knn vs plain read), empty if it did not run. */
    public String peerRatios() {
        return PeerRatios.report(results.results());
    }

    /**
     * Writes results.json, the raw JMH JSON (when known) and benchmark_results.toml into
     * {@code dir}, each atomically.
     */
    public Path save(Path dir) {
        ResultFiles.writeResultsJson(results, dir.resolve(RESULTS_JSON));
        if (rawJmhJson != null) {
            AtomicFiles.write(dir.resolve(RAW_JMH_JSON), rawJmhJson);
        }
        TomlSummary.write(results, dir.resolve(TOML_SUMMARY));
        files.forEach((name, text) -> AtomicFiles.write(dir.resolve(name), text));
        return dir;
    }

    /** The file name of the run's HTML report, written by {@code lb bench} beside the results. */
    public static final String REPORT_HTML = "report.html";

    /**
     * Writes the run's self-contained HTML report (a section per suite: samples per fork and
     * iteration, lines across each parameter, speed-ups and peer ratios) to {@code file}, atomically.
     */
    public Path report(Path file) {
        new io.latentbench.workbench.runreport.RunReport(results, PeerRatios.ratios(results.results())).write(file);
        return file;
    }

    /** The plain-text table, then the benchmarks that failed, if any. */
    public String text() {
        StringBuilder b = new StringBuilder(ResultTables.text(results));
        if (!failed().isEmpty()) {
            b.append(failed().size()).append(" failed to run:\n");
            failed().forEach(f -> b.append("  ").append(f.key()).append(": ").append(f.headline()).append('\n'));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
