package io.latentbench.workbench.kernel.jupyter;

import java.util.function.Consumer;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/** The stdin channel, whose input replies are verified like every request: a bad one is logged and skipped. */
final class GuardedStdinChannel extends StdinChannel {

    private final WireReader reader;
    private final Consumer<String> log;

    GuardedStdinChannel(ZMQ.Context context, HMACGenerator hmac, WireReader reader, Consumer<String> log) {
        super(context, hmac);
        this.reader = reader;
        this.log = log;
    }

    @Override
    public synchronized Message<?> readMessage() {
        return closed ? null : reader.next(this, "stdin", log);
    }
}
