package io.latentbench.workbench.kernel.jupyter;

import java.util.function.Consumer;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * The shell or control channel with a read loop of its own: jjava-jupyter's loop dies on the first message it
 * cannot verify or parse, this one logs and drops such a message and serves the next.
 */
final class GuardedShellChannel extends ShellChannel {

    private static final int POLL_MILLIS = 100;

    private final String name;
    private final boolean isControl;
    private final GuardedConnection connection;
    private final WireReader reader;
    private final Consumer<String> log;
    private volatile boolean running;
    private volatile Thread loop;

    GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, GuardedConnection connection,
                        WireReader reader, Consumer<String> log) {
        super(context, hmac, isControl, connection);
        this.name = isControl ? "control" : "shell";
        this.isControl = isControl;
        this.connection = connection;
        this.reader = reader;
        this.log = log;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException("the " + name + " channel is already bound");
        }
        bind(formatAddress(props.getTransport(), props.getIp(), isControl ? props.getControlPort() : props.getShellPort()));
        running = true;
        Thread thread = new Thread(this::serve, "latentbench-" + name);
        loop = thread;
        thread.start();
    }

    private void serve() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                if (poller.poll(POLL_MILLIS) > 0 && running) {
                    serveOne();
                }
            }
        } catch (RuntimeException e) {
            // a socket closed under the poll while shutting down ends the loop; anything else is worth a line
            if (running) {
                log.accept("kernel: the " + name + " channel stopped: " + e);
            }
        } finally {
            poller.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serveOne() {
        WireReader.Read read = reader.read(this);
        switch (read) {
            case null -> { }
            case WireReader.Dropped dropped -> log.accept("kernel: dropped a message on " + name + ": " + dropped.reason());
            case WireReader.Accepted accepted -> {
                Message<?> message = accepted.message();
                ShellHandler handler = connection.getHandler(message.getHeader().getType());
                if (handler == null) {
                    log.accept("kernel: no handler on " + name + " for " + message.getHeader().getType().getName());
                    return;
                }
                ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
                try {
                    handler.handle(env, message);
                } catch (Exception e) {
                    log.accept("kernel: " + message.getHeader().getType().getName() + " on " + name + " failed: " + e);
                } finally {
                    env.resolveDeferrals();
                }
                if (env.isMarkedForShutdown()) {
                    connection.close();
                }
            }
        }
    }

    /** The next message that passes verification; the ones that do not are logged and skipped. */
    @Override
    public synchronized Message<?> readMessage() {
        return closed ? null : reader.next(this, name, log);
    }

    @Override
    public void close() {
        running = false;
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                // the loop sees the flag within one poll; a handler still running a cell is not waited for
                thread.join(2L * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
