package io.latentbench.workbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.latentbench.workbench.kernel.KernelInstaller;
import io.latentbench.workbench.notebook.KernelStartTimer;
import io.latentbench.workbench.notebook.protocol.KernelSpec;
import io.latentbench.workbench.notebook.protocol.KernelSpecFinder;
import io.latentbench.workbench.notebook.protocol.KernelSpecNotFoundException;
import io.latentbench.workbench.notebook.protocol.KernelStartException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lb kernel install|list|startup}: the Jupyter kernelspec of the latentbench Java kernel, and its start's timing. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "The Jupyter kernel for Java with latentbench, Tablesaw and XChart.",
        subcommands = {KernelCommand.Install.class, KernelCommand.ListSpecs.class, KernelCommand.Startup.class})
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

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = {"Time an installed kernel's start as lb run starts it, over several starts one after the other:",
                    "ready (launch -> kernel_info reply) and first cell (its execute_request, sent at once -> execute_reply).",
                    "Prints each start, then the median, min and max. For figures to compare, run it on a quiet machine."})
    static final class Startup implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", defaultValue = KernelInstaller.DEFAULT_NAME,
                description = "Kernelspec name (default: ${DEFAULT-VALUE}); any installed kernel, e.g. python3.")
        String name;

        @Option(names = "--starts", defaultValue = "10", paramLabel = "N", description = "Starts to time (default: ${DEFAULT-VALUE}).")
        int starts;

        @Option(names = "--cell", defaultValue = "6 * 7", paramLabel = "CODE", description = "The first cell (default: ${DEFAULT-VALUE}).")
        String cell;

        @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
                description = "Longest wait for a start, then for its first cell (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() throws IOException {
            java.io.PrintWriter out = spec.commandLine().getOut();
            java.io.PrintWriter err = spec.commandLine().getErr();
            if (starts < 1) {
                err.println("lb kernel startup: --starts must be at least 1, not " + starts);
                return 2;
            }
            if (timeoutSeconds < 1) {
                err.println("lb kernel startup: --timeout must be at least 1 second, not " + timeoutSeconds);
                return 2;
            }
            KernelSpec kernel;
            try {
                kernel = KernelSpecFinder.fromEnvironment().find(name);
            } catch (KernelSpecNotFoundException e) {
                err.println("lb kernel startup: " + e.getMessage());
                return 2;
            }
            KernelStartTimer timer = new KernelStartTimer(kernel, Path.of("").toAbsolutePath(), Duration.ofSeconds(timeoutSeconds));
            out.printf("Kernel %s (%s), %d start%s, first cell: %s%n", kernel.name(), kernel.resourceDir(), starts,
                    starts == 1 ? "" : "s", cell.strip().lines().findFirst().orElse(""));
            out.printf("%-7s %10s %15s  %s%n", "start", "ready [s]", "first cell [s]", "shown");
            out.flush();
            List<KernelStartTimer.Start> measured;
            try {
                int[] n = {0};
                measured = timer.measure(cell, starts, s -> {
                    out.printf("%-7d %10.3f %15.3f  %s%n", ++n[0], seconds(s.ready()), seconds(s.firstCell()), oneLine(s.shown()));
                    out.flush();
                });
            } catch (KernelStartException | KernelStartTimer.CellFailedException e) {
                err.println("lb kernel startup: " + e.getMessage());
                return 1;
            }
            KernelStartTimer.Spread ready = KernelStartTimer.readySpread(measured);
            KernelStartTimer.Spread first = KernelStartTimer.firstCellSpread(measured);
            out.printf("%-7s %10.3f %15.3f%n", "median", seconds(ready.median()), seconds(first.median()));
            out.printf("%-7s %10.3f %15.3f%n", "min", seconds(ready.min()), seconds(first.min()));
            out.printf("%-7s %10.3f %15.3f%n", "max", seconds(ready.max()), seconds(first.max()));
            return 0;
        }

        private static double seconds(Duration d) {
            return d.toNanos() / 1e9;
        }

        private static String oneLine(String shown) {
            String line = shown.strip().replace('\n', ' ');
            return line.length() > 40 ? line.substring(0, 37) + "..." : line;
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
