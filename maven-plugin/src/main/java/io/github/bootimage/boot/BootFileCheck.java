package io.github.bootimage.boot;

import io.github.bootimage.BootImageException;
import io.github.bootimage.partition.IsoHybrid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that each boot file is what it claims to be before it goes on an image: a wrong file (a
 * compressed kernel module instead of a bzImage, an unsigned GRUB for shim, BIOS code for UEFI) would
 * only show as a machine that does not boot.
 */
public final class BootFileCheck {
    private static final int PE_MACHINE_X86_64 = 0x8664;

    private BootFileCheck() {
    }

    /** An x86 Linux kernel image: the boot protocol header "HdrS" at 0x202 (Documentation/x86/boot.rst). */
    public static void kernel(String what, Path file) throws BootImageException {
        byte[] head = head(what, file, 0x210);
        if (head.length < 0x206 || !ascii(head, 0x202, 4).equals("HdrS")) {
            throw new BootImageException(what + " " + file + " is not an x86 Linux kernel (bzImage): its boot "
                    + "header 'HdrS' at offset 0x202 is missing. Point it at the vmlinuz file, e.g. /boot/vmlinuz-* "
                    + "of a linux-image package, not a vmlinux ELF, a module or an initrd.");
        }
    }

    /** A UEFI x86_64 application: MZ stub, PE signature, machine 0x8664 (PE/COFF specification §2-3). */
    public static void efiApplication(String what, Path file) throws BootImageException {
        byte[] head = head(what, file, 4096);
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length < 0x40 || !ascii(head, 0, 2).equals("MZ")) {
            throw notEfi(what, file, "no 'MZ' header");
        }
        int pe = b.getInt(0x3c);
        if (pe < 0 || pe + 6 > head.length || !ascii(head, pe, 4).equals("PE\0\0")) {
            throw notEfi(what, file, "no PE signature");
        }
        int machine = Short.toUnsignedInt(b.getShort(pe + 4));
        if (machine != PE_MACHINE_X86_64) {
            throw notEfi(what, file, "machine type 0x" + Integer.toHexString(machine) + " is not x86_64 (0x8664)");
        }
    }

    /** ISOLINUX's loader, with the hybrid signature the isohybrid MBR needs ({@link IsoHybrid} owns the rule). */
    public static void isolinux(String what, Path file) throws BootImageException {
        IsoHybrid.requireHybridIsolinux(head(what, file, IsoHybrid.ISOLINUX_HEAD), what + " " + file);
    }

    /** The isohybrid MBR code (isohdpfx.bin), checked by size before it is read ({@link IsoHybrid} owns the rule). */
    public static void isohybridMbr(String what, Path file) throws BootImageException {
        IsoHybrid.requireMbrCodeSize(size(what, file), what + " " + file);
    }

    /** A syslinux COM32 module such as ldlinux.c32 is an ELF file (syslinux 5 and later). */
    public static void syslinuxModule(String what, Path file) throws BootImageException {
        byte[] head = head(what, file, 4);
        if (head.length < 4 || !ascii(head, 1, 3).equals("ELF") || head[0] != 0x7f) {
            throw new BootImageException(what + " " + file + " is not a syslinux module (an ELF .c32 file). Take "
                    + "usr/lib/syslinux/modules/bios/ldlinux.c32 from Debian's syslinux-common package.");
        }
    }

    private static BootImageException notEfi(String what, Path file, String why) {
        return new BootImageException(what + " " + file + " is not an x86_64 UEFI application (" + why + "). Use "
                + "shimx64.efi.signed from shim-signed and gcdx64.efi.signed from grub-efi-amd64-signed, or "
                + "another PE32+ x86_64 EFI binary.");
    }

    private static long size(String what, Path file) throws BootImageException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BootImageException("Cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] head(String what, Path file, int n) throws BootImageException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new BootImageException("Cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static String ascii(byte[] b, int off, int len) {
        return off + len > b.length ? "" : new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
}
