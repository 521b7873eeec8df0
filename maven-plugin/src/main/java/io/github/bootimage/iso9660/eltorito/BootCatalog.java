package io.github.bootimage.iso9660.eltorito;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The boot catalog sector, El Torito 1.0 §2: validation entry, initial/default entry (the first boot
 * entry), then for the other entries one section per run of equal platform, the last header marked
 * final. This is the layout xorriso writes for "-b isolinux.bin ... -eltorito-alt-boot -e efi.img".
 */
public final class BootCatalog {
    private BootCatalog() {
    }

    /**
     * @param lbaOf  LBA of a boot image in the tree
     * @param sizeOf size in bytes of a boot image in the tree
     */
    public static byte[] encode(ElToritoConfig config, ToLongFunction<BootEntry> lbaOf,
            ToLongFunction<BootEntry> sizeOf) {
        byte[] sector = new byte[IsoBytes.SECTOR];
        List<byte[]> parts = new ArrayList<>();
        List<BootEntry> entries = config.entries();
        parts.add(new ValidationEntry(entries.get(0).platform().id(), "").encode());
        parts.add(entry(entries.get(0), lbaOf, sizeOf).encode());
        int i = 1;
        while (i < entries.size()) {
            int platform = entries.get(i).platform().id();
            int j = i;
            while (j < entries.size() && entries.get(j).platform().id() == platform) {
                j++;
            }
            parts.add(new SectionHeader(j == entries.size(), platform, j - i).encode());
            for (int k = i; k < j; k++) {
                parts.add(entry(entries.get(k), lbaOf, sizeOf).encode());
            }
            i = j;
        }
        if (parts.size() * 32 > IsoBytes.SECTOR) {
            throw new IllegalArgumentException("too many boot entries for one catalog sector: " + entries.size());
        }
        for (int p = 0; p < parts.size(); p++) {
            System.arraycopy(parts.get(p), 0, sector, p * 32, 32);
        }
        return sector;
    }

    static SectionEntry entry(BootEntry e, ToLongFunction<BootEntry> lbaOf, ToLongFunction<BootEntry> sizeOf) {
        int count = e.loadSectors();
        if (count == 0) {
            long sectors = (sizeOf.applyAsLong(e) + 511) / 512;
            // The field has 16 bits; xorriso writes the count only when it fits, and firmware reads the
            // FAT image through its own BPB anyway.
            count = sectors > 0xFFFF ? 0 : (int) sectors;
        }
        return new SectionEntry(true, 0, 0, count, lbaOf.applyAsLong(e));
    }
}
