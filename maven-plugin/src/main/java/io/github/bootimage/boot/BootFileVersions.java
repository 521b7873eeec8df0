package io.github.bootimage.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which version of each part went into an image, read from the part itself, so the build log says what was
 * built no matter where a file came from: the kernel release from the x86 boot header, and the version
 * strings ISOLINUX, shim, GRUB (its SBAT section) and BusyBox carry. Empty when a file carries none.
 */
public final class BootFileVersions {
    /** Boot protocol 2.00+: the offset, less 0x200, of the NUL-terminated kernel version string. */
    private static final int KERNEL_VERSION = 0x20e;
    private static final int SETUP_START = 0x200;
    /** Version strings sit in the first few MiB of these files; a bounded read keeps a bad input cheap. */
    private static final int SCAN_LIMIT = 16 << 20;
    private static final Pattern ISOLINUX = Pattern.compile("ISOLINUX (\\d[\\d.]*(?: \\d{8})?)");
    private static final Pattern SHIM = Pattern.compile("\\$Version: (\\S+) \\$");
    /** SBAT (shim's secure boot advanced targeting): component,generation,vendor,package,version,url. */
    private static final Pattern GRUB_SBAT = Pattern.compile("(?m)^grub\\.[a-z0-9]+,\\d+,([^,\\n]+),[^,\\n]+,([^,\\n]+),");
    private static final Pattern GRUB_UPSTREAM = Pattern.compile("(?m)^grub,\\d+,[^,\\n]+,grub,([^,\\n]+),");
    private static final Pattern BUSYBOX = Pattern.compile("BusyBox v(\\d[^ \\x00]*(?: \\([^)\\x00]{1,80}\\))?)");

    private BootFileVersions() {
    }

    /** "6.1.0-57-amd64 (debian-kernel@lists.debian.org) #1 SMP ... Debian 6.1.192-3 (...)" of a bzImage. */
    public static Optional<String> kernel(Path bzImage) throws IOException {
        try (InputStream in = Files.newInputStream(bzImage)) {
            byte[] head = in.readNBytes(64 << 10);
            if (head.length < KERNEL_VERSION + 2) {
                return Optional.empty();
            }
            int pointer = Short.toUnsignedInt(ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN)
                    .getShort(KERNEL_VERSION));
            int at = pointer + SETUP_START;
            if (pointer == 0 || at >= head.length) {
                return Optional.empty();
            }
            int end = at;
            while (end < head.length && head[end] != 0 && end - at < 256) {
                end++;
            }
            String v = new String(head, at, end - at, StandardCharsets.US_ASCII).strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
    }

    /** "ISOLINUX 6.04 20200816". */
    public static Optional<String> isolinux(Path isolinuxBin) throws IOException {
        return find(isolinuxBin, ISOLINUX).map(m -> "ISOLINUX " + m.group(1));
    }

    /** "shim 16.1". */
    public static Optional<String> shim(Path shim) throws IOException {
        return find(shim, SHIM).map(m -> "shim " + m.group(1));
    }

    /** "GRUB 2.06-13+deb12u2 (Debian)" from the vendor's SBAT line, else upstream's "GRUB 2.06". */
    public static Optional<String> grub(Path grub) throws IOException {
        Optional<String> vendor = find(grub, GRUB_SBAT).map(m -> "GRUB " + m.group(2) + " (" + m.group(1) + ")");
        return vendor.isPresent() ? vendor : find(grub, GRUB_UPSTREAM).map(m -> "GRUB " + m.group(1));
    }

    /** "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)". */
    public static Optional<String> busybox(Path busybox) throws IOException {
        return find(busybox, BUSYBOX).map(m -> "BusyBox v" + m.group(1));
    }

    private static Optional<Matcher> find(Path file, Pattern pattern) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // ISO-8859-1 maps each byte to one char, so the regex sees the binary's ASCII strings as they are.
            Matcher m = pattern.matcher(new String(in.readNBytes(SCAN_LIMIT), StandardCharsets.ISO_8859_1));
            return m.find() ? Optional.of(m) : Optional.empty();
        }
    }
}
