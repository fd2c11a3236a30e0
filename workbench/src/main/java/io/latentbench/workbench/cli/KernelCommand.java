package io.latentbench.workbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.latentbench.workbench.kernel.KernelInstaller;
import io.latentbench.workbench.notebook.protocol.KernelSpec;
import io.latentbench.workbench.notebook.protocol.KernelSpecFinder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lb kernel install|list}: the Jupyter kernelspec of the latentbench Java kernel. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "The Jupyter kernel for Java with latentbench, Tablesaw and XChart.",
        subcommands = {KernelCommand.Install.class, KernelCommand.ListSpecs.class})
final class KernelCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Where {
        @Option(names = "--user", description = "Into the user's Jupyter data directory (the default).")
        boolean user;

        @Option(names = "--sys-prefix", description = "Into the Python environment that runs Jupyter (sys.prefix).")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Into DIR/share/jupyter/kernels (then set JUPYTER_PATH=DIR/share/jupyter).")
        Path prefix;
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write the kernelspec (reinstalling overwrites it). It names this java, the kernel jars and the JVM flags.")
    static final class Install implements Callable<Integer> {

        @ArgGroup(exclusive = true)
        Where where;

        @Option(names = "--name", defaultValue = KernelInstaller.DEFAULT_NAME,
                description = "Kernelspec name (default: ${DEFAULT-VALUE}); notebooks name it in their metadata.")
        String name;

        @Option(names = "--no-startup-cache",
                description = "Skip the training run that writes the kernel's start-up cache (an AOT cache on JDK 25+, a CDS archive before)."
                        + " Reinstall after a rebuild to refresh the cache.")
        boolean noStartupCache;

        @Override
        public Integer call() throws IOException {
            KernelInstaller.Layout layout = KernelInstaller.Layout.current();
            layout.check();
            Path kernels;
            if (where != null && where.prefix != null) {
                kernels = KernelInstaller.prefixKernelsDir(where.prefix.toAbsolutePath());
            } else if (where != null && where.sysPrefix) {
                Path sysPrefix = pythonSysPrefix();
                if (sysPrefix == null) {
                    System.err.println("lb kernel install: --sys-prefix needs the Python that runs Jupyter, and none was found");
                    return 2;
                }
                kernels = KernelInstaller.prefixKernelsDir(sysPrefix);
            } else {
                kernels = KernelSpecFinder.fromEnvironment().userDataDir().resolve("kernels");
            }
            if (!noStartupCache) {
                System.out.println("Training the kernel's start-up cache (a kernel session's first cells; up to a minute)...");
            }
            Path dir = KernelInstaller.install(kernels, name, layout, !noStartupCache);
            System.out.println("Installed kernelspec " + name + " in " + dir);
            if (where != null && where.prefix != null) {
                System.out.println("Jupyter finds it with JUPYTER_PATH=" + where.prefix.toAbsolutePath().resolve("share/jupyter"));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the kernelspecs found where Jupyter (and lb run) look: JUPYTER_PATH, the user's, the system's.")
    static final class ListSpecs implements Callable<Integer> {
        @Override
        public Integer call() {
            List<KernelSpec> found = KernelSpecFinder.fromEnvironment().all();
            if (found.isEmpty()) {
                System.out.println("No kernelspecs found. Install ours with: lb kernel install");
                return 0;
            }
            int width = found.stream().mapToInt(f -> f.name().length()).max().orElse(4);
            for (KernelSpec f : found) {
                System.out.printf("%s%-" + width + "s  %-24s %s%n", KernelInstaller.isLatentbench(f.argv()) ? "* " : "  ",
                        f.name(), f.displayName(), f.resourceDir());
            }
            System.out.println("(* = the latentbench kernel)");
            return 0;
        }
    }

    /**
     * The sys.prefix of the Python that runs Jupyter: the interpreter on the first line of the
     * {@code jupyter} script, else python3.
     */
    static Path pythonSysPrefix() {
        String python = "python3";
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path jupyter = Path.of(dir, "jupyter");
            if (Files.isRegularFile(jupyter)) {
                try (var lines = Files.lines(jupyter, StandardCharsets.UTF_8)) {
                    String first = lines.findFirst().orElse("");
                    if (first.startsWith("#!") && !first.contains("env ")) {
                        python = first.substring(2).strip().split("\\s+")[0];
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    // keep python3
                }
                break;
            }
        }
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return Path.of(out);
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
