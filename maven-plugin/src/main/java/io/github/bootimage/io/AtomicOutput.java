package io.github.bootimage.io;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that no reader (a later build, an up-to-date check, QEMU) ever sees half of it: the bytes go
 * to a temporary sibling ({@code .<name>…tmp}, same directory, so the rename stays on one file system), which is
 * moved over the target with {@code ATOMIC_MOVE} at the end and deleted on every failure path.
 *
 * <p>The temporary file is made 0644 before the body runs: {@code createTempFile} makes it 0600, and an image,
 * a signature or a lock file is an ordinary build output that anyone may read. A body that copies attributes
 * (an executable) may change that.
 */
public final class AtomicOutput {
    /** Fills the temporary file, by path (e.g. to open a positional {@code FileChannel}). */
    @FunctionalInterface
    public interface FileBody<E extends Exception> {
        void write(Path tmp) throws IOException, E;
    }

    /** Fills the temporary file through a stream, which is closed afterwards. */
    @FunctionalInterface
    public interface StreamBody<E extends Exception> {
        void write(OutputStream out) throws IOException, E;
    }

    private AtomicOutput() {
    }

    /** Creates the parent directories, runs {@code body} on a temporary sibling and moves it over {@code target}. */
    public static <E extends Exception> void write(Path target, FileBody<E> body) throws IOException, E {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            readableByAll(tmp);
            body.write(tmp);
            moveIntoPlace(tmp, target);
            tmp = null;
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** As {@link #write(Path, FileBody)}, through an unbuffered stream: buffer it if you write small pieces. */
    public static <E extends Exception> void writeStream(Path target, StreamBody<E> body) throws IOException, E {
        AtomicOutput.<E>write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
        });
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeStream(target, out -> out.write(bytes));
    }

    /** Copies {@code from} with its attributes (an executable stays executable). */
    public static void copy(Path from, Path target) throws IOException {
        write(target, tmp -> Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES));
    }

    /**
     * Moves a finished file (or directory) over {@code target} in one rename. Where the file system cannot
     * rename atomically (not the case for a sibling on Linux) it falls back to a plain replacing move.
     */
    public static void moveIntoPlace(Path finished, Path target) throws IOException {
        try {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The one message for an output that could not be written.
     *
     * @param what what the file is, e.g. "the ISO image"
     */
    public static BootImageException failure(String what, Path target, IOException e) {
        Path dir = target.toAbsolutePath().getParent();
        return new BootImageException("Cannot write " + what + " " + target + ": " + reason(e)
                + ". Check free space and permissions of " + dir + ".", e);
    }

    /** A file system error's message is only the path; its class says what went wrong. */
    private static String reason(IOException e) {
        return e instanceof FileSystemException || e.getMessage() == null
                ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
    }

    /** Removes a temporary file or leftover, keeping the original failure as the one to report. */
    public static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original failure is what the user needs to see; a stray temporary file is harmless
        }
    }

    /** Mode 0644, where the file system has POSIX permissions. */
    public static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
