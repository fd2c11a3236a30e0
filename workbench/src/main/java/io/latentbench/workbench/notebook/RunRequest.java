package io.latentbench.workbench.notebook;

import io.latentbench.workbench.notebook.params.ParameterValues;
import io.latentbench.workbench.notebook.protocol.KernelSpecFinder;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What to run, as papermill's {@code execute_notebook} takes it.
 *
 * @param input where the notebook comes from
 * @param output where the executed notebook goes
 * @param parameters the values to inject; the input and output paths are templates over them
 * @param kernel the kernel name; empty: the notebook's, else {@link NotebookRunner#DEFAULT_KERNEL}
 * @param language the language to write parameters in; empty: the kernel's, else the notebook's
 * @param prepareOnly parameterize and write without starting a kernel
 * @param reportMode hide the code cells' input ({@code metadata.jupyter.source_hidden})
 * @param kernels where kernelspecs are looked up
 */
public record RunRequest(
        Input input, Output output, ParameterValues parameters, Optional<String> kernel, Optional<String> language,
        boolean prepareOnly, boolean reportMode, KernelSpecFinder kernels) {

    /** Where the notebook is read from. */
    public sealed interface Input {
        /** A path, itself a template over the parameters (papermill's {@code parameterize_path}). */
        record FromFile(String pathTemplate) implements Input {}

        /** Text already read, such as standard input; {@code origin} names it in messages. */
        record FromText(String json, String origin) implements Input {}
    }

    /** Where the executed notebook is written. */
    public sealed interface Output {
        /** A path, itself a template over the parameters; written during the run (autosave) and at its end. */
        record ToFile(String pathTemplate) implements Output {}

        /** Written once, at the end (standard output). */
        record ToWriter(Writer writer) implements Output {}

        /** Not written; the caller takes the notebook from the result. */
        record Nowhere() implements Output {}
    }

    public static RunRequest of(Path input, Path output) {
        return new RunRequest(new Input.FromFile(input.toString()), new Output.ToFile(output.toString()),
                new ParameterValues(), Optional.empty(), Optional.empty(), false, false, KernelSpecFinder.fromEnvironment());
    }

    public RunRequest withParameters(ParameterValues values) {
        return new RunRequest(input, output, values, kernel, language, prepareOnly, reportMode, kernels);
    }

    public RunRequest withKernel(String name) {
        return new RunRequest(input, output, parameters, Optional.of(name), language, prepareOnly, reportMode, kernels);
    }

    public RunRequest withKernels(KernelSpecFinder finder) {
        return new RunRequest(input, output, parameters, kernel, language, prepareOnly, reportMode, finder);
    }
}
