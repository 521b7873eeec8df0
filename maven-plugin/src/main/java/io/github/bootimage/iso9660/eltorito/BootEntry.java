package io.github.bootimage.iso9660.eltorito;

import io.github.bootimage.model.EntryPath;

/**
 * One bootable image of the catalog, always "no emulation" (El Torito §2.3): the firmware loads
 * {@code loadSectors} 512-byte sectors of {@code image} (a file in the tree) and jumps to it (BIOS), or
 * treats the file as a FAT image (UEFI, platform 0xEF).
 *
 * @param loadSectors   the sector count field; 0 means "the whole file / 512", as xorriso's -e does
 * @param bootInfoTable patch the ISOLINUX boot-info-table into bytes 8-63 of the file as it is written
 * @param grub2BootInfo  also patch GRUB's diskboot blocklist (xorriso {@code --grub2-boot-info}), see
 *                       {@link BootInfoTable#GRUB2_BOOT_INFO}; needs {@code bootInfoTable}
 */
public record BootEntry(Platform platform, EntryPath image, int loadSectors, boolean bootInfoTable,
        boolean grub2BootInfo) {

    public enum Platform {
        BIOS(0x00), UEFI(0xEF);

        private final int id;

        Platform(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }
    }

    public BootEntry {
        if (loadSectors < 0 || loadSectors > 0xFFFF) {
            throw new IllegalArgumentException("load size of " + image + " must be 0..65535 sectors, got " + loadSectors);
        }
        if (grub2BootInfo && !bootInfoTable) {
            throw new IllegalArgumentException("grub2-boot-info of " + image + " needs the boot-info-table");
        }
    }

    public BootEntry(Platform platform, EntryPath image, int loadSectors, boolean bootInfoTable) {
        this(platform, image, loadSectors, bootInfoTable, false);
    }

    /** ISOLINUX: BIOS, 4 sectors, boot-info-table (xorriso -b ... -no-emul-boot -boot-load-size 4 -boot-info-table). */
    public static BootEntry isolinux(EntryPath image) {
        return new BootEntry(Platform.BIOS, image, 4, true);
    }

    /**
     * GRUB's eltorito.img: BIOS, 4 sectors (cdboot.img), boot-info-table and grub2-boot-info (xorriso -b ...
     * -no-emul-boot -boot-load-size 4 -boot-info-table --grub2-boot-info, as grub-mkrescue runs it).
     */
    public static BootEntry grub(EntryPath image) {
        return new BootEntry(Platform.BIOS, image, 4, true, true);
    }

    /** A FAT image for UEFI (xorriso -eltorito-alt-boot -e ... -no-emul-boot). */
    public static BootEntry uefi(EntryPath image) {
        return new BootEntry(Platform.UEFI, image, 0, false);
    }
}
