package io.latentbench.workbench.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The imports every session starts with: those of {@code scripts/startup.jsh} (what {@code lb jshell}
 * starts with, packaged beside this class), the Bench facade's package and the notebook functions.
 * An import whose package is not on the class path is skipped without a word.
 */
public final class StartupImports {

    /** Imports of the kernel's own, after the shared ones. */
    static final List<String> KERNEL_ONLY = List.of(
            "io.latentbench.workbench.bench.*",
            "io.latentbench.workbench.results.*",
            "static io.latentbench.workbench.kernel.Notebook.*",
            "io.latentbench.workbench.kernel.timeit.TimeitResult",
            "io.latentbench.workbench.kernel.helpers.*",
            "static io.latentbench.workbench.kernel.timeit.Timeit.timeit");

    private StartupImports() {
    }

    /** What follows {@code import} in each import statement, in order and without repeats. */
    public static List<String> imports() {
        List<String> out = new ArrayList<>();
        try (InputStream in = StartupImports.class.getResourceAsStream("startup.jsh")) {
            if (in == null) {
                throw new IllegalStateException("startup.jsh is missing from the kernel's class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.startsWith("import ") && l.endsWith(";")) {
                    out.add(l.substring("import ".length(), l.length() - 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String extra : KERNEL_ONLY) {
            if (!out.contains(extra)) {
                out.add(extra);
            }
        }
        return out;
    }
}
