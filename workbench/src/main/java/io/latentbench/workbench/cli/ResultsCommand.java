package io.latentbench.workbench.cli;

import io.latentbench.workbench.files.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.latentbench.workbench.bench.BenchResults;
import io.latentbench.workbench.bench.PeerRatios;
import io.latentbench.workbench.bench.Speedups;
import io.latentbench.workbench.results.ResultFileException;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.ResultSets;
import io.latentbench.workbench.results.ResultTables;
import io.latentbench.workbench.results.TomlSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lb results}: work with result files. */
@Command(
        name = "results",
        mixinStandardHelpOptions = true,
        description = "Merge and show result files (results.json or raw JMH JSON).",
        subcommands = {ResultsCommand.Merge.class, ResultsCommand.Show.class})
public final class ResultsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A file given directly, or the results.json inside a directory given. */
    static Path resultsFile(Path p) {
        return Files.isDirectory(p) ? p.resolve(BenchResults.RESULTS_JSON) : p;
    }

    @Command(
            name = "merge",
            mixinStandardHelpOptions = true,
            description = {
                "Join the outputs of the shards of one run (lb bench --shard i/n).",
                "Writes results.json, benchmark_results.toml and, when every shard has one, jmh-result.json"
                        + " into the output directory. Fails if a benchmark is in two inputs or the inputs come"
                        + " from different commits, testbeds or profiles.",
            })
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output directory.")
        Path out;

        @Parameters(paramLabel = "SHARD", arity = "1..*",
                description = "Shard output directories or their results.json files.")
        List<Path> inputs;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Map<String, ResultSet> parts = new LinkedHashMap<>();
            try {
                Map<Path, Path> seen = new LinkedHashMap<>();
                for (Path in : inputs) {
                    Path file = resultsFile(in);
                    Path same = seen.putIfAbsent(file.toAbsolutePath().normalize(), in);
                    if (same != null) {
                        throw new IllegalArgumentException(in + " and " + same + " are the same results file;"
                                + " give each shard once");
                    }
                    parts.put(in.toString(), ResultFiles.read(file));
                }
                ResultSet merged = ResultSets.merge(parts);
                Files.createDirectories(out);
                ResultFiles.writeResultsJson(merged, out.resolve(BenchResults.RESULTS_JSON));
                TomlSummary.write(merged, out.resolve(BenchResults.TOML_SUMMARY));
                boolean raw = mergeRawJson(inputs, out.resolve(BenchResults.RAW_JMH_JSON));
                PrintWriter o = spec.commandLine().getOut();
                o.printf("merged %d benchmarks from %d inputs into %s%s%n", merged.results().size(), inputs.size(), out,
                        raw ? "" : " (no jmh-result.json: not every input had one)");
                o.flush();
                return 0;
            } catch (ResultFileException | IllegalArgumentException | UncheckedIOException e) {
                err.println("lb results merge: " + e.getMessage());
                err.flush();
                return 1;
            }
        }

        private static boolean mergeRawJson(List<Path> inputs, Path target) throws IOException {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode all = mapper.createArrayNode();
            for (Path in : inputs) {
                Path dir = Files.isDirectory(in) ? in : in.toAbsolutePath().getParent();
                Path raw = dir.resolve(BenchResults.RAW_JMH_JSON);
                if (!Files.isRegularFile(raw)) {
                    return false;
                }
                JsonNode runs = mapper.readTree(raw.toFile());
                if (!runs.isArray()) {
                    throw new ResultFileException(raw + " is not JMH JSON output (an array of runs)");
                }
                all.addAll((ArrayNode) runs);
            }
            AtomicFiles.write(target, mapper.writeValueAsString(all) + "\n");
            return true;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a results.json or raw JMH JSON file as a table, with speedups and peer ratios.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A results.json, a raw JMH JSON file, or an output directory.")
        Path file;

        @Override
        public Integer call() {
            try {
                ResultSet set = ResultFiles.read(resultsFile(file));
                spec.commandLine().getOut().print(ResultTables.text(set));
                spec.commandLine().getOut().print(Speedups.report(set.results()));
                spec.commandLine().getOut().print(PeerRatios.report(set.results()));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (ResultFileException | UncheckedIOException e) {
                spec.commandLine().getErr().println("lb results show: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
        }
    }
}
