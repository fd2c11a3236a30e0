package io.latentbench.workbench.kernel.jupyter;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import io.latentbench.workbench.kernel.KernelSession;
import io.latentbench.workbench.kernel.StartupCache;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel process: {@code java ... io.latentbench.workbench.kernel.jupyter.KernelMain CONNECTION_FILE},
 * as the kernelspec that {@code lb kernel install} writes starts it.
 */
public final class KernelMain {

    /** How long a fresh session waits for a first cell before the table and chart warm-up starts anyway. */
    private static final Duration WARMUP_GRACE = Duration.ofSeconds(2);

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        // the process's own stderr, the kernel's log: cells redirect System.err to the notebook while they run
        PrintStream stderr = System.err;
        Consumer<String> log = line -> {
            stderr.println(line);
            stderr.flush();
        };
        StartupCache.checkAtStart(log);
        Path connectionFile = Path.of(args[0]);
        ParentWatch.parentPid(System.getenv(ParentWatch.VARIABLE), log).ifPresent(pid -> ParentWatch.watch(pid, () -> {
            log.accept("kernel: the parent process " + pid + " has ended; the kernel exits");
            ParentWatch.removeRuntimeFiles(connectionFile, log);
            Runtime.getRuntime().halt(1);
        }));
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        String version = KernelMain.class.getPackage().getImplementationVersion();

        // The session (JShell, the imports, the compiler's warm-up) takes longer to build than the
        // connection: it builds on a thread of its own meanwhile, and a first cell waits for it. Started
        // here rather than first thing: there it slowed kernel_info (10 interleaved starts: median ready 1.01 s,
        // not 0.95 s, for the same ready + first cell).
        JupyterKernel kernel = JupyterKernel.start(frontend -> new KernelSession(frontend, KernelSession.userClasspath()),
                version == null ? "dev" : version);
        Warmup.startWhen(kernel.afterFirstCell(WARMUP_GRACE));

        GuardedConnection connection = new GuardedConnection(props, log);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // user code may have left threads running: the kernel ends with its connection
        System.exit(0);
    }
}
