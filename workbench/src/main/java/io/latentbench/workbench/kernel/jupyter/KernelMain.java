package io.latentbench.workbench.kernel.jupyter;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import io.latentbench.workbench.kernel.KernelSession;
import io.latentbench.workbench.kernel.StartupCache;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel process: {@code java ... io.latentbench.workbench.kernel.jupyter.KernelMain CONNECTION_FILE},
 * as the kernelspec that {@code lb kernel install} writes starts it.
 */
public final class KernelMain {

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

        JupyterKernel kernel = JupyterKernel.start(frontend -> {
            KernelSession session = new KernelSession(frontend, KernelSession.userClasspath());
            Warmup.startInBackground();
            return session;
        }, version == null ? "dev" : version);

        GuardedConnection connection = new GuardedConnection(props, log);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // user code may have left threads running: the kernel ends with its connection
        System.exit(0);
    }
}
