package io.latentbench.workbench.notebook.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecFinderTest {

    @TempDir
    Path dir;

    private Path install(Path root, String name, String json) throws IOException {
        Path kernel = Files.createDirectories(root.resolve("kernels").resolve(name));
        Files.writeString(kernel.resolve("kernel.json"), json);
        return kernel;
    }

    private static String spec(String display) {
        return "{\"argv\": [\"run\", \"-f\", \"{connection_file}\"], \"display_name\": \"" + display
                + "\", \"language\": \"java\", \"interrupt_mode\": \"message\", \"env\": {\"A\": \"1\"}}";
    }

    @Test
    void jupyterPathComesBeforeTheUserDataDir() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Path home = dir.resolve("home");
        install(first, "lb", spec("First"));
        install(second, "lb", spec("Second"));
        install(second, "other", spec("Other"));
        install(home.resolve(".local/share/jupyter"), "lb", spec("User"));
        install(home.resolve(".local/share/jupyter"), "mine", spec("Mine"));

        KernelSpecFinder finder = new KernelSpecFinder(Map.of("JUPYTER_PATH", first + ":" + second), home);
        KernelSpec lb = finder.find("LB");
        assertThat(lb.displayName()).isEqualTo("First");
        assertThat(lb.name()).isEqualTo("lb");
        assertThat(lb.argv()).containsExactly("run", "-f", "{connection_file}");
        assertThat(lb.language()).isEqualTo("java");
        assertThat(lb.interruptsByMessage()).isTrue();
        assertThat(lb.env()).containsEntry("A", "1");
        assertThat(finder.find("mine").displayName()).isEqualTo("Mine");
        assertThat(finder.available()).contains("lb", "other", "mine");
        assertThat(finder.kernelDirs()).startsWith(first.resolve("kernels"), second.resolve("kernels"),
                home.resolve(".local/share/jupyter/kernels"));
        assertThat(finder.kernelDirs()).endsWith(Path.of("/usr/local/share/jupyter/kernels"), Path.of("/usr/share/jupyter/kernels"));
    }

    @Test
    void dataDirAndPrefixVariablesAreSearched() throws Exception {
        Path data = dir.resolve("data");
        Path venv = dir.resolve("venv");
        install(data, "a", spec("A"));
        install(venv.resolve("share/jupyter"), "b", spec("B"));
        KernelSpecFinder finder = new KernelSpecFinder(Map.of("JUPYTER_DATA_DIR", data.toString(), "VIRTUAL_ENV", venv.toString()), dir);
        assertThat(finder.find("a").displayName()).isEqualTo("A");
        assertThat(finder.find("b").displayName()).isEqualTo("B");
    }

    @Test
    void aMissingKernelNamesWhatIsInstalledAndWhereItLooked() throws Exception {
        Path root = dir.resolve("root");
        install(root, "python3", spec("Py"));
        KernelSpecFinder finder = new KernelSpecFinder(Map.of("JUPYTER_PATH", root.toString()), dir);
        assertThatThrownBy(() -> finder.find("latentbench"))
                .isInstanceOf(KernelSpecNotFoundException.class)
                .hasMessageContaining("no kernelspec named 'latentbench'")
                .hasMessageContaining("python3")
                .hasMessageContaining(root.resolve("kernels").toString());
    }

    @Test
    void aBrokenKernelJsonIsAnErrorNamingTheFile() throws Exception {
        Path root = dir.resolve("root");
        Path kernel = install(root, "bad", "{\"display_name\": \"no argv\"}");
        KernelSpecFinder finder = new KernelSpecFinder(Map.of("JUPYTER_PATH", root.toString()), dir);
        assertThatThrownBy(() -> finder.find("bad"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(kernel.resolve("kernel.json").toString()).hasMessageContaining("\"argv\"");
    }
}
