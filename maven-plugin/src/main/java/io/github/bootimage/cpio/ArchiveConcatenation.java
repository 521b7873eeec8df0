package io.github.bootimage.cpio;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Places existing archives in front of a new one, byte for byte, as the kernel's initramfs format allows:
 * segments follow each other, each starting on a 4-byte boundary, zero bytes between them are skipped, and
 * each segment may be compressed on its own.
 *
 * <p>A base archive to extend is concatenated too, not merged into our tree: the kernel unpacks segments in
 * order and a later entry replaces an earlier one of the same name, so our entries win; the base may be
 * compressed (a distribution's initrd) and is copied without being parsed or re-encoded, which keeps its
 * bytes and makes the result reproducible whenever the base is. The cost is that replaced files stay in the
 * image as dead bytes.
 */
public final class ArchiveConcatenation {
    private ArchiveConcatenation() {
    }

    /** Copies {@code archive} to {@code out} and pads with zeros to the next 4-byte boundary. */
    public static long copyPadded(Path archive, OutputStream out) throws BootImageException {
        long copied;
        try (InputStream in = Files.newInputStream(archive)) {
            copied = in.transferTo(out);
            int pad = (int) ((4 - copied % 4) % 4);
            out.write(new byte[pad]);
            return copied + pad;
        } catch (IOException e) {
            throw new BootImageException("Cannot read the archive " + archive + " to place before the initramfs: "
                    + e.getMessage() + ". Check the path of the prefix/base archive.", e);
        }
    }
}
