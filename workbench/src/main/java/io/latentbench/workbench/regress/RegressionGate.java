package io.latentbench.workbench.regress;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineStore;
import io.latentbench.workbench.regress.config.ConfigLoader;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.report.HistoryTrends;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.relative.Recheck;
import io.latentbench.workbench.results.relative.RelativeRun;
import io.latentbench.workbench.results.relative.RelativeRunJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The regression gate in one place, for {@code lb compare}, {@code lb report} and the
 * regression-gate notebook: a config with the command line's overrides, then a comparison that
 * returns a {@link GateResult} (tables, chart, reports, the decision).
 *
 * <pre>{@code
 * GateResult r = RegressionGate.forBaselines(Path.of("baselines")).threshold(5)
 *         .againstStore(new BaselineStore(Path.of("baselines")), Path.of("target/bench/ci/results.json"));
 * r.table(); r.chart(); r.markdown(); r.check();   // check() throws when the build should fail
 * }</pre>
 *
 * @param testbed               declared for both sides (null: each file says its own)
 * @param allowTestbedMismatch  compare even when the two sides name different testbeds
 * @param historyDir            baseline history for the HTML trends (null: history/ beside a baselines.json)
 */
public record RegressionGate(RegressionConfig config, String testbed, boolean allowTestbedMismatch, Path historyDir) {

    /** The name of the config file in a baselines directory. */
    public static final String CONFIG_FILE = ConfigLoader.FILE_NAME;

    public RegressionGate {
        Objects.requireNonNull(config, "config");
    }

    public static RegressionGate withConfig(RegressionConfig config) {
        return new RegressionGate(config, null, false, null);
    }

    /**
     * The gate configured by {@code baselinesDir/regression_config.toml} (for a relative directory not
     * under the working directory: under the checkout lb runs from), or {@link RegressionConfig#defaults()}
     * without one; see {@link ConfigLoader#forBaselines}.
     */
    public static RegressionGate forBaselines(Path baselinesDir) {
        return withConfig(ConfigLoader.forBaselines(baselinesDir));
    }

    /** Every benchmark judged against {@code percent} instead of the config's thresholds. */
    public RegressionGate threshold(double percent) {
        return new RegressionGate(config.withUniformThreshold(percent), testbed, allowTestbedMismatch, historyDir);
    }

    /** Calibrated mode: every speed relative to the benchmark {@code referenceKey} of the same run. */
    public RegressionGate calibrate(String referenceKey) {
        if (referenceKey == null || referenceKey.isBlank()) {
            throw new IllegalArgumentException("calibrate needs the key of a reference benchmark, such as"
                    + " peers.plainRead[dataset=10000,dim=256]; got '" + referenceKey + "'");
        }
        return new RegressionGate(config.withStatistics(config.statistics().withCalibration(referenceKey.strip())),
                testbed, allowTestbedMismatch, historyDir);
    }

    public RegressionGate testbed(String name) {
        return new RegressionGate(config, name, allowTestbedMismatch, historyDir);
    }

    public RegressionGate allowTestbedMismatch(boolean allow) {
        return new RegressionGate(config, testbed, allow, historyDir);
    }

    public RegressionGate historyDir(Path dir) {
        return new RegressionGate(config, testbed, allowTestbedMismatch, dir);
    }

    /**
     * Compares {@code current} with {@code baseline}; each may be a baselines.json, a results.json or
     * raw JMH JSON.
     *
     * @throws IllegalArgumentException when the two sides name different testbeds (unless allowed)
     */
    public GateResult compare(Path baseline, Path current) {
        return judge(ComparisonInputs.read(baseline, testbed), ComparisonInputs.read(current, testbed), baseline);
    }

    /** The two sides, each read once; {@code baseline} is the baseline's file, beside which its history lies. */
    private GateResult judge(MeasurementSet base, MeasurementSet cur, Path baseline) {
        if (!allowTestbedMismatch) {
            Comparer.requireSameTestbed(base, cur);
        }
        ComparisonReport report = new Comparer(config).compare(base, cur);
        Path history = historyDir;
        if (history == null && baseline.getFileName().toString().equals("baselines.json")) {
            history = baseline.toAbsolutePath().getParent().resolve("history");
        }
        List<String> warnings = new ArrayList<>();
        return new GateResult(config, report, HistoryTrends.load(history, report, warnings::add), Optional.empty(),
                warnings);
    }

    /** Which benchmarks of a relative run this gate wants measured again before it judges them. */
    public Recheck recheck() {
        return new PairedComparer(config).recheck();
    }

    /**
     * Judges a relative run ({@code relative.json} of {@code lb bench --against}) on its own: base and
     * head were measured in one job, so no stored baseline and no testbed check are involved.
     */
    public GateResult relative(Path relativeRun) {
        return relative(RelativeRunJson.read(relativeRun), relativeRun.toString());
    }

    /** As {@link #relative(Path)}, for the run in hand (the one {@code lb bench --against} has just measured). */
    public GateResult relative(RelativeRun run, String source) {
        ComparisonReport report = new PairedComparer(config).compare(run, source);
        return new GateResult(config, report, List.of(), Optional.empty(), List.of());
    }

    /**
     * What scripts/benchmark_ci.sh does with one run: the testbed is the declared one, else the
     * machine the results name; when that testbed has no baseline yet, one is created from the
     * run (approved: there is nothing to protect yet; written atomically, with a history copy),
     * and the run is then compared with its testbed's baseline.
     *
     * @throws io.latentbench.workbench.regress.baseline.BaselineException when the testbed's baselines
     *         file is corrupt; it is then left as it is
     */
    public GateResult againstStore(BaselineStore store, Path results) {
        JsonNode root = ResultFiles.parse(results);
        ResultSet run = ResultFiles.fromTree(results, root);
        String bed = testbed != null ? testbed : testbedOf(run, results.toString());
        Optional<BaselineFile> stored = store.read(bed);
        Optional<Path> created = Optional.empty();
        if (stored.isEmpty()) {
            BaselineStore.UpdateResult update = store.update(bed, run, config.baselineManagement(), false, Instant.now());
            created = Optional.of(update.file());
            stored = Optional.of(update.baselines()); // as written: the file is not read back
        }
        Path file = store.file(bed);
        GateResult result = testbed(bed).judge(
                ComparisonInputs.requireUsable(ComparisonInputs.ofBaselines(stored.get(), file, bed), file),
                ComparisonInputs.requireUsable(ComparisonInputs.ofRun(run, ResultFiles.isJmhJson(root), results, bed), results),
                file);
        return created.isEmpty() ? result
                : new GateResult(result.config(), result.report(), result.trends(), created, result.warnings());
    }

    /** The testbed a run belongs to, from the machine it names; an error when it names none (a raw JMH file). */
    public static String testbedOf(ResultSet run, String source) {
        if (run.info().cpu() == null || run.info().cpu().isBlank() || "unknown".equals(run.info().cpu())
                || run.info().cores() <= 0) {
            throw new IllegalArgumentException(source + " does not say which machine made it (a raw JMH file?);"
                    + " name the testbed (lb: --testbed NAME)");
        }
        return run.info().testbed();
    }
}
