package io.github.bootimage.boot.grub;

import io.github.bootimage.BootImageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The El Torito boot file {@code eltorito.img} as grub-mkimage {@code -O i386-pc-eltorito} lays it out:
 * cdboot.img, diskboot.img, lzma_decompress.img, LZMA core. On CD, the BIOS loads cdboot.img (4 sectors), which
 * reads the rest through the boot-info-table and jumps past diskboot.img; from a hybrid disk, boot_hybrid.img
 * loads diskboot.img, which loads the sectors its blocklist names. The limits are grub-mkimage's: real-mode
 * code loads the core between 0x9000 and 0x78000.
 */
public final class CoreImage {
    public static final int CDBOOT_SIZE = 2048;
    public static final int DISKBOOT_SIZE = 512;
    /** diskboot.img's {@code struct grub_pc_bios_boot_blocklist}: start (u64), len (u16), segment (u16) at its end. */
    public static final int BLOCKLIST_START = DISKBOOT_SIZE - 12;
    private static final int BLOCKLIST_LEN = DISKBOOT_SIZE - 4;
    private static final int BLOCKLIST_SEGMENT = DISKBOOT_SIZE - 2;
    /** GRUB_BOOT_I386_PC_KERNEL_SEG + 512 / 16: where diskboot.img loads the core. */
    private static final int KERNEL_SEGMENT = 0x820;
    /** GRUB_DECOMPRESSOR_I386_PC_COMPRESSED_SIZE and _UNCOMPRESSED_SIZE (include/grub/offsets.h). */
    static final int COMPRESSED_SIZE = 0x08;
    static final int UNCOMPRESSED_SIZE = 0x0c;
    private static final long MAX_DECOMPRESSOR = KernelImage.LINK_ADDR - 0x8200;
    private static final long CORE_END = 0x78000;
    private static final long KERNEL_END = 0x68000;
    private static final int SECTOR = 512;

    private CoreImage() {
    }

    /**
     * @param modules the modules to build in (their dependencies are added)
     * @param config  the embedded config, run by GRUB's rescue parser before normal.mod is loaded
     * @param prefix  the prefix GRUB starts with
     */
    public static byte[] eltorito(GrubPcFiles files, List<String> modules, String config, String prefix)
            throws BootImageException {
        KernelImage kernel = KernelImage.load(files.get("kernel.img"));
        if (kernel.size() + kernel.bssSize() + KernelImage.LINK_ADDR > KERNEL_END) {
            throw tooBig("kernel.img (with .bss) ends at 0x" + Long.toHexString(kernel.size() + kernel.bssSize()
                    + KernelImage.LINK_ADDR) + ", beyond 0x68000");
        }
        List<ModuleSection.Module> objects = new ArrayList<>();
        for (String m : ModuleDependencies.parse(files.text("moddep.lst")).resolve(modules)) {
            objects.add(new ModuleSection.Module(ModuleSection.Type.ELF, files.get(m + ".mod")));
        }
        objects.add(ModuleSection.Module.config(config));
        objects.add(ModuleSection.Module.prefix(prefix));
        byte[] section = new ModuleSection(objects).encode();
        byte[] uncompressed = ByteBuffer.allocate(kernel.size() + section.length).put(kernel.image()).put(section).array();
        byte[] compressed = Lzma.compress(uncompressed);
        byte[] decompressor = decompressor(files, compressed.length, uncompressed.length);
        long coreSize = (long) decompressor.length + compressed.length;
        if (KernelImage.LINK_ADDR + coreSize > CORE_END) {
            throw tooBig("the compressed core is " + coreSize + " bytes; it must end below 0x78000, so at most "
                    + (CORE_END - KernelImage.LINK_ADDR) + " bytes");
        }
        byte[] cdboot = files.get("cdboot.img");
        if (cdboot.length != CDBOOT_SIZE) {
            throw new BootImageException("cdboot.img has " + cdboot.length + " bytes, GRUB's El Torito loader has "
                    + CDBOOT_SIZE + " (the 4 sectors the BIOS loads)");
        }
        return ByteBuffer.allocate((int) (CDBOOT_SIZE + DISKBOOT_SIZE + coreSize)).put(cdboot)
                .put(diskboot(files, (int) ((coreSize + SECTOR - 1) / SECTOR))).put(decompressor).put(compressed).array();
    }

    private static byte[] decompressor(GrubPcFiles files, int compressed, int uncompressed) throws BootImageException {
        byte[] d = files.get("lzma_decompress.img");
        if (d.length > MAX_DECOMPRESSOR || d.length < UNCOMPRESSED_SIZE + 4) {
            throw new BootImageException("lzma_decompress.img has " + d.length + " bytes; GRUB's decompressor "
                    + "must fit between 0x8200 and 0x9000 (at most " + MAX_DECOMPRESSOR + ")");
        }
        ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putInt(COMPRESSED_SIZE, compressed)
                .putInt(UNCOMPRESSED_SIZE, uncompressed);
        return d;
    }

    private static byte[] diskboot(GrubPcFiles files, int sectors) throws BootImageException {
        byte[] d = files.get("diskboot.img");
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        if (d.length != DISKBOOT_SIZE || b.getShort(BLOCKLIST_SEGMENT) != KERNEL_SEGMENT) {
            throw new BootImageException("diskboot.img is not GRUB's i386-pc disk loader (" + d.length + " bytes, "
                    + "expected 512 with its blocklist loading segment 0x820)");
        }
        if (sectors > 0xFFFF) {
            throw tooBig("the core has " + sectors + " sectors, diskboot.img loads at most 65535");
        }
        b.putShort(BLOCKLIST_LEN, (short) sectors);
        return d;
    }

    private static BootImageException tooBig(String why) {
        return new BootImageException("The BIOS GRUB core image is too big for GRUB's real-mode loader and El Torito "
                + "boot: " + why + ". The core holds only kernel.img and the modules to find and read the ISO; a "
                + "grub-pc-bin whose kernel.img or modules grew that much does not fit. Use Debian's grub-pc-bin "
                + "(<grubPc><deb>grub-pc-bin</deb></grubPc>) or <biosBootloader>isolinux</biosBootloader>.");
    }
}
