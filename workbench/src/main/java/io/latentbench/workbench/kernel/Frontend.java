package io.latentbench.workbench.kernel;

import io.latentbench.workbench.kernel.render.MimeBundle;

/** Where a session's rich output goes: the Jupyter frontend of the request being executed. */
public interface Frontend {

    void display(MimeBundle bundle, String displayId);

    void updateDisplay(MimeBundle bundle, String displayId);

    void clearOutput(boolean wait);
}
