package io.latentbench.workbench.cli;

import io.latentbench.workbench.files.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.notebook.ExecutionListener;
import io.latentbench.workbench.notebook.ExecutionOptions;
import io.latentbench.workbench.notebook.Notebook;
import io.latentbench.workbench.notebook.NotebookExecutor;
import io.latentbench.workbench.notebook.NotebookFormatException;
import io.latentbench.workbench.notebook.Parameterizer;
import io.latentbench.workbench.notebook.RunOutcome;
import io.latentbench.workbench.notebook.html.HtmlExporter;
import io.latentbench.workbench.notebook.params.ParameterFormatException;
import io.latentbench.workbench.notebook.params.ParameterTranslator;
import io.latentbench.workbench.notebook.params.ParameterValues;
import io.latentbench.workbench.notebook.protocol.KernelClient;
import io.latentbench.workbench.notebook.protocol.KernelSpec;
import io.latentbench.workbench.notebook.protocol.KernelSpecFinder;
import io.latentbench.workbench.notebook.protocol.KernelSpecNotFoundException;
import io.latentbench.workbench.notebook.protocol.KernelStartException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lb run}: papermill for the JVM. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Execute a notebook headlessly on a Jupyter kernel, papermill-style.",
            "Parameters go into a cell tagged 'injected-parameters' after the cell tagged 'parameters'; outputs,"
                    + " execution counts and metadata.papermill are recorded in OUT. A failing cell stops the run"
                    + " and adds an error banner.",
        },
        footer = {
            "",
            "Exit codes: 0 every cell ran; 1 a cell failed or timed out (OUT is still written); 2 bad input"
                    + " (notebook, parameters, kernel name, paths; nothing is written); 3 the kernel did not start;"
                    + " 138 the kernel died (OUT is still written).",
        })
