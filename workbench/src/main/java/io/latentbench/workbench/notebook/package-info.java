/**
 * The notebook executor, papermill's contract on the JVM: the nbformat model, parameter injection,
 * execution on any Jupyter kernel with papermill's metadata, autosave and stop; {@link NotebookRunner}
 * is the facade {@code lb run} calls. Imports {@code notebook.params}, {@code notebook.protocol} and
 * {@code files}; nothing of bench, results, regress or kernel, since it runs any kernel.
 */
package io.latentbench.workbench.notebook;
