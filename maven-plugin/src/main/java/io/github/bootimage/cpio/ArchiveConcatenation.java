package io.github.bootimage.cpio;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

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

    /**
     * The magic numbers the kernel's initramfs unpacker accepts at the start of a segment (init/initramfs.c: newc
     * and newc with CRC; lib/decompress.c: the compressors), as hex.
     */
    private static final List<String> MAGICS = List.of("303730373031", "303730373032", "1f8b", "1f9e", "425a68",
            "5d0000", "fd377a585a00", "894c5a4f", "02214c18", "28b52ffd");
    private static final int PROBE = 512;

    /**
     * Fails unless {@code archive} starts (after zero padding, which the kernel skips) like a segment the kernel
     * unpacks: anything else ends the boot with "Initramfs unpacking failed: invalid magic" and a panic.
     *
     * @param parameter the parameter that named it, for the message
     */
    public static void requireSegment(Path archive, String parameter) throws BootImageException {
        byte[] head;
        try (InputStream in = Files.newInputStream(archive)) {
            head = in.readNBytes(PROBE);
        } catch (IOException e) {
            throw new BootImageException("<" + parameter + "> " + archive + " cannot be read: " + e + ".", e);
        }
        int start = 0;
        while (start < head.length && head[start] == 0) {
            start++;
        }
        if (start == head.length) {
            return; // empty or only padding: the kernel skips it
        }
        String hex = HexFormat.of().formatHex(head, start, Math.min(head.length, start + 6));
        if (MAGICS.stream().anyMatch(hex::startsWith)) {
            return;
        }
        String text = new String(head, start, Math.min(head.length - start, 12), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", ".");
        throw new BootImageException("<" + parameter + "> " + archive + " is not an archive the kernel can unpack as "
                + "part of an initramfs: it starts with '" + text + "' (" + hex + "), not a newc cpio (070701, as "
                + "'cpio -H newc -o' writes) nor gzip, xz, zstd, lz4 (legacy frame), lzma, bzip2 or lzo data. The "
                + "kernel would stop with 'Initramfs unpacking failed: invalid magic'. Point it at an initramfs "
                + "image (e.g. /boot/initrd.img-*) or an early-microcode cpio.");
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
