package io.latentbench.workbench.regress.baseline;

import java.nio.file.Path;

/** One saved state of a testbed's baselines under {@code history/}. */
public record HistoryEntry(Path file, String stamp, String commit) {}
