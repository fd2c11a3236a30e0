package io.latentbench.workbench.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/** A command line run in this JVM, with its exit code and what it printed on stdout and stderr. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** {@code lb ARGS}. */
    static CommandRun lb(String... args) {
        return of(Main.commandLine(), args);
    }

    /** {@code lb run ARGS} with a chosen answer to "is stdout a terminal?" and a chosen standard input. */
    static CommandRun lbRun(BooleanSupplier stdoutIsTerminal, InputStream stdin, String... args) {
        return of(new CommandLine(new RunCommand(stdoutIsTerminal, stdin)), args);
    }
}
