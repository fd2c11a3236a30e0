package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** The README's engine example runs as written, snippet by snippet, in JShell. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRunsInJShell() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("## Engine example.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has an engine example").isTrue();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String engineClasses = Path.of(LatentSpace.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        PrintStream console = System.out;
        // Local execution runs the snippets in this JVM: what they print goes to System.out.
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (JShell shell = JShell.builder()
                .executionEngine("local")
                .compilerOptions("--add-modules", "jdk.incubator.vector")
                .build()) {
            shell.addToClasspath(engineClasses);
            List<String> failures = new ArrayList<>();
            String remaining = block.group(1);
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                assertThat(info.completeness().isComplete()).as("complete snippet at: %s", remaining).isTrue();
                for (SnippetEvent event : shell.eval(info.source())) {
                    if (event.status() == Snippet.Status.REJECTED) {
                        failures.add("rejected: " + info.source() + " "
                                + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                    }
                    if (event.exception() != null) {
                        failures.add("threw: " + info.source() + " " + event.exception());
                    }
                }
                remaining = info.remaining();
            }
            assertThat(failures).isEmpty();
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .matches("(?s)Neighbor\\[id=17, distance=0\\.0] of 10000 with panama-\\d+(/\\d+)?\\s*");
    }
}
