package io.latentbench.workbench.cli;

import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.notebook.Autosave;
import io.latentbench.workbench.notebook.ExecutionOptions;
import io.latentbench.workbench.notebook.NotebookDocument;
import io.latentbench.workbench.notebook.NotebookRunner;
import io.latentbench.workbench.notebook.ParameterHelp;
import io.latentbench.workbench.notebook.RunInputException;
import io.latentbench.workbench.notebook.RunOutcome;
import io.latentbench.workbench.notebook.RunRequest;
import io.latentbench.workbench.notebook.RunResult;
import io.latentbench.workbench.notebook.StopSignal;
import io.latentbench.workbench.notebook.html.HtmlExporter;
import io.latentbench.workbench.notebook.params.ParameterFormatException;
import io.latentbench.workbench.notebook.params.ParameterValues;
import io.latentbench.workbench.notebook.protocol.KernelSpecFinder;
import io.latentbench.workbench.notebook.protocol.KernelStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lb run}: papermill's command line on the JVM; the run itself is {@link NotebookRunner}. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Execute a notebook headlessly on a Jupyter kernel; takes papermill's command lines.",
            "Parameters go into a cell tagged 'injected-parameters' after the cell tagged 'parameters'; outputs,"
                    + " execution counts and metadata.papermill are recorded in OUT. A failing cell stops the run"
                    + " and adds papermill's error banner. IN and OUT may use parameters: out_{msg}.ipynb.",
        },
        footer = {
            "",
            "Exit codes: 0 every cell ran (or one called sys.exit()/sys.exit(0)); 1 a cell failed or timed out (OUT"
                    + " is still written); 2 bad input (notebook, parameters, kernel name, paths, options; nothing is"
                    + " written); 3 the kernel did not start; 138 the kernel died or stopped answering (OUT is still"
                    + " written); 143/130 stopped by SIGTERM/SIGINT (OUT holds the cells run so far).",
            "",
            "Beyond papermill: typed Java parameters for Java kernels; --html; --request-timeout; exit 138 also for a"
                    + " kernel whose shell stops answering; decimal timeouts.",
            "Deliberately different from papermill:",
            "  - parameter names must be identifiers of the kernel's language (papermill writes any name into the code);",
            "  - -p also reads true/false/null (lower case) as boolean/null, not only True/False/None;",
            "  - a Java parameter declared String takes a -p value as typed (-p sha 744e957: \"744e957\", not inf);",
            "  - without OUT and with a terminal on stdout, OUT is IN with .out.ipynb (papermill: an error);",
            "  - standard input is read only with IN '-', never guessed from a pipe;",
            "  - --engine accepts only nbclient (papermill's default engine) and lb;",
            "  - -f takes .yaml, .yml or .json files only, and -b strict base64 (papermill: any file; stray characters"
                    + " dropped);",
            "  - a kernel whose shell stops answering ends the run (exit 138) after --request-timeout;",
            "  - Python parameter cells are never reformatted with black.",
        })
public final class RunCommand implements Callable<Integer> {

    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_KERNEL_START = 3;
    /** Seconds beyond which a timeout means "no limit": past a century, as with Infinity. */
    private static final double NO_LIMIT_SECONDS = ExecutionOptions.NO_LIMIT.toSeconds();

    @Spec
    CommandSpec spec;

    private final BooleanSupplier stdoutIsTerminal;
    private final InputStream stdin;

    public RunCommand() {
        this(RunCommand::stdoutIsTerminal, System.in);
    }

    /** For tests: what counts as a terminal on stdout, and what standard input is. */
    RunCommand(BooleanSupplier stdoutIsTerminal, InputStream stdin) {
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.stdin = stdin;
    }

