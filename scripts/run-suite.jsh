// run-suite.jsh: run one benchmark suite with small settings through the Bench facade, print its table.
//
//   ./lb jshell scripts/run-suite.jsh
//   LB_SUITE=latency.add LB_PARAMS='dim=64,128' ./lb jshell scripts/run-suite.jsh
//   ./lb jshell -R-Dlb.suite=peers -R-Dlb.forks=2 scripts/run-suite.jsh
//
// The benchmarks run in forked JVMs as in `lb bench` (timing Vector API code inside jshell itself
// would not be representative). Settings, from the environment or -R-D system properties (the
// property wins):
//   LB_SUITE / lb.suite                suite or benchmark (default peers.dotProduct)
//   LB_PARAMS / lb.params              parameter values, "name=v1,v2;name2=v" (default impl=scalar,panama;
//                                      empty: the quick profile's)
//   LB_FORKS / lb.forks                forks per benchmark (default 1)
//   LB_WARMUP / lb.warmup              warmup iterations per fork (default 1)
//   LB_ITERATIONS / lb.iterations      measurement iterations per fork (default 1)
//   LB_ITERATION_MS / lb.iterationMs   length of each iteration in ms (default 200)
//   LB_OUT / lb.out                    a directory to save results.json and the other files in (default: none)
import java.time.Duration;

String setting(String property, String env, String fallback) {
    return System.getProperty(property, System.getenv().getOrDefault(env, fallback));
}
int number(String property, String env, String fallback) {
    String value = setting(property, env, fallback);
    try {
        return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
        throw new IllegalArgumentException(env + " (or -D" + property + ") must be a whole number, got '" + value + "'");
    }
}
String suite = setting("lb.suite", "LB_SUITE", "peers.dotProduct");
String params = setting("lb.params", "LB_PARAMS", "impl=scalar,panama");
Duration iteration = Duration.ofMillis(number("lb.iterationMs", "LB_ITERATION_MS", "200"));
// jshell runs a line as soon as it is a complete snippet, so a call chain keeps its dots at line ends
Bench bench = Bench.suite(suite).
        forks(number("lb.forks", "LB_FORKS", "1")).
        warmup(number("lb.warmup", "LB_WARMUP", "1"), iteration).
        measurement(number("lb.iterations", "LB_ITERATIONS", "1"), iteration);
for (String assignment : params.split(";")) {
    if (assignment.isBlank()) continue;
    String[] nameValues = assignment.split("=", 2);
    if (nameValues.length != 2 || nameValues[0].isBlank() || nameValues[1].isBlank()) {
        throw new IllegalArgumentException("LB_PARAMS: expected name=v1,v2 separated by ';', got '" + assignment + "'");
    }
    bench.param(nameValues[0].strip(), (Object[]) nameValues[1].strip().split("\\s*,\\s*"));
}

BenchResults results = bench.run();
System.out.println();
System.out.print(results.text());
String out = setting("lb.out", "LB_OUT", "");
if (!out.isBlank()) {
    results.save(Path.of(out));
    System.out.println("Saved to " + out);
}
/exit
