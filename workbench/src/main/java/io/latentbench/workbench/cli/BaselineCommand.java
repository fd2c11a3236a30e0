package io.latentbench.workbench.cli;

import io.latentbench.workbench.regress.RegressionGate;
import io.latentbench.workbench.regress.baseline.BaselineException;
import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineStore;
import io.latentbench.workbench.regress.baseline.HistoryEntry;
import io.latentbench.workbench.regress.config.BaselineManagement;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.report.BaselineSummary;
import io.latentbench.workbench.results.ResultFiles;
import io.latentbench.workbench.results.ResultSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lb baseline update|show|history|prune}: the committed baselines per testbed. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Update, show, list and prune the baselines of a testbed.",
        subcommands = {
            BaselineCommand.Update.class, BaselineCommand.Show.class,
            BaselineCommand.History.class, BaselineCommand.Prune.class, BaselineCommand.Testbed.class,
        })
public final class BaselineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "baselines", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The baselines directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--testbed", paramLabel = "NAME", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Machine class. update: default from the results (CPU model and vector ISA, cores, JDK major);"
                    + " others: default the only testbed in DIR.")
    String testbed;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    BaselineStore store() {
        return new BaselineStore(dir);
    }

    /** The testbed given, or the only one in the directory. */
    String existingTestbed() {
        if (testbed != null) {
            return testbed;
        }
        if (!Files.isDirectory(dir)) {
            throw new BaselineException("baselines directory " + dir + " does not exist");
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<String> names = list.filter(p -> Files.isRegularFile(p.resolve("baselines.json")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            if (names.size() == 1) {
                return names.getFirst();
            }
            throw new IllegalArgumentException(names.isEmpty()
                    ? "no testbed has baselines in " + dir
                    : "several testbeds in " + dir + " " + names + "; choose one with --testbed");
        } catch (IOException e) {
            throw new BaselineException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            exitCodeOnInvalidInput = ErrorGuard.FAILED, exitCodeOnExecutionException = ErrorGuard.FAILED,
            description = {
                "Merge a run's results into the testbed's baselines (atomic write, history copy, pruning).",
                "Refused when require_approval is set unless --approve is given.",
            })
    static final class Update implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--results", required = true, paramLabel = "FILE", description = "results.json or raw JMH JSON.")
        Path results;

        @Mixin
        ConfigChoice config;

        @Option(names = "--approve", description = "Approve the update when require_approval = true.")
        boolean approve;

        @Option(names = "--auto", description = "An automatic CI update: skipped (exit 0) unless auto_update_main = true"
                + " and no approval is required.")
        boolean auto;

        @Option(names = "--replace", description = "Drop baselines of benchmarks this run did not measure.")
        boolean replace;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return ErrorGuard.guarded("baseline update", spec.commandLine().getErr(), () -> {
                RegressionConfig cfg = config.load();
                BaselineManagement m = cfg.baselineManagement();
                if (auto && !m.autoUpdateMain()) {
                    out.println("baseline update skipped: auto_update_main = false in " + cfg.source());
                    out.flush();
                    return 0;
                }
                if (m.requireApproval() && (auto || !approve)) {
                    if (auto) {
                        out.println("baseline update skipped: require_approval = true in " + cfg.source()
                                + "; run lb baseline update --approve by hand");
                        out.flush();
                        return 0;
                    }
                    throw new IllegalArgumentException("baseline update needs approval (require_approval = true in "
                            + cfg.source() + "); rerun with --approve");
                }
                ResultSet set = ResultFiles.read(results);
                String tb = parent.testbed != null ? parent.testbed : RegressionGate.testbedOf(set, results.toString());
                BaselineStore.UpdateResult r = parent.store().update(tb, set, m, replace, Instant.now());
                out.println("Updated " + r.file() + ": " + r.updated() + " benchmark(s) from " + results
                        + (r.kept() > 0 ? ", " + r.kept() + " kept from before" : ""));
                r.historyFile().ifPresent(h -> out.println("History: " + h
                        + (r.pruned() > 0 ? " (pruned " + r.pruned() + " old file(s))" : "")));
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "testbed", mixinStandardHelpOptions = true,
            exitCodeOnInvalidInput = ErrorGuard.FAILED, exitCodeOnExecutionException = ErrorGuard.FAILED,
            description = "Print the testbed a results file belongs to (--testbed, if given, wins): for scripts.")
    static final class Testbed implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--results", required = true, paramLabel = "FILE", description = "results.json.")
        Path results;

        @Override
        public Integer call() {
            return ErrorGuard.guarded("baseline testbed", spec.commandLine().getErr(), () -> {
                String tb = parent.testbed != null ? parent.testbed : RegressionGate.testbedOf(ResultFiles.read(results), results.toString());
                parent.store().file(tb); // validates the name
                spec.commandLine().getOut().println(tb);
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, exitCodeOnExecutionException = ErrorGuard.FAILED,
            description = "Print the testbed's baselines as a table.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return ErrorGuard.guarded("baseline show", spec.commandLine().getErr(), () -> {
                String tb = parent.existingTestbed();
                Path file = parent.store().file(tb);
                BaselineFile f = parent.store().read(tb)
                        .orElseThrow(() -> new BaselineException("testbed " + tb + " has no baselines file " + file));
                spec.commandLine().getOut().print(BaselineSummary.markdown(f, file.toString()));
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, exitCodeOnExecutionException = ErrorGuard.FAILED,
            description = "List the saved baseline history, oldest first.")
    static final class History implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return ErrorGuard.guarded("baseline history", spec.commandLine().getErr(), () -> {
                String tb = parent.existingTestbed();
                List<HistoryEntry> entries = parent.store().history(tb);
                if (entries.isEmpty()) {
                    out.println("No history for testbed " + tb + " in " + parent.store().historyDir(tb));
                }
                for (HistoryEntry e : entries) {
                    String count;
                    try {
                        count = BaselineStore.load(e.file()).baselines().size() + " benchmarks";
                    } catch (BaselineException ex) {
                        count = "unreadable: " + ex.getMessage();
                    }
                    out.println(e.stamp() + "  " + e.commit() + "  " + count + "  " + e.file().getFileName());
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            exitCodeOnInvalidInput = ErrorGuard.FAILED, exitCodeOnExecutionException = ErrorGuard.FAILED,
            description = "Delete the oldest history files beyond max_history_count (or --keep).")
    static final class Prune implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigChoice config;

        @Option(names = "--keep", paramLabel = "N", description = "Keep this many (default: max_history_count).")
        Integer keep;

        @Override
        public Integer call() {
            return ErrorGuard.guarded("baseline prune", spec.commandLine().getErr(), () -> {
                String tb = parent.existingTestbed();
                int n = keep != null ? keep : config.load().baselineManagement().maxHistoryCount();
                int removed = parent.store().prune(tb, n);
                spec.commandLine().getOut().println("Pruned " + removed + " history file(s) of " + tb + "; kept at most " + n);
                spec.commandLine().getOut().flush();
                return 0;
            });
        }
    }
}
