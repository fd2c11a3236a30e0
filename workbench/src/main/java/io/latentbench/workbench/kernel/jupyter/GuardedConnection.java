package io.latentbench.workbench.kernel.jupyter;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava-jupyter's connection with the shell, control and stdin channels replaced by ones that verify every
 * message (signature, replay, parse) and drop, with a log line, what fails. The library's own three are
 * created by its constructor but never bound; heartbeat and iopub, which parse nothing, are the library's.
 */
public final class GuardedConnection extends JupyterConnection {

    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private final GuardedStdinChannel guardedStdin;
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** {@code log} receives one line per dropped message; the kernel passes its own stderr, its log file. */
    public GuardedConnection(KernelConnectionProperties props, Consumer<String> log)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        // one history for all channels, as ipykernel's session keeps one
        WireReader reader = new WireReader(hmac, new DigestHistory(DigestHistory.DEFAULT_CAPACITY));
        this.guardedShell = new GuardedShellChannel(context, hmac, false, this, reader, log);
        this.guardedControl = new GuardedShellChannel(context, hmac, true, this, reader, log);
        this.guardedStdin = new GuardedStdinChannel(context, hmac, reader, log);
    }

    @Override
    public void connect() {
        if (connected.compareAndSet(false, true)) {
            heartbeat.bind(props);
            guardedShell.bind(props);
            guardedControl.bind(props);
            guardedStdin.bind(props);
            iopub.bind(props);
            iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        }
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
        // the constructor is protected, so an (empty) subclass of ours calls it
        return new ShellReplyEnvironment(shell, guardedStdin, iopub, context) {
        };
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            guardedShell.close();
            guardedControl.close();
            guardedStdin.close();
            super.close();
            context.close();
        }
    }

    @Override
    public void waitUntilClose() {
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        super.waitUntilClose();
    }
}
