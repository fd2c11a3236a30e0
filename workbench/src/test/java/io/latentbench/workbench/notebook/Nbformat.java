package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Checks notebooks with Jupyter's own validator (Debian's python3-nbformat, seen by /usr/bin/python3). */
public final class Nbformat {

    public static final String PYTHON = "/usr/bin/python3";

    private static final String SCRIPT = """
            import json, sys, warnings, nbformat
            warnings.simplefilter("error")
            for path in sys.argv[1:]:
                with open(path, encoding="utf-8") as f:
                    nbformat.validate(json.load(f))
            print("valid")
            """;

    private Nbformat() {}

    public static void assertValid(Path... notebooks) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", SCRIPT));
        for (Path p : notebooks) command.add(p.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("nbformat validation of %s:%n%s", List.of(notebooks), output).isZero();
        assertThat(output).contains("valid");
    }
}
