package io.latentbench.workbench.script;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.eval.Evaluation;
import io.latentbench.workbench.kernel.eval.JShellEvaluator;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs jshell scripts ({@code .jsh}) headless, for {@code lb jshell FILE...}: the snippets run in
 * order, and the first one that fails to compile or throws stops the run with its error on stderr
 * and exit status {@value #FAILED}, so that CI can rely on the exit status. (jshell itself prints
 * the error, goes on with the next snippet and exits 0.) Like jshell loading a file, it echoes
 * nothing but what the code prints.
 *
 * <p>Of jshell's commands, a script may use {@code /exit [int expression]} (the exit status) and
 * {@code /open FILE}; any other stops the run as an error.
 */
public final class ScriptRunner implements AutoCloseable {

    /** A snippet failed, or the script used a command a headless run does not have. */
    public static final int FAILED = 1;
    /** The command line was wrong: an unknown option, or no such file. */
    public static final int USAGE = 2;

    /** The imports of jshell's own DEFAULT start-up, which {@code --startup DEFAULT} names. */
    static final String DEFAULT_STARTUP = String.join("\n",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;");

    private final JShellEvaluator evaluator;
    private final PrintStream err;

    /** What a run of one file came to: go on with the next one, or exit with this status. */
    private record Outcome(boolean exit, int status) {
        static final Outcome CONTINUE = new Outcome(false, 0);

        static Outcome exit(int status) {
            return new Outcome(true, status);
        }
    }

    public ScriptRunner(List<String> classpath, PrintStream err) {
        this.evaluator = new JShellEvaluator(classpath);
        this.err = err;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.err);
        } finally {
            System.out.flush();
        }
        // snippet threads of the scripts may still be alive; the script's end is the run's end
        System.exit(status);
    }

    /**
     * Parses {@code [--startup FILE|DEFAULT]... [--class-path PATH]... FILE...} and runs the start-up
     * files, then the scripts.
     *
     * @return the exit status: 0, the script's {@code /exit} value, {@value #FAILED} or {@value #USAGE}
     */
    public static int run(String[] args, PrintStream err) {
        List<String> startups = new ArrayList<>();
        List<String> classpath = new ArrayList<>(List.of(System.getProperty("java.class.path", "").split(File.pathSeparator)));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--startup", "--class-path", "-cp", "-classpath" -> {
                    if (i + 1 >= args.length) {
                        err.println("lb jshell: " + arg + " needs a value");
                        return USAGE;
                    }
                    String value = args[++i];
                    if (arg.equals("--startup")) {
                        startups.add(value);
                    } else {
                        classpath.addAll(List.of(value.split(File.pathSeparator)));
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        err.println("lb jshell: " + arg + " is not an option of a headless run; expected -R/-J JVM options,"
                                + " --class-path PATH, --startup FILE, then the script files");
                        return USAGE;
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        if (files.isEmpty()) {
            err.println("lb jshell: no script file given");
            return USAGE;
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println("lb jshell: no such script file: " + file);
                return USAGE;
            }
        }
        classpath.removeIf(String::isBlank);
        try (ScriptRunner runner = new ScriptRunner(classpath, err)) {
            for (String startup : startups) {
                Outcome o = startup.equals("DEFAULT") ? runner.runText(DEFAULT_STARTUP, "DEFAULT start-up")
                        : runner.runFile(Path.of(startup));
                if (o.exit()) {
                    return o.status();
                }
            }
            for (Path file : files) {
                Outcome o = runner.runFile(file);
                if (o.exit()) {
                    return o.status();
                }
            }
            return 0;
        }
    }

    private Outcome runFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("lb jshell: no such script file: " + file);
            return Outcome.exit(USAGE);
        } catch (IOException e) {
            err.println("lb jshell: cannot read " + file + ": " + e.getMessage());
            return Outcome.exit(USAGE);
        }
        return runText(text, file.toString());
    }

    /**
     * Feeds the text line by line as jshell does: a line starting with '/' between snippets is a
     * command; code runs as soon as what has been read so far is complete.
     */
    private Outcome runText(String text, String source) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder pending = new StringBuilder();
        int pendingLine = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (pending.toString().isBlank() && isCommand(line)) {
                pending.setLength(0);
                Outcome o = command(line.strip(), source, i + 1);
                if (o.exit()) {
                    return o;
                }
                continue;
            }
            if (pending.toString().isBlank()) {
                pendingLine = i + 1;
            }
            pending.append(line).append('\n');
            if (!evaluator.isComplete(pending.toString()).status().equals("incomplete")) {
                Outcome o = eval(pending.toString(), source, pendingLine);
                pending.setLength(0);
                if (o.exit()) {
                    return o;
                }
            }
        }
        // what is left is incomplete: evaluating it reports it as such
        return pending.toString().isBlank() ? Outcome.CONTINUE : eval(pending.toString(), source, pendingLine);
    }

    private static boolean isCommand(String line) {
        String s = line.strip();
        return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/*");
    }

    private Outcome eval(String code, String source, int line) {
        try {
            evaluator.eval(code);
            return Outcome.CONTINUE;
        } catch (CellException e) {
            return failed(source, line, e);
        }
    }

    private Outcome command(String command, String source, int line) {
        String[] nameArg = command.split("\\s+", 2);
        String name = nameArg[0];
        String arg = nameArg.length > 1 ? nameArg[1].strip() : "";
        switch (name) {
            case "/exit" -> {
                if (arg.isEmpty()) {
                    return Outcome.exit(0);
                }
                Evaluation value;
                try {
                    value = evaluator.eval(arg);
                } catch (CellException e) {
                    return failed(source, line, e);
                }
                if (value.value() instanceof Integer status) {
                    return Outcome.exit(status);
                }
                err.println(source + ":" + line + ": /exit needs an int expression, got " + arg + " = " + value.value());
                return Outcome.exit(FAILED);
            }
            case "/open" -> {
                if (arg.isEmpty()) {
                    err.println(source + ":" + line + ": /open needs a file name");
                    return Outcome.exit(FAILED);
                }
                Path file = Path.of(arg);
                if (!Files.isRegularFile(file)) {
                    err.println(source + ":" + line + ": /open: no such file: " + arg);
                    return Outcome.exit(FAILED);
                }
                return runFile(file);
            }
            default -> {
                err.println(source + ":" + line + ": " + name
                        + " is a jshell command that a headless run does not have; expected /exit or /open");
                return Outcome.exit(FAILED);
            }
        }
    }

    private Outcome failed(String source, int line, CellException e) {
        err.println(source + ":" + line + ": " + e.ename() + ": " + e.evalue());
        for (String l : e.traceback()) {
            err.println("    " + l);
        }
        err.println("lb jshell: " + source + " stopped at line " + line);
        err.flush();
        return Outcome.exit(FAILED);
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
