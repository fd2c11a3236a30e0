package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latentbench.workbench.script.CommandRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * binder/postBuild, run as mybinder.org runs it: a real process from the repository root. HOME is a
 * temporary directory and Jupyter's own path variables are removed, so that neither the script nor
 * Jupyter touches the real user's Jupyter dirs; {@code LB_NO_BUILD=1} because this Maven build has
 * just packaged the jars. Then Debian's Jupyter must list the kernel it installed and run a cell on it.
 */
class BinderIT {

    static final String PYTHON = System.getenv().getOrDefault("LATENTBENCH_PYTHON", "/usr/bin/python3");
    static final Path POST_BUILD = CommandRun.ROOT.resolve("binder/postBuild");
    static final Path PYTHON_TESTS = CommandRun.ROOT.resolve("workbench/src/test/python");

    @TempDir
    Path tmp;

    @Test
    void postBuildInstallsTheKernelForTheUserWhereJupyterFindsAndRunsIt() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = isolated(home);

        CommandRun r = CommandRun.run(List.of(POST_BUILD.toString()), CommandRun.ROOT, Duration.ofMinutes(10), CommandRun.applying(env));

        assertThat(r.exitCode()).as(r.output()).isZero();
        Path specDir = home.resolve(".local/share/jupyter/kernels/latentbench");
        checkKernelJson(specDir.resolve("kernel.json"));

        CommandRun list = CommandRun.run(List.of(PYTHON, "-m", "jupyter", "kernelspec", "list"), tmp, Duration.ofMinutes(2),
                CommandRun.applying(env));
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).containsPattern("(?m)^\\s*latentbench\\s+" + Pattern.quote(specDir.toString()) + "\\s*$");

        CommandRun cell = CommandRun.run(List.of(PYTHON, "-c", String.join("\n",
                        "import kernel_client as k",
                        "km, kc, _ = k.start()",
                        "try:",
                        "    reply, outputs, _ = k.execute(kc, 'Math.multiplyExact(6, 7)')",
                        "    print('STATUS', reply['status'])",
                        "    print('RESULT', k.text_result(outputs))",
                        "finally:",
                        "    kc.stop_channels()",
                        "    km.shutdown_kernel(now=True)")),
                PYTHON_TESTS, Duration.ofMinutes(5), e -> {
                    CommandRun.applying(env).accept(e);
                    e.put("PYTHONDONTWRITEBYTECODE", "1");
                    e.put("LATENTBENCH_KERNEL", "latentbench");
                });
        assertThat(cell.exitCode()).as(cell.output()).isZero();
        assertThat(cell.output()).contains("STATUS ok", "RESULT 42");
    }

    @Test
    void onBinderTheKernelGoesIntoTheNotebookServersEnvironment() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path prefix = tmp.resolve("srv/conda/envs/notebook");
        Map<String, String> env = isolated(home);
        env.put("NB_PYTHON_PREFIX", prefix.toString());

        CommandRun r = CommandRun.run(List.of(POST_BUILD.toString()), CommandRun.ROOT, Duration.ofMinutes(10), CommandRun.applying(env));

        assertThat(r.exitCode()).as(r.output()).isZero();
        Path specDir = prefix.resolve("share/jupyter/kernels/latentbench");
        checkKernelJson(specDir.resolve("kernel.json"));
        assertThat(home.resolve(".local/share/jupyter/kernels")).doesNotExist();

        // there the notebook server's Python has this prefix as sys.prefix; Debian's finds it on JUPYTER_PATH
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        CommandRun list = CommandRun.run(List.of(PYTHON, "-m", "jupyter", "kernelspec", "list"), tmp, Duration.ofMinutes(2),
                CommandRun.applying(env));
        assertThat(list.output()).containsPattern("(?m)^\\s*latentbench\\s+" + Pattern.quote(specDir.toString()) + "\\s*$");
    }

    /** The environment with HOME moved and every variable that steers Jupyter's dirs removed. */
    private static Map<String, String> isolated(Path home) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("HOME", home.toString());
        env.put("LB_NO_BUILD", "1");
        for (String name : List.of("JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR",
                "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR", "NB_PYTHON_PREFIX", "VIRTUAL_ENV", "CONDA_PREFIX")) {
            env.put(name, null);
        }
        return env;
    }

    private static void checkKernelJson(Path kernelJson) throws Exception {
        assertThat(kernelJson).exists();
        JsonNode spec = new ObjectMapper().readTree(kernelJson.toFile());
        assertThat(spec.path("display_name").asText()).isEqualTo("Java (latentbench)");
        List<String> argv = new ArrayList<>();
        spec.path("argv").forEach(a -> argv.add(a.asText()));
        assertThat(Path.of(argv.get(0))).as("the java of %s", argv).isExecutable();
        assertThat(argv).contains(KernelInstaller.MAIN_CLASS).endsWith("{connection_file}");
        String classpath = argv.get(argv.indexOf("-cp") + 1);
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
            assertThat(p).as("class path entry %s", entry).exists();
        }
        assertThat(classpath).contains(CommandRun.ROOT.resolve("workbench/target/latentbench-kernel.jar").toString());
    }
}
