package io.github.bootimage.kmod;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The release ({@code uname -r}) of an x86 kernel image, from its setup header (Linux
 * {@code Documentation/x86/boot.rst}): {@code kernel_version} at 0x20E points, minus 0x200, to a NUL-terminated
 * string such as {@code 6.1.0-57-amd64 (debian-kernel@lists.debian.org) #1 SMP ...} whose first word is the release.
 */
public final class KernelRelease {
    private static final int HEADER_MAGIC = 0x202;
    private static final int PROTOCOL_VERSION = 0x206;
    private static final int KERNEL_VERSION = 0x20E;
    private static final int HDRS = 0x53726448; // "HdrS", little-endian
    private static final int MAX_VERSION_STRING = 512;

    private KernelRelease() {
    }

    public static String of(Path kernel) throws BootImageException {
        try (FileChannel ch = FileChannel.open(kernel)) {
            ByteBuffer header = read(ch, 0, 0x240);
            if (header.limit() < 0x240 || header.getInt(HEADER_MAGIC) != HDRS
                    || Short.toUnsignedInt(header.getShort(PROTOCOL_VERSION)) < 0x0200) {
                throw new BootImageException(kernel + " is not an x86 bzImage (no \"HdrS\" setup header of boot "
                        + "protocol 2.00 or later), so its release cannot be read. Point <kernel> at the vmlinuz file.");
            }
            int pointer = Short.toUnsignedInt(header.getShort(KERNEL_VERSION));
            ByteBuffer text = read(ch, pointer + 0x200L, MAX_VERSION_STRING);
            StringBuilder release = new StringBuilder();
            while (text.hasRemaining()) {
                byte b = text.get();
                if (b == 0 || b == ' ') {
                    break;
                }
                release.append((char) (b & 0xff));
            }
            if (pointer == 0 || release.isEmpty() || !Character.isDigit(release.charAt(0))) {
                throw new BootImageException(kernel + " has no kernel version string in its setup header, so its "
                        + "release cannot be read.");
            }
            return new String(release.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BootImageException("Cannot read the kernel " + kernel + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer read(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
            // positional reads until full or end of file
        }
        return b.flip();
    }
}
