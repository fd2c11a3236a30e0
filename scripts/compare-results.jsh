// compare-results.jsh: compare two results files as `lb compare` does, print the verdicts.
//
//   LB_BASELINE=baselines/<testbed>/baselines.json LB_CURRENT=target/bench/ci/results.json \
//       ./lb jshell scripts/compare-results.jsh
//
// Either side may be a baselines.json, a results.json or a raw JMH JSON file; the comparison is
// RegressionGate's, as in lb compare. The exit status is lb compare's (with the config's fail_ci): 1 on
// a regression, 2 on improvements only, 0 otherwise (and 1 when the comparison fails, with the error
// shown). Settings, from the environment:
//   LB_BASELINE   the reference side (required)
//   LB_CURRENT    the run to judge (required)
//   LB_CONFIG     thresholds (default baselines/regression_config.toml of the working directory, else of the
//                 checkout lb runs from, else the built-in defaults: the lookup lb compare uses)
//   LB_THRESHOLD  one threshold in percent for every benchmark instead of the config's (optional)
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.GateResult;
import io.latentbench.workbench.regress.RegressionGate;
import io.latentbench.workbench.regress.config.ConfigLoader;
import java.util.Locale;

Path required(String env) {
    String value = System.getenv(env);
    if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(env + " is not set; expected the path of a baselines.json, results.json or JMH JSON file");
    }
    return Path.of(value);
}

// The gate of lb compare: LB_CONFIG, else the one default lookup (baselines/ here, then in the checkout).
// (a multi-line expression would run as soon as its first line is complete: a method keeps it whole)
RegressionGate configuredGate() {
    String file = System.getenv().getOrDefault("LB_CONFIG", "");
    RegressionGate gate = file.isBlank() ? RegressionGate.forBaselines(ConfigLoader.BASELINES)
            : RegressionGate.withConfig(ConfigLoader.load(Path.of(file)));
    String threshold = System.getenv().getOrDefault("LB_THRESHOLD", "");
    return threshold.isBlank() ? gate : gate.threshold(Double.parseDouble(threshold));
}
GateResult result = configuredGate().compare(required("LB_BASELINE"), required("LB_CURRENT"));

System.out.printf("%-48s %-13s %9s %10s%n", "benchmark", "verdict", "change", "threshold");
for (Comparison c : result.report().comparisons()) {
    String change = c.statistics().map(s -> String.format(Locale.ROOT, "%+.1f%%", s.changePercent())).orElse("");
    System.out.printf(Locale.ROOT, "%-48s %-13s %9s %9.1f%%%n", c.id(), c.verdict().label(), change, c.thresholdPercent());
}
System.out.println();
System.out.print(result.text());
/exit result.exitCode()
