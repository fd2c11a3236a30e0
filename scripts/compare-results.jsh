// compare-results.jsh: compare two results files as `lb compare` does, print the verdicts.
//
//   LB_BASELINE=baselines/<testbed>/baselines.json LB_CURRENT=target/bench/ci/results.json \
//       ./lb jshell scripts/compare-results.jsh
//
// Either side may be a baselines.json, a results.json or a raw JMH JSON file. The exit status is
// lb compare's: 1 on a regression, 2 on improvements only, 0 otherwise (and 1 when the comparison
// fails, with the error shown). Settings, from the environment:
//   LB_BASELINE   the reference side (required)
//   LB_CURRENT    the run to judge (required)
//   LB_CONFIG     thresholds (default baselines/regression_config.toml when it exists, else the built-in defaults)
//   LB_THRESHOLD  one threshold in percent for every benchmark instead of the config's (optional)
import io.latentbench.workbench.regress.Comparer;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.ComparisonInputs;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.config.ConfigLoader;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.report.TextReport;
import java.util.Locale;

Path required(String env) {
    String value = System.getenv(env);
    if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(env + " is not set; expected the path of a baselines.json, results.json or JMH JSON file");
    }
    return Path.of(value);
}
MeasurementSet baseline = ComparisonInputs.read(required("LB_BASELINE"), null);
MeasurementSet current = ComparisonInputs.read(required("LB_CURRENT"), null);
Comparer.requireSameTestbed(baseline, current);

// (a multi-line expression would run as soon as its first line is complete: a method keeps it whole)
RegressionConfig loadConfig() {
    String file = System.getenv().getOrDefault("LB_CONFIG", "");
    if (!file.isBlank()) return ConfigLoader.load(Path.of(file));
    Path standard = Path.of("baselines", "regression_config.toml");
    return Files.isRegularFile(standard) ? ConfigLoader.load(standard) : RegressionConfig.defaults();
}
RegressionConfig config = loadConfig();
String threshold = System.getenv().getOrDefault("LB_THRESHOLD", "");
if (!threshold.isBlank()) config = config.withUniformThreshold(Double.parseDouble(threshold));

ComparisonReport report = new Comparer(config).compare(baseline, current);
System.out.printf("%-48s %-13s %9s %10s%n", "benchmark", "verdict", "change", "threshold");
for (Comparison c : report.comparisons()) {
    String change = c.statistics().map(s -> String.format(Locale.ROOT, "%+.1f%%", s.changePercent())).orElse("");
    System.out.printf(Locale.ROOT, "%-48s %-13s %9s %9.1f%%%n", c.id(), c.verdict().label(), change, c.thresholdPercent());
}
System.out.println();
System.out.print(TextReport.render(report));
/exit report.exitCode()
