package io.latentbench.workbench.kernel;

import java.util.ArrayList;
import java.util.List;

import io.latentbench.workbench.kernel.render.MimeBundle;

/** A frontend that keeps what a session sent it. */
final class RecordingFrontend implements Frontend {

    record Sent(String kind, MimeBundle bundle, String displayId) {
    }

    final List<Sent> sent = new ArrayList<>();

    @Override
    public void display(MimeBundle bundle, String displayId) {
        sent.add(new Sent("display", bundle, displayId));
    }

    @Override
    public void updateDisplay(MimeBundle bundle, String displayId) {
        sent.add(new Sent("update", bundle, displayId));
    }

    @Override
    public void clearOutput(boolean wait) {
        sent.add(new Sent(wait ? "clear-wait" : "clear", null, null));
    }
}