public final class RunCommand implements Callable<Integer> {

    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_KERNEL_START = 3;
    static final String DEFAULT_KERNEL = "latentbench";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.ipynb", description = "The notebook to run.")
    Path input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT.ipynb",
            description = "Where to write the executed notebook ('-' for stdout). Default: IN with .out.ipynb.")
    String output;

    @Option(names = {"-p", "--parameters"}, arity = "2", paramLabel = "NAME VALUE", hideParamSyntax = true,
            description = "A parameter; the value is read as int, double, true/false, null, else text. Repeatable.")
    List<String> parameterPairs = new ArrayList<>();

    @Option(names = {"-y", "--parameters-yaml", "--parameters_yaml"}, paramLabel = "YAML",
            description = "Parameters as a YAML mapping, e.g. '{dim: 256, metrics: [cosine, euclidean]}'.")
    List<String> parametersYaml = new ArrayList<>();

    @Option(names = {"-f", "--parameters-file", "--parameters_file"}, paramLabel = "FILE",
            description = "Parameters from a YAML or JSON file (.yaml, .yml, .json).")
    List<Path> parameterFiles = new ArrayList<>();

    @Option(names = {"-k", "--kernel"}, paramLabel = "KERNEL",
            description = "Kernel name. Default: the notebook's metadata.kernelspec.name, else " + DEFAULT_KERNEL + ".")
    String kernel;

    @Option(names = "--cwd", paramLabel = "DIR", description = "Working directory of the kernel. Default: the current one.")
    Path cwd;

    @Option(names = "--execution-timeout", paramLabel = "S",
            description = "Seconds a cell may run before it is interrupted (then killed with its kernel). Default: no limit.")
    Double executionTimeout;

    @Option(names = "--start-timeout", paramLabel = "S", defaultValue = "60",
            description = "Seconds the kernel has to start and answer. Default: ${DEFAULT-VALUE}.")
    double startTimeout;

    @Option(names = "--log-output", description = "Write cell outputs to stderr as they arrive.")
    boolean logOutput;

    @Option(names = "--progress-bar", negatable = true,
            description = "Show progress on stderr. Default: on when attached to a terminal.")
    Boolean progressBar;

    @Option(names = "--prepare-only", description = "Write the parameterized notebook without starting a kernel.")
    boolean prepareOnly;

    @Option(names = "--html", paramLabel = "OUT.html", description = "Also write a self-contained HTML page of the result.")
    Path html;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(err);
        } catch (BadInput e) {
            err.println("lb run: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    private int run(PrintWriter err) throws BadInput {
        Notebook notebook = readNotebook();
        String kernelName = kernel != null ? kernel
                : !notebook.kernelName().isEmpty() ? notebook.kernelName() : DEFAULT_KERNEL;
        Optional<KernelSpec> kernelSpec = findKernel(kernelName);
        if (!(startTimeout > 0)) throw new BadInput("--start-timeout must be a positive number of seconds, got " + startTimeout);
        Path workDir = cwd != null ? cwd : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(workDir)) throw new BadInput("--cwd " + workDir + " is not a directory");
        if (prepareOnly) return prepareOnly(notebook, kernelSpec, kernelName, err);

        // The kernel boots (seconds, for most kernels) while the parameters are read and checked.
        KernelClient session;
        try {
            session = KernelClient.launch(kernelSpec.orElseThrow(), workDir);
        } catch (KernelStartException e) {
            err.println("lb run: " + e.getMessage());
            err.flush();
            return EXIT_KERNEL_START;
        }
        Optional<Path> outputPath;
        try {
            outputPath = checkAndParameterize(notebook, kernelSpec, kernelName, err, workDir);
        } catch (BadInput | RuntimeException e) {
            session.kill();
            throw e;
        }
        ProgressReporter progress = new ProgressReporter(err, progressBar != null ? progressBar : System.console() != null,
                System.console() != null, logOutput);
        ExecutionOptions options = new ExecutionOptions(workDir,
                Optional.ofNullable(executionTimeout).map(s -> Duration.ofMillis(Math.round(s * 1000))),
                Duration.ofMillis(Math.round(startTimeout * 1000)), Duration.ofSeconds(5),
                ExecutionOptions.DEFAULT_HEARTBEAT_INTERVAL, progress);
        RunOutcome outcome;
        try {
            outcome = new NotebookExecutor(kernelSpec.orElseThrow(), options).execute(notebook, session);
        } catch (KernelStartException e) {
            err.println("lb run: " + e.getMessage());
            err.flush();
            return EXIT_KERNEL_START;
        }
        boolean written = write(notebook, outputPath, err);
        describe(outcome, err);
        // A run that went well but left no notebook behind has not done its job.
        return !written && outcome.exitCode() == 0 ? EXIT_BAD_INPUT : outcome.exitCode();
    }

    /** --prepare-only: parameterize and write, no kernel. */
    private int prepareOnly(Notebook notebook, Optional<KernelSpec> kernelSpec, String kernelName, PrintWriter err)
            throws BadInput {
        Optional<Path> outputPath = checkAndParameterize(notebook, kernelSpec, kernelName, err, null);
        NotebookExecutor.resetForRun(notebook);
        return write(notebook, outputPath, err) ? 0 : EXIT_BAD_INPUT;
    }

    /** Checks the rest of the input and parameterizes the notebook; returns where to write it (empty: stdout). */
    private Optional<Path> checkAndParameterize(Notebook notebook, Optional<KernelSpec> kernelSpec, String kernelName,
                                                PrintWriter err, Path workDir) throws BadInput {
        ParameterValues parameters = collectParameters();
        String language = kernelSpec.map(KernelSpec::language).filter(l -> !l.isEmpty())
                .orElseGet(() -> !notebook.language().isEmpty() ? notebook.language()
                        : kernelName.equals(DEFAULT_KERNEL) ? "java" : "");
        Optional<Path> outputPath = outputPath();
        if (html != null) checkWritableParent(html, "--html");
        if (executionTimeout != null && !(executionTimeout > 0)) {
            throw new BadInput("--execution-timeout must be a positive number of seconds, got " + executionTimeout);
        }
        try {
            ParameterTranslator translator = parameters.isEmpty() ? null
                    : ParameterTranslator.forLanguage(language.isEmpty() ? "unknown" : language);
            Parameterizer.parameterize(notebook, parameters.asMap(), translator, w -> warn(err, w));
        } catch (ParameterFormatException e) {
            throw new BadInput(e.getMessage());
        }
        ObjectNode papermill = (ObjectNode) notebook.metadata().get("papermill");
        papermill.put("input_path", input.toString());
        papermill.put("output_path", outputPath.map(Path::toString).orElse("-"));
        if (workDir != null) papermill.put("cwd", workDir.toString());
        papermill.putObject("environment_variables");
        return outputPath;
    }

    private Notebook readNotebook() throws BadInput {
        try {
            return Notebook.read(input);
        } catch (NotebookFormatException e) {
            throw new BadInput(e.getMessage());
        } catch (IOException e) {
            throw new BadInput("cannot read notebook " + input + ": " + e.getMessage());
        }
    }

    private ParameterValues collectParameters() throws BadInput {
        var parameters = new ParameterValues();
        try {
            for (Path file : parameterFiles) parameters.putAll(ParameterValues.fromFile(file));
            for (String yaml : parametersYaml) {
                parameters.putAll(ParameterValues.fromYaml(yaml, "-y '" + yaml + "'"));
            }
        } catch (ParameterFormatException e) {
            throw new BadInput(e.getMessage());
        } catch (IOException e) {
            throw new BadInput("cannot read parameters: " + e.getMessage());
        }
        for (int i = 0; i + 1 < parameterPairs.size(); i += 2) {
            parameters.put(parameterPairs.get(i), ParameterValues.infer(parameterPairs.get(i + 1)));
        }
        return parameters;
    }

    private Optional<KernelSpec> findKernel(String name) throws BadInput {
        try {
            return Optional.of(KernelSpecFinder.fromEnvironment().find(name));
        } catch (KernelSpecNotFoundException e) {
            if (prepareOnly) return Optional.empty(); // no kernel is needed to prepare
            throw new BadInput(e.getMessage() + "; choose one with -k");
        } catch (IOException e) {
            throw new BadInput(e.getMessage());
        }
    }

    private Optional<Path> outputPath() throws BadInput {
        if ("-".equals(output)) return Optional.empty();
        Path path;
        if (output != null) {
            path = Path.of(output);
        } else {
            String name = input.getFileName().toString();
            String stem = name.toLowerCase(Locale.ROOT).endsWith(".ipynb") ? name.substring(0, name.length() - 6) : name;
            path = input.resolveSibling(stem + ".out.ipynb");
        }
        checkWritableParent(path, "OUT");
        return Optional.of(path);
    }

    private static void checkWritableParent(Path path, String what) throws BadInput {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInput(what + " " + path + ": directory " + parent + " does not exist");
        }
        if (Files.isDirectory(path)) throw new BadInput(what + " " + path + " is a directory; expected a file name");
    }

    /** Writes the notebook (and the HTML page); false, with the reason on stderr, if that failed. */
    private boolean write(Notebook notebook, Optional<Path> outputPath, PrintWriter err) {
        try {
            if (outputPath.isPresent()) {
                notebook.write(outputPath.get());
            } else {
                PrintWriter out = spec.commandLine().getOut();
                out.print(notebook.toJson());
                out.flush();
            }
            if (html != null) AtomicFiles.write(html, new HtmlExporter().export(notebook));
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("lb run: could not write the output: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    /** Cells are counted from 1 in the notebook as it was run (with any injected cell, before the error cells). */
    private static void describe(RunOutcome outcome, PrintWriter err) {
        String message = switch (outcome) {
            case RunOutcome.Completed c -> null;
            case RunOutcome.CellFailed f -> "cell " + (f.cellIndex() + 1) + " failed: " + f.ename()
                    + (f.evalue().isEmpty() ? "" : ": " + f.evalue());
            case RunOutcome.TimedOut t -> "cell " + (t.cellIndex() + 1) + " timed out after " + t.seconds() + " s"
                    + (t.kernelKilled() ? "; the kernel was killed" : "");
            case RunOutcome.KernelDied d -> "the kernel died while cell " + (d.cellIndex() + 1) + " ran"
                    + (d.kernelExitCode() >= 0 ? " (exit code " + d.kernelExitCode() + ")" : "");
        };
        if (message != null) {
            err.println("lb run: " + message);
            err.flush();
        }
    }

    private static void warn(PrintWriter err, String warning) {
        err.println("lb run: warning: " + warning);
        err.flush();
    }

    /** Bad input: reported without a stack trace, and nothing is written. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    /** Progress and live output on stderr. */
    static final class ProgressReporter implements ExecutionListener {
        private final PrintWriter err;
        private final boolean progress;
        private final boolean terminal;
        private final boolean logOutput;
        private final long start = System.nanoTime();

        ProgressReporter(PrintWriter err, boolean progress, boolean terminal, boolean logOutput) {
            this.err = err;
            this.progress = progress;
            this.terminal = terminal;
            this.logOutput = logOutput;
        }

        @Override
        public void cellStarted(int ordinal, int total, ObjectNode cell) {
            if (logOutput) {
                err.println("lb run: executing cell " + ordinal + "/" + total);
            } else if (progress && terminal) {
                err.print("\r" + bar(ordinal - 1, total));
            }
            err.flush();
        }

        @Override
        public void output(String msgType, JsonNode content) {
            if (!logOutput) return;
            switch (msgType) {
                case "stream" -> err.print(content.path("text").asText());
                case "execute_result", "display_data" -> {
                    JsonNode text = content.path("data").path("text/plain");
                    if (!text.isMissingNode()) err.println(Notebook.joined(text));
                }
                case "error" -> content.path("traceback").forEach(line -> err.println(line.asText()));
                default -> { }
            }
            err.flush();
        }

        @Override
        public void cellFinished(int ordinal, int total, ObjectNode cell, double seconds) {
            if (!progress) return;
            if (terminal && !logOutput) {
                err.print("\r" + bar(ordinal, total));
                if (ordinal == total) err.println();
            } else {
                err.printf(Locale.ROOT, "lb run: cell %d/%d done in %.2f s%n", ordinal, total, seconds);
            }
            err.flush();
        }

        @Override
        public void runFinished(RunOutcome outcome) {
            if (progress && terminal && !logOutput && !(outcome instanceof RunOutcome.Completed)) err.println();
            err.flush();
        }

        private String bar(int done, int total) {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            return String.format(Locale.ROOT, "Executing [%s%s] %d/%d cells, %.1f s", "#".repeat(filled),
                    " ".repeat(width - filled), done, total, (System.nanoTime() - start) / 1e9);
        }
    }
}
