package io.latentbench.workbench.kernel;

import io.latentbench.workbench.files.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the kernelspec of the latentbench kernel where Jupyter looks ({@code lb kernel install}).
 * Finding installed kernelspecs is {@link io.latentbench.workbench.notebook.protocol.KernelSpecFinder}'s.
 */
public final class KernelInstaller {

    public static final String DEFAULT_NAME = "latentbench";
    public static final String DISPLAY_NAME = "Java (latentbench)";
    public static final String MAIN_CLASS = "io.latentbench.workbench.kernel.jupyter.KernelMain";

    /** The JVM options of the kernel: the engine's Vector API, no display. */
    public static final List<String> JVM_OPTIONS = List.of(
            "--add-modules", "jdk.incubator.vector",
            "-Djava.awt.headless=true");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Where the kernel's files are: the java that runs it and the jars.
     *
     * @param kernelJar the shaded kernel jar, first on the class path
     * @param appJar    the workbench jar
     * @param libDir    the workbench's runtime libraries
     */
    public record Layout(Path java, Path kernelJar, Path appJar, Path libDir) {

        /** The layout of a built checkout: {@code workbench/target} under the given root. */
        public static Layout ofTarget(Path java, Path target) {
            return new Layout(java, target.resolve(KernelSession.KERNEL_JAR), target.resolve("latentbench-workbench.jar"),
                    target.resolve("lib"));
        }

        /** The java and jars this process runs with, as the {@code lb} launcher describes them. */
        public static Layout current() {
            String home = System.getProperty("latentbench.home");
            Path target = home != null ? Path.of(home, "workbench", "target")
                    : Path.of(System.getProperty("latentbench.target", "workbench/target"));
            return ofTarget(currentJava(), target.toAbsolutePath().normalize());
        }

        private static Path currentJava() {
            String java = System.getProperty("latentbench.java");
            if (java != null && !java.isBlank()) {
                return Path.of(java).toAbsolutePath();
            }
            return ProcessHandle.current().info().command().map(Path::of)
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        }

        /** Fails with a message naming what is missing, e.g. a build that has not run. */
        public void check() {
            for (Path p : List.of(java, kernelJar, appJar, libDir)) {
                if (!Files.exists(p)) {
                    throw new IllegalStateException("missing " + p + " (build first: ./lb build)");
                }
            }
        }

        public String classpath() {
            return String.join(File.pathSeparator, kernelJar.toString(), appJar.toString(), libDir.resolve("*").toString());
        }
    }

    private KernelInstaller() {
    }

    /**
     * Libraries on the notebook's class path (Tablesaw's classgraph) still call sun.misc.Unsafe's
     * memory methods, and from JDK 23 on the JVM warns about each on stderr: allowed quietly there.
     */
    static final String QUIET_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    /** The kernel.json content for a layout. */
    public static Map<String, Object> kernelJson(Layout layout, String displayName) {
        return kernelJson(layout, displayName, List.of());
    }

    /** The JVM options of the kernel before its class path, for a java of this feature version. */
    static List<String> jvmOptions(int feature) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        if (feature >= 23) {
            options.add(QUIET_UNSAFE);
        }
        return options;
    }

    /** The kernel.json content, with extra JVM options (a start-up cache's) before the class path. */
    static Map<String, Object> kernelJson(Layout layout, String displayName, List<String> extraOptions) {
        List<String> argv = new ArrayList<>();
        argv.add(layout.java().toString());
        argv.addAll(jvmOptions(javaFeatureVersion(layout.java())));
        argv.addAll(extraOptions);
        argv.add("-cp");
        argv.add(layout.classpath());
        argv.add(MAIN_CLASS);
        argv.add("{connection_file}");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", displayName);
        json.put("language", "java");
        // a JVM dies on SIGINT: interrupts come as messages on the control channel
        json.put("interrupt_mode", "message");
        json.put("env", Map.of());
        json.put("metadata", Map.of("debugger", false));
        return json;
    }

    /** The feature version (21, 25, ...) of a java binary: this JVM's when it is this JVM's binary. */
    static int javaFeatureVersion(Path java) {
        Path self = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            if (Files.isSameFile(self, java)) {
                return Runtime.version().feature();
            }
            Process p = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            var m = Pattern.compile("java\\.specification\\.version = (\\d+)").matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Writes (or rewrites) the kernelspec directory {@code kernelsDir/name}.
     *
     * @return the kernelspec directory
     */
    public static Path install(Path kernelsDir, String name, Layout layout) throws IOException {
        return install(kernelsDir, name, layout, false);
    }

    /**
     * Writes (or rewrites) the kernelspec; with {@code startupCache}, also trains the kernel's
     * start-up cache ({@link StartupCache}) into its directory and names it in kernel.json. A
     * training that fails leaves the kernelspec without a cache and says why on stderr.
     */
    public static Path install(Path kernelsDir, String name, Layout layout, boolean startupCache) throws IOException {
        if (!name.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException("a kernel name has letters, digits, '.', '_' and '-' only: " + name);
        }
        String displayName = name.equals(DEFAULT_NAME) ? DISPLAY_NAME : "Java (latentbench: " + name + ")";
        Path dir = kernelsDir.resolve(name.toLowerCase(Locale.ROOT));
        Files.createDirectories(dir);
        int feature = javaFeatureVersion(layout.java());
        List<String> cacheOptions = List.of();
        if (startupCache) {
            var cache = StartupCache.forJava(feature, dir.toAbsolutePath());
            if (cache.isPresent()) {
                try {
                    cache.get().train(layout.java(), jvmOptions(feature), layout.classpath());
                    cacheOptions = cache.get().runOptions();
                } catch (IOException e) {
                    System.err.println("lb kernel install: no start-up cache: " + e.getMessage());
                }
            }
        }
        AtomicFiles.write(dir.resolve("kernel.json"), JSON.writeValueAsString(kernelJson(layout, displayName, cacheOptions)) + "\n");
        return dir;
    }

    /** The kernels directory under an installation prefix ({@code --prefix}, {@code --sys-prefix}). */
    public static Path prefixKernelsDir(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }

    /** Whether a kernelspec's command starts this kernel. */
    public static boolean isLatentbench(List<String> argv) {
        return argv.contains(MAIN_CLASS);
    }
}
