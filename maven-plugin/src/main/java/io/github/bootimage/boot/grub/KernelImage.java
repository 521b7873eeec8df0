package io.github.bootimage.boot.grub;

import io.github.bootimage.BootImageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * GRUB's i386-pc {@code kernel.img}: a statically linked ELF32 executable (linked at 0x9000). grub-mkimage
 * loads its allocated PROGBITS sections at {@code sh_addr - 0x9000} (grub-mkimagexx.c, non-relocatable
 * targets); the image ends where the last of them ends, .bss is not stored but must still fit below 0x68000.
 *
 * @param image   the loaded sections, the first part of the uncompressed core
 * @param bssSize bytes of .bss after the image
 */
public record KernelImage(byte[] image, long bssSize) {
    public static final long LINK_ADDR = 0x9000;
    private static final int SHT_PROGBITS = 1;
    private static final int SHT_NOBITS = 8;
    private static final int SHF_ALLOC = 2;
    private static final int EM_386 = 3;

    public static KernelImage load(byte[] elf) throws BootImageException {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.length < 52 || b.getInt(0) != 0x464c457f || elf[4] != 1 || elf[5] != 1
                || b.getShort(18) != EM_386) {
            throw new BootImageException("kernel.img is not an ELF32 little-endian i386 file: is it GRUB's "
                    + "usr/lib/grub/i386-pc/kernel.img from grub-pc-bin?");
        }
        long shoff = Integer.toUnsignedLong(b.getInt(32));
        int shentsize = Short.toUnsignedInt(b.getShort(46));
        int shnum = Short.toUnsignedInt(b.getShort(48));
        if (shoff + (long) shentsize * shnum > elf.length || shentsize < 40) {
            throw new BootImageException("kernel.img: section headers beyond the end of the file (truncated?)");
        }
        long end = 0;
        long bssEnd = 0;
        for (int i = 0; i < shnum; i++) {
            int s = (int) (shoff + (long) i * shentsize);
            int type = b.getInt(s + 4);
            long addr = Integer.toUnsignedLong(b.getInt(s + 12));
            long size = Integer.toUnsignedLong(b.getInt(s + 20));
            if ((b.getInt(s + 8) & SHF_ALLOC) == 0 || (type != SHT_PROGBITS && type != SHT_NOBITS)) {
                continue;
            }
            if (addr < LINK_ADDR) {
                throw new BootImageException("kernel.img: section at 0x" + Long.toHexString(addr)
                        + " is below the link address 0x9000; not an i386-pc kernel.img");
            }
            if (type == SHT_PROGBITS) {
                end = Math.max(end, addr - LINK_ADDR + size);
            } else {
                bssEnd = Math.max(bssEnd, addr - LINK_ADDR + size);
            }
        }
        byte[] image = new byte[(int) end];
        for (int i = 0; i < shnum; i++) {
            int s = (int) (shoff + (long) i * shentsize);
            if ((b.getInt(s + 8) & SHF_ALLOC) != 0 && b.getInt(s + 4) == SHT_PROGBITS) {
                int addr = (int) (Integer.toUnsignedLong(b.getInt(s + 12)) - LINK_ADDR);
                int off = b.getInt(s + 16);
                int size = b.getInt(s + 20);
                if (off < 0 || (long) off + size > elf.length) {
                    throw new BootImageException("kernel.img: a section lies beyond the end of the file (truncated?)");
                }
                System.arraycopy(elf, off, image, addr, size);
            }
        }
        return new KernelImage(image, Math.max(0, bssEnd - end));
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    int size() {
        return image.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelImage k && Arrays.equals(image, k.image) && bssSize == k.bssSize;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(image) * 31 + Long.hashCode(bssSize);
    }
}
