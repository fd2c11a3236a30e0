package io.latentbench.workbench.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.notebook.params.ParameterFormatException;
import io.latentbench.workbench.notebook.params.ParameterTranslator;
import io.latentbench.workbench.notebook.params.ParameterValues;
import io.latentbench.workbench.notebook.params.PathTemplate;
import io.latentbench.workbench.notebook.protocol.KernelClient;
import io.latentbench.workbench.notebook.protocol.KernelSpec;
import io.latentbench.workbench.notebook.protocol.KernelSpecNotFoundException;
import io.latentbench.workbench.notebook.protocol.KernelStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The run of one notebook, as papermill's {@code execute_notebook}: resolve the paths over the parameters, read
 * the notebook, inject the parameters, execute it on its kernel ({@link NotebookExecutor}), write it. The
 * command line ({@code lb run}) only turns options into a {@link RunRequest} and the outcome into an exit code.
 */
public final class NotebookRunner {

    public static final String DEFAULT_KERNEL = "latentbench";
    /** The papermill release whose notebook format and metadata this runner writes. */
    public static final String PAPERMILL_VERSION = "2.6.0";

    private NotebookRunner() {}

    /**
     * Runs the request. Bad input throws before anything is written; a kernel that does not start throws
     * {@link KernelStartException}; every other ending is an outcome, with the notebook written as far as it ran.
     */
    public static RunResult run(RunRequest request, ExecutionOptions options)
            throws RunInputException, KernelStartException {
        Map<String, Object> pathParameters = new LinkedHashMap<>();
        pathParameters.put("pm", Map.of("run_uuid", UUID.randomUUID().toString(),
                "current_datetime_local", ZonedDateTime.now(ZoneId.systemDefault()),
                "current_datetime_utc", ZonedDateTime.now(ZoneOffset.UTC)));
        pathParameters.putAll(request.parameters().asMap());
        String inputName;
        NotebookDocument notebook;
        try {
            switch (request.input()) {
                case RunRequest.Input.FromFile f -> {
                    inputName = PathTemplate.format(f.pathTemplate(), pathParameters);
                    notebook = NotebookDocument.read(Path.of(inputName));
                }
                case RunRequest.Input.FromText t -> {
                    inputName = "-";
                    notebook = NotebookDocument.parse(t.json(), t.origin());
                }
            }
        } catch (ParameterFormatException | NotebookFormatException e) {
            throw new RunInputException(e.getMessage());
        } catch (IOException e) {
            throw new RunInputException("cannot read the notebook: " + e.getMessage());
        }
        Optional<Path> outputPath = outputPath(request.output(), pathParameters);
        prepareMetadata(notebook);

        String kernelName = request.kernel().orElseGet(() -> notebook.kernelName().isEmpty() ? DEFAULT_KERNEL : notebook.kernelName());
        Optional<KernelSpec> spec = findKernel(request, kernelName);
        if (!Files.isDirectory(options.cwd())) throw new RunInputException("--cwd " + options.cwd() + " is not a directory");

        // The kernel boots (seconds, for most kernels) while the parameters are injected.
        KernelClient session = null;
        if (!request.prepareOnly() && options.stop().requested().isEmpty()) session = KernelClient.launch(spec.orElseThrow(), options.cwd());
        try {
            parameterize(notebook, request, spec, kernelName, options.listener());
        } catch (RunInputException | RuntimeException e) {
            if (session != null) session.kill();
            throw e;
        }
        ObjectNode papermill = Parameterizer.papermillMetadata(notebook);
        papermill.put("input_path", inputName);
        papermill.put("output_path", outputPath.map(Path::toString).orElse("-"));
        if (request.reportMode()) hideCodeInput(notebook);

        RunOutcome outcome;
        if (session == null) {
            NotebookExecutor.removeErrorCells(notebook);
            outcome = request.prepareOnly() ? new RunOutcome.Completed() : stoppedBeforeStart(options);
        } else {
            papermill.put("cwd", options.cwd().toString());
            Autosave autosave = options.autosave();
            ExecutionOptions withSaver = outputPath.isEmpty() ? options.withAutosave(Autosave.NEVER)
                    : options.withAutosave(new Autosave(autosave.every(), autosave.onCellExecute(),
                            nb -> saveQuietly(nb, outputPath.get(), options.listener())));
            outcome = new NotebookExecutor(spec.orElseThrow(), withSaver).execute(notebook, session);
        }
        Optional<String> writeError = write(notebook, request.output(), outputPath);
        return new RunResult(notebook, outcome, writeError.isEmpty() ? outputPath : Optional.empty(), writeError);
    }

