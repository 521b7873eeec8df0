package io.github.bootimage.pgp;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary sibling and moves it into place, so no reader ever sees half a file. */
final class AtomicFile {
    /** The body of a write; may throw {@link BootImageException} with its own message. */
    interface Writer {
        void write(OutputStream out) throws IOException, BootImageException;
    }

    private AtomicFile() {
    }

    static void write(Path target, Writer writer) throws BootImageException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new BootImageException("Cannot write " + target + ": " + e
                    + ". Check that the directory exists, is writable and the disk is not full.", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // The original failure is what the user needs to see; a stray temp file is harmless.
        }
    }
}
