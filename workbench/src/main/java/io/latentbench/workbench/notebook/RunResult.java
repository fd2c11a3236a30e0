package io.latentbench.workbench.notebook;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The executed notebook and how the run ended.
 *
 * @param writtenTo the output file, once written (empty for other outputs)
 * @param writeError why writing the output failed, if it did; the run's own outcome is unaffected
 */
public record RunResult(NotebookDocument notebook, RunOutcome outcome, Optional<Path> writtenTo, Optional<String> writeError) {}
