package io.latentbench.workbench.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The one way latentbench writes a file a user or CI reads (results, baselines, reports,
 * notebooks, kernelspecs): into a temporary sibling, then a rename over the target, so no
 * reader ever sees half a file and a failed write leaves the old one in place.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with {@code content} (UTF-8), creating missing parent directories.
     *
     * @throws UncheckedIOException naming the target when anything fails; the target is then untouched
     */
    public static void write(Path target, String content) {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would carry over to the target.
            tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure to write is the one worth reporting
                }
            }
        }
    }
}
