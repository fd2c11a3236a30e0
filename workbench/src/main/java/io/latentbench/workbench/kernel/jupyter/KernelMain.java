package io.latentbench.workbench.kernel.jupyter;

import java.nio.file.Files;
import java.nio.file.Path;

import io.latentbench.workbench.kernel.KernelSession;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
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
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        String version = KernelMain.class.getPackage().getImplementationVersion();

        JupyterKernel kernel = JupyterKernel.start(frontend -> {
            KernelSession session = new KernelSession(frontend, KernelSession.userClasspath());
            Warmup.startInBackground();
            return session;
        }, version == null ? "dev" : version);

        JupyterConnection connection = new JupyterConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // user code may have left threads running: the kernel ends with its connection
        System.exit(0);
    }
}
