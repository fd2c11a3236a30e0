package io.latentbench.workbench.kernel;

import java.util.List;

/**
 * The imports every session starts with. An import whose package is not on the class path (the
 * Bench facade in a build without it, say) is skipped without a word.
 */
public final class StartupImports {

    public static final List<String> IMPORTS = List.of(
            "java.util.*",
            "io.latentbench.engine.*",
            "io.latentbench.workbench.bench.*",
            "io.latentbench.workbench.results.*",
            "tech.tablesaw.api.*",
            "org.knowm.xchart.*",
            "static io.latentbench.workbench.kernel.Notebook.*");

    private StartupImports() {
    }
}
