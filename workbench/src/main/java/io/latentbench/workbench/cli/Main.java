package io.latentbench.workbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lb} command line. Each concern adds its own subcommand class here. */
@Command(
        name = "lb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "latentbench: build, benchmark and gate SIMD latent spaces.",
        subcommands = {
            BenchCommand.class,
            ResultsCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            BaselineCommand.class,
            RunCommand.class,
            KernelCommand.class,
        },
        footer = {
            "",
            "Also handled by the launcher itself:",
            "  test     Install what the tests need and is missing, then run every test (mvn verify).",
            "  setup    Only install what the tests need (scripts/setup.sh).",
            "  build    Build without running anything.",
            "  deps     List the dependencies and plugins that have newer releases.",
            "  jshell   Open jshell with latentbench imported ([FILE.jsh]).",
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