    private static RunOutcome stoppedBeforeStart(ExecutionOptions options) {
        StopSignal.Reason reason = options.stop().requested().orElseThrow();
        return new RunOutcome.Stopped(-1, reason.description(), reason.exitCode());
    }

    private static Optional<Path> outputPath(RunRequest.Output output, Map<String, Object> parameters) throws RunInputException {
        if (!(output instanceof RunRequest.Output.ToFile f)) return Optional.empty();
        Path path;
        try {
            path = Path.of(PathTemplate.format(f.pathTemplate(), parameters));
        } catch (ParameterFormatException e) {
            throw new RunInputException(e.getMessage());
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new RunInputException("OUT " + path + ": directory " + parent + " does not exist");
        }
        if (Files.isDirectory(path)) throw new RunInputException("OUT " + path + " is a directory; expected a file name");
        return Optional.of(path);
    }

    /** What papermill's loader adds: nbformat 4.5 with cell ids, and its metadata record. */
    private static void prepareMetadata(NotebookDocument notebook) {
        notebook.upgradeToLatestMinor();
        ObjectNode papermill = Parameterizer.papermillMetadata(notebook);
        if (!papermill.has("default_parameters")) papermill.putObject("default_parameters");
        if (!papermill.has("parameters")) papermill.putObject("parameters");
        if (!papermill.has("environment_variables")) papermill.putObject("environment_variables");
        papermill.put("version", PAPERMILL_VERSION);
    }

    /** jupyter_client runs kernel name {@code python} on {@code python3} when no kernel of that name exists. */
    private static Optional<KernelSpec> findKernel(RunRequest request, String name) throws RunInputException {
        try {
            try {
                return Optional.of(request.kernels().find(name));
            } catch (KernelSpecNotFoundException e) {
                if (name.equalsIgnoreCase("python")) return Optional.of(request.kernels().find("python3"));
                throw e;
            }
        } catch (KernelSpecNotFoundException e) {
            if (request.prepareOnly()) return Optional.empty(); // no kernel is needed to prepare
            throw new RunInputException(e.getMessage() + "; choose one with -k");
        } catch (IOException e) {
            throw new RunInputException(e.getMessage());
        }
    }

    private static void parameterize(NotebookDocument notebook, RunRequest request, Optional<KernelSpec> spec, String kernelName,
                                     ExecutionListener listener) throws RunInputException {
        ParameterValues parameters = request.parameters();
        String language = request.language()
                .or(() -> spec.map(KernelSpec::language).filter(l -> !l.isEmpty()))
                .orElseGet(() -> !notebook.language().isEmpty() ? notebook.language()
                        : kernelName.equals(DEFAULT_KERNEL) ? "java" : "");
        try {
            ParameterTranslator translator = parameters.isEmpty() ? null
                    : ParameterTranslator.forLanguage(language.isEmpty() ? "unknown" : language);
            Parameterizer.parameterize(notebook, parameters, translator, listener::warning);
        } catch (ParameterFormatException e) {
            throw new RunInputException(e.getMessage());
        }
        if (request.reportMode()) {
            for (JsonNode cell : notebook.cells()) {
                if (NotebookDocument.hasTag(cell, Parameterizer.INJECTED_TAG)) hide((ObjectNode) cell);
            }
        }
    }

    private static void hideCodeInput(NotebookDocument notebook) {
        for (JsonNode cell : notebook.cells()) {
            if (cell.path("cell_type").asText().equals("code")) hide((ObjectNode) cell);
        }
    }

    private static void hide(ObjectNode cell) {
        ObjectNode metadata = (ObjectNode) cell.get("metadata");
        ObjectNode jupyter = metadata.get("jupyter") instanceof ObjectNode j ? j : metadata.putObject("jupyter");
        jupyter.put("source_hidden", true);
    }

    private static void saveQuietly(NotebookDocument notebook, Path path, ExecutionListener listener) {
        try {
            notebook.write(path);
        } catch (IOException | UncheckedIOException e) {
            listener.warning("could not save the notebook during the run: " + e.getMessage());
        }
    }

    private static Optional<String> write(NotebookDocument notebook, RunRequest.Output output, Optional<Path> path) {
        try {
            switch (output) {
                case RunRequest.Output.ToFile f -> notebook.write(path.orElseThrow());
                case RunRequest.Output.ToWriter w -> {
                    w.writer().write(notebook.toJson());
                    w.writer().flush();
                }
                case RunRequest.Output.Nowhere n -> { }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("could not write the output: " + e.getMessage());
        }
    }
}
