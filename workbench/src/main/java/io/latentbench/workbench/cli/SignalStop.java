package io.latentbench.workbench.cli;

import io.latentbench.workbench.notebook.StopSignal;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT during {@code lb run}: instead of the JVM's exit, which would lose the cells run so far, the
 * run is asked to stop; it then writes the notebook with a banner and removes the kernel. A second signal exits at
 * once. The previous handlers come back on close.
 */
final class SignalStop implements AutoCloseable {

    private record Installed(Signal signal, SignalHandler previous) {}

    private final List<Installed> installed = new ArrayList<>();

    static SignalStop install(StopSignal stop) {
        SignalStop signals = new SignalStop();
        signals.handle("TERM", 15, stop);
        signals.handle("INT", 2, stop);
        return signals;
    }

    private void handle(String name, int number, StopSignal stop) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, s -> {
                if (!stop.request("SIG" + name, 128 + number)) Runtime.getRuntime().halt(128 + number);
            });
            installed.add(new Installed(signal, previous));
        } catch (IllegalArgumentException unavailable) {
            // the JVM reserves the signal (e.g. -Xrs) or the platform lacks it: the default behaviour stays
        }
    }

    @Override
    public void close() {
        for (Installed i : installed) Signal.handle(i.signal(), i.previous());
    }
}
