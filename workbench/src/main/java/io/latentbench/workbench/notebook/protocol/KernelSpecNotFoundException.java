package io.latentbench.workbench.notebook.protocol;

import java.nio.file.Path;
import java.util.List;

/** No kernelspec of that name is installed; the message lists what is installed and where we looked. */
public final class KernelSpecNotFoundException extends Exception {

    public KernelSpecNotFoundException(String name, List<String> available, List<Path> searched) {
        super("no kernelspec named '" + name + "' is installed; available: "
                + (available.isEmpty() ? "none" : String.join(", ", available))
                + " (searched " + searched.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("") + ")");
    }
}
