package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks that a BusyBox binary can be PID 1 of an initramfs: an ELF executable for the target
 * architecture without a program interpreter ({@code PT_INTERP}), i.e. statically linked. A static-PIE
 * binary has a dynamic section but no interpreter and runs fine, so only {@code PT_INTERP} is refused.
 */
public final class BusyBoxBinary {
    private static final int PT_INTERP = 3;
    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int E_MACHINE = 18;
    private static final int E_PHOFF_64 = 32;
    private static final int E_PHOFF_32 = 28;
    private static final int E_PHENTSIZE_64 = 54;
    private static final int E_PHENTSIZE_32 = 42;

    private BusyBoxBinary() {
    }

    /** Throws a {@link BootImageException} that says how to get a usable BusyBox when the check fails. */
    public static void check(Path busybox, Architecture arch) throws BootImageException {
        try (FileChannel ch = FileChannel.open(busybox, StandardOpenOption.READ)) {
            ByteBuffer header = read(ch, 0, 64);
            if (header.limit() < 52 || header.getInt(0) != 0x7F454C46) {
                throw fail(busybox, "is not an ELF executable");
            }
            header.order(header.get(EI_DATA) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            boolean is64 = header.get(EI_CLASS) == 2;
            int machine = Short.toUnsignedInt(header.getShort(E_MACHINE));
            if (machine != arch.elfMachine() || is64 != arch.is64Bit()) {
                throw fail(busybox, "is built for " + Architecture.describeMachine(machine) + (is64 ? " (64-bit)"
                        : " (32-bit)") + ", but the image is for " + arch.unameName() + ". Use the BusyBox of "
                        + "the target architecture (Debian: busybox-static:" + arch.debianName() + ")");
            }
            long phoff = is64 ? header.getLong(E_PHOFF_64) : Integer.toUnsignedLong(header.getInt(E_PHOFF_32));
            int phentsize = Short.toUnsignedInt(header.getShort(is64 ? E_PHENTSIZE_64 : E_PHENTSIZE_32));
            int phnum = Short.toUnsignedInt(header.getShort((is64 ? E_PHENTSIZE_64 : E_PHENTSIZE_32) + 2));
            ByteBuffer table = read(ch, phoff, phentsize * phnum).order(header.order());
            for (int i = 0; i < phnum; i++) {
                if (table.getInt(i * phentsize) == PT_INTERP) {
                    throw fail(busybox, "is dynamically linked (it has a program interpreter): a dynamic BusyBox "
                            + "cannot run in an initramfs, which has no shared libraries. Use Debian's "
                            + "busybox-static (<busybox><deb>busybox-static</deb></busybox>) or build BusyBox "
                            + "with CONFIG_STATIC=y");
                }
            }
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new BootImageException("Cannot read the BusyBox binary " + busybox + ": " + e.getMessage()
                    + ". Check the 'busybox' parameter.", e);
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining() && ch.read(b, position + b.position()) > 0) {
            // read until full or end of file
        }
        return b.flip();
    }

    private static BootImageException fail(Path busybox, String what) {
        return new BootImageException("The BusyBox binary " + busybox + " " + what + ".");
    }
}
