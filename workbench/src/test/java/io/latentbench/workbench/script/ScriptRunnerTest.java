package io.latentbench.workbench.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless script semantics in-process; ScriptsIT runs the same through ./lb jshell. */
class ScriptRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureStdout() {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(originalOut);
    }

    private int run(String... args) {
        return ScriptRunner.run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path script(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void startupFilesRunFirstThenOpenedFilesAndExitTakesTheValueOfAnIntExpression() throws Exception {
        Path helper = script("helper.jsh", "int twice(int x) { return 2 * x; }\n");
        Path main = script("main.jsh", """
                // a comment line, then a method over two lines
                String greet(String who) {
                    return "hello " + who;
                }
                /open %s
                System.out.println(greet("jshell") + " " + twice(21) + " " + Stream.of(1, 2).count());
                /exit twice(3) + 1
                System.out.println("not reached");
                """.formatted(helper));

        int status = run("--startup", "DEFAULT", main.toString());

        assertThat(status).as(stderr()).isEqualTo(7);
        assertThat(stdout()).isEqualTo("hello jshell 42 2\n");
    }

    @Test
    void theFirstFailureStopsTheRunAndLaterFilesDoNotRun() throws Exception {
        Path first = script("first.jsh", "System.out.println(\"first\");\nObject o = null;\no.hashCode();\nSystem.out.println(\"rest\");\n");
        Path second = script("second.jsh", "System.out.println(\"second\");\n");

        int status = run(first.toString(), second.toString());

        assertThat(status).isEqualTo(ScriptRunner.FAILED);
        assertThat(stdout()).isEqualTo("first\n");
        assertThat(stderr()).contains(first + ":3: NullPointerException", "stopped at line 3");
    }

    @Test
    void codeLeftIncompleteAtTheEndAndUnsupportedCommandsAreErrors() throws Exception {
        Path incomplete = script("incomplete.jsh", "int x = 1;\nif (x > 0) {\n    System.out.println(x);\n");
        assertThat(run(incomplete.toString())).isEqualTo(ScriptRunner.FAILED);
        assertThat(stderr()).contains(incomplete + ":2: CompilationException: incomplete code");

        Path vars = script("vars.jsh", "int y = 2;\n/vars\n");
        assertThat(run(vars.toString())).isEqualTo(ScriptRunner.FAILED);
        assertThat(stderr()).contains(vars + ":2: /vars is a jshell command that a headless run does not have");

        Path notInt = script("exit.jsh", "/exit \"done\"\n");
        assertThat(run(notInt.toString())).isEqualTo(ScriptRunner.FAILED);
        assertThat(stderr()).contains("/exit needs an int expression, got \"done\" = done");
    }

    @Test
    void aWrongCommandLineIsAUsageErrorNamingWhatIsWrong() {
        assertThat(run()).isEqualTo(ScriptRunner.USAGE);
        assertThat(stderr()).contains("no script file given");
        assertThat(run("--feedback", "silent", "x.jsh")).isEqualTo(ScriptRunner.USAGE);
        assertThat(stderr()).contains("--feedback is not an option of a headless run");
        assertThat(run(dir.resolve("missing.jsh").toString())).isEqualTo(ScriptRunner.USAGE);
        assertThat(stderr()).contains("no such script file: " + dir.resolve("missing.jsh"));
        assertThat(run("--startup")).isEqualTo(ScriptRunner.USAGE);
        assertThat(stderr()).contains("--startup needs a value");
    }
}