    @Parameters(index = "0", paramLabel = "IN.ipynb", description = "The notebook to run; '-' reads standard input.")
    String input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT.ipynb",
            description = "Where to write the executed notebook; '-' for stdout. Default: stdout when IN is '-' or"
                    + " stdout is not a terminal, else IN with .out.ipynb.")
    String output;

    @Option(names = {"-p", "--parameters"}, arity = "2", paramLabel = "NAME VALUE", hideParamSyntax = true,
            description = "A parameter; the value is read as int, float, True/False (or true/false), None (or null),"
                    + " else text; a Java notebook's String parameter takes it as text. Repeatable.")
    List<String> parameterPairs = new ArrayList<>();

    @Option(names = {"-r", "--parameters-raw", "--parameters_raw"}, arity = "2", paramLabel = "NAME VALUE",
            hideParamSyntax = true, description = "A parameter taken as text, as it is. Repeatable.")
    List<String> rawPairs = new ArrayList<>();

    @Option(names = {"-y", "--parameters-yaml", "--parameters_yaml"}, paramLabel = "YAML",
            description = "Parameters as a YAML mapping, e.g. '{dim: 256, metrics: [cosine, euclidean]}'.")
    List<String> parametersYaml = new ArrayList<>();

    @Option(names = {"-f", "--parameters-file", "--parameters_file"}, paramLabel = "FILE",
            description = "Parameters from a YAML or JSON file.")
    List<Path> parameterFiles = new ArrayList<>();

    @Option(names = {"-b", "--parameters-base64", "--parameters_base64"}, paramLabel = "BASE64",
            description = "Parameters as a base64-encoded YAML mapping.")
    List<String> parametersBase64 = new ArrayList<>();

    @Option(names = "--inject-input-path", description = "Add IN's path as parameter PAPERMILL_INPUT_PATH.")
    boolean injectInputPath;

    @Option(names = "--inject-output-path", description = "Add OUT's path as parameter PAPERMILL_OUTPUT_PATH.")
    boolean injectOutputPath;

    @Option(names = "--inject-paths", description = "Both of the above.")
    boolean injectPaths;

    @Option(names = {"-k", "--kernel"}, paramLabel = "KERNEL",
            description = "Kernel name. Default: the notebook's metadata.kernelspec.name, else " + NotebookRunner.DEFAULT_KERNEL + ".")
    String kernel;

    @Option(names = {"-l", "--language"}, paramLabel = "LANGUAGE",
            description = "Language to write parameters in (java, python). Default: the kernel's.")
    String language;

    @Option(names = "--engine", paramLabel = "NAME", description = "Execution engine: nbclient (the default) or lb; both are this executor.")
    String engine;

    @Option(names = "--cwd", paramLabel = "DIR", description = "Working directory of the kernel. Default: the current one.")
    Path cwd;

    @Option(names = "--execution-timeout", paramLabel = "S",
            description = "Seconds a cell may run before it is interrupted (then killed with its kernel). Default: no limit.")
    String executionTimeout;

    @Option(names = {"--start-timeout", "--start_timeout"}, paramLabel = "S", defaultValue = "60",
            description = "Seconds the kernel has to start and answer; Infinity for no limit. Default: ${DEFAULT-VALUE}.")
    String startTimeout;

    @Option(names = "--request-timeout", paramLabel = "S", defaultValue = "30",
            description = "Seconds a kernel has to acknowledge a cell's execute request before it counts as dead"
                    + " (exit 138), even if its heartbeat answers. Default: ${DEFAULT-VALUE}.")
    String requestTimeout;

    @Option(names = "--autosave-cell-every", paramLabel = "S", defaultValue = "30",
            description = "Seconds between saves of OUT during a long cell (atomic; 0 disables). Default: ${DEFAULT-VALUE}.")
    String autosaveEvery;

    @Option(names = "--request-save-on-cell-execute", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Save OUT as each cell starts and ends. Default: on.")
    boolean saveOnCellExecute;

    @Option(names = {"--log-output"}, negatable = true, description = "Write cell outputs to stderr as they arrive.")
    boolean logOutput;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "NOTSET, DEBUG, INFO, WARNING, ERROR or CRITICAL; ERROR and above silence warnings. Default: INFO.")
    String logLevel = "INFO";

    @Option(names = "--stdout-file", paramLabel = "FILE", description = "Also write the cells' stdout to FILE.")
    Path stdoutFile;

    @Option(names = "--stderr-file", paramLabel = "FILE", description = "Also write the cells' stderr to FILE.")
    Path stderrFile;

    @Option(names = "--progress-bar", negatable = true,
            description = "Show progress on stderr. Default: on when attached to a terminal.")
    Boolean progressBar;

    @Option(names = "--prepare-only", negatable = true, description = "Write the parameterized notebook without"
            + " starting a kernel; its outputs stay. (--no-prepare-only is papermill's --prepare-execute.)")
    boolean prepareOnly;

    @Option(names = "--prepare-execute", hidden = true, description = "Execute (the default).")
    boolean prepareExecute;

    @Option(names = "--report-mode", negatable = true, description = "Hide the code cells' input in OUT.")
    boolean reportMode;

    @Option(names = "--help-notebook", description = "List the notebook's parameters (name, type, default, help) and exit.")
    boolean helpNotebook;

    @Option(names = "--html", paramLabel = "OUT.html", description = "Also write a self-contained HTML page of the result.")
    Path html;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(err);
        } catch (BadInput | RunInputException e) {
            err.println("lb run: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    private int run(PrintWriter err) throws BadInput, RunInputException {
        if (engine != null && !engine.equals("nbclient") && !engine.equals("lb")) {
            throw new BadInput("--engine " + engine + " is not known; expected nbclient or lb");
        }
        List<String> levels = List.of("NOTSET", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
        if (!levels.contains(logLevel.toUpperCase(Locale.ROOT))) {
            throw new BadInput("--log-level " + logLevel + " is not one of " + String.join(", ", levels));
        }
        boolean quiet = levels.indexOf(logLevel.toUpperCase(Locale.ROOT)) >= levels.indexOf("ERROR");
        boolean toStdout = "-".equals(output) || output == null && ("-".equals(input) || !stdoutIsTerminal.getAsBoolean());
        String outputName = toStdout ? "-" : output != null ? output : defaultOutput(input);

        ParameterValues parameters = collectParameters(outputName);
        RunRequest.Input in = "-".equals(input) ? new RunRequest.Input.FromText(readStdin(), "standard input")
                : new RunRequest.Input.FromFile(input);
        if (helpNotebook) return helpNotebook(in, err);
        RunRequest.Output out = toStdout ? new RunRequest.Output.ToWriter(spec.commandLine().getOut())
                : new RunRequest.Output.ToFile(outputName);
        if (html != null) checkWritableParent(html, "--html");
        Path workDir = cwd != null ? cwd : Path.of("").toAbsolutePath();

        Optional<Duration> execution = seconds("--execution-timeout", executionTimeout);
        Duration start = seconds("--start-timeout", startTimeout).orElse(ExecutionOptions.NO_LIMIT);
        Duration acknowledge = seconds("--request-timeout", requestTimeout).orElse(ExecutionOptions.NO_LIMIT);
        Duration autosave = autosaveInterval();

        var progress = new ProgressReporter(err, progressBar != null ? progressBar : !toStdout && stdoutIsTerminal.getAsBoolean(),
                System.console() != null, logOutput, quiet);
        StreamFiles streams;
        try {
            streams = StreamFiles.open(stdoutFile, stderrFile);
        } catch (IOException e) {
            throw new BadInput("cannot open " + e.getMessage());
        }
        StopSignal stop = new StopSignal();
        ExecutionOptions options = new ExecutionOptions(workDir, execution, start, Duration.ofSeconds(5),
                ExecutionOptions.DEFAULT_HEARTBEAT_INTERVAL, acknowledge,
                new Autosave(autosave, saveOnCellExecute && !prepareOnly, nb -> { }), stop, progress.and(streams));
        RunRequest request = new RunRequest(in, out, parameters, Optional.ofNullable(kernel), Optional.ofNullable(language),
                prepareOnly && !prepareExecute, reportMode, KernelSpecFinder.fromEnvironment());

        RunResult result;
        try (SignalStop signals = SignalStop.install(stop); streams) {
            result = NotebookRunner.run(request, options);
        } catch (KernelStartException e) {
            err.println("lb run: " + e.getMessage());
            err.flush();
            return EXIT_KERNEL_START;
        }
        boolean written = result.writeError().isEmpty();
        result.writeError().ifPresent(message -> err.println("lb run: " + message));
        if (html != null && written) {
            try {
                AtomicFiles.write(html, new HtmlExporter().export(result.notebook()));
            } catch (UncheckedIOException e) {
                err.println("lb run: could not write the HTML page: " + e.getMessage());
                written = false;
            }
        }
        describe(result.outcome(), err);
        err.flush();
        // A run that went well but left no notebook behind has not done its job.
        return !written && result.outcome().exitCode() == 0 ? EXIT_BAD_INPUT : result.outcome().exitCode();
    }

    private static String defaultOutput(String input) {
        Path in = Path.of(input);
        String name = in.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".ipynb") ? name.substring(0, name.length() - 6) : name;
        return in.resolveSibling(stem + ".out.ipynb").toString();
    }

    private String readStdin() throws BadInput {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput("cannot read the notebook from standard input: " + e.getMessage());
        }
    }

    private int helpNotebook(RunRequest.Input in, PrintWriter err) throws BadInput {
        NotebookDocument notebook;
        try {
            notebook = switch (in) {
                case RunRequest.Input.FromFile f -> NotebookDocument.read(Path.of(f.pathTemplate()));
                case RunRequest.Input.FromText t -> NotebookDocument.parse(t.json(), t.origin());
            };
        } catch (IOException e) {
            throw new BadInput("cannot read notebook " + input + ": " + e.getMessage());
        } catch (io.latentbench.workbench.notebook.NotebookFormatException e) {
            throw new BadInput(e.getMessage());
        }
        ParameterHelp.Help help = ParameterHelp.describe(notebook, input, Optional.ofNullable(language));
        PrintWriter out = spec.commandLine().getOut();
        out.print(help.text());
        out.flush();
        return help.exitCode();
    }

    /**
     * A number of seconds: positive; Infinity, inf or anything beyond a century means no limit (empty); anything
     * else is bad input named with its option, rather than an overflow deep in the clock arithmetic.
     */
    static Optional<Duration> seconds(String option, String text) throws BadInput {
        if (text == null) return Optional.empty();
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("infinity") || t.equals("+inf") || t.equals("+infinity")) return Optional.empty();
        double s;
        try {
            s = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadInput(option + " must be a number of seconds, got '" + text + "'");
        }
        if (!(s > 0)) throw new BadInput(option + " must be a positive number of seconds (or Infinity), got '" + text + "'");
        if (s >= NO_LIMIT_SECONDS) return Optional.empty();
        return Optional.of(Duration.ofNanos(Math.max(1, (long) (s * 1e9))));
    }

    private Duration autosaveInterval() throws BadInput {
        String t = autosaveEvery.strip();
        try {
            double s = Double.parseDouble(t);
            if (s == 0) return Duration.ZERO;
            if (s > 0 && Double.isFinite(s)) return s >= NO_LIMIT_SECONDS ? Duration.ZERO : Duration.ofNanos((long) (s * 1e9));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInput("--autosave-cell-every must be a number of seconds, 0 to disable, got '" + autosaveEvery + "'");
    }

    /** papermill's order: the injected paths, then -b, -f, -y, -p, -r; a later source wins. */
    private ParameterValues collectParameters(String outputName) throws BadInput {
        var parameters = new ParameterValues();
        if (injectInputPath || injectPaths) parameters.put("PAPERMILL_INPUT_PATH", input);
        if (injectOutputPath || injectPaths) parameters.put("PAPERMILL_OUTPUT_PATH", outputName);
        try {
            for (String b : parametersBase64) parameters.putAll(ParameterValues.fromBase64(b, "-b '" + b + "'"));
            for (Path file : parameterFiles) parameters.putAll(ParameterValues.fromFile(file));
            for (String yaml : parametersYaml) parameters.putAll(ParameterValues.fromYaml(yaml, "-y '" + yaml + "'"));
        } catch (ParameterFormatException e) {
            throw new BadInput(e.getMessage());
        } catch (IOException e) {
            throw new BadInput("cannot read parameters: " + e.getMessage());
        }
        for (int i = 0; i + 1 < parameterPairs.size(); i += 2) {
            parameters.putTyped(parameterPairs.get(i), parameterPairs.get(i + 1));
        }
        for (int i = 0; i + 1 < rawPairs.size(); i += 2) parameters.put(rawPairs.get(i), rawPairs.get(i + 1));
        return parameters;
    }

    private static void checkWritableParent(Path path, String what) throws BadInput {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInput(what + " " + path + ": directory " + parent + " does not exist");
        }
        if (Files.isDirectory(path)) throw new BadInput(what + " " + path + " is a directory; expected a file name");
    }

    /** Cells are counted from 1 in the notebook as it was run (with any injected cell, before the error cells). */
    private static void describe(RunOutcome outcome, PrintWriter err) {
        String message = switch (outcome) {
            case RunOutcome.Completed c -> null;
            case RunOutcome.Exited e -> null;
            case RunOutcome.CellFailed f -> "cell " + (f.cellIndex() + 1) + " failed: " + f.ename()
                    + (f.evalue().isEmpty() ? "" : ": " + f.evalue());
            case RunOutcome.TimedOut t -> "cell " + (t.cellIndex() + 1) + " timed out after " + t.seconds() + " s"
                    + (t.kernelKilled() ? "; the kernel was killed" : "");
            case RunOutcome.KernelDied d -> "the kernel died while cell " + (d.cellIndex() + 1) + " ran"
                    + (d.kernelExitCode() >= 0 ? " (exit code " + d.kernelExitCode() + ")" : "");
            case RunOutcome.Stopped s -> "stopped by " + s.reason()
                    + (s.cellIndex() >= 0 ? " at cell " + (s.cellIndex() + 1) : " before the kernel started")
                    + "; the notebook holds the cells run so far";
        };
        if (message != null) err.println("lb run: " + message);
    }

    /** True when stdout is a terminal (Linux: fd 1 is a tty device); the JDK 21 API cannot tell stdout alone. */
    private static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Bad input: reported without a stack trace, and nothing is written. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
