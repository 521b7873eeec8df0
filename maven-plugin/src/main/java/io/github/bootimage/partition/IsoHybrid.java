package io.github.bootimage.partition;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.IsoLayout;
import io.github.bootimage.iso9660.SystemArea;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.partition.gpt.GptPartitionEntry;
import io.github.bootimage.partition.gpt.Guid;
import io.github.bootimage.partition.gpt.GuidPartitionTable;
import io.github.bootimage.partition.mbr.Chs;
import io.github.bootimage.partition.mbr.MasterBootRecord;
import io.github.bootimage.partition.mbr.MbrPartitionEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The system area of a hybrid ISO that boots from CD and from a USB disk, BIOS and UEFI, byte for byte as
 * xorriso's {@code -isohybrid-mbr isohdpfx.bin ... -e efi.img -isohybrid-gpt-basdat} lays it out:
 * <ul>
 * <li>MBR: isohdpfx.bin's 432 bytes of code, then isolinux.bin's LBA in 512-byte units as a 64-bit
 *     little-endian number at byte 432 (where isohdpfx looks for it), a derived disk signature,
 *     partition 1 bootable, type 0x00, over the whole image; partition 2 type 0xEF over efi.img;</li>
 * <li>GPT: header at LBA 1, 248 entries filling the rest of the 32 KiB system area, entry 1
 *     "ISOHybrid" over the ISO volume, entry 2 "ISOHybrid1" over efi.img, both basic data, read-only and
 *     required; the backup array and header in a 32 KiB trailer after the volume.</li>
 * </ul>
 * GUIDs and the disk signature are derived from {@code seed}: the same seed gives the same bytes.
 * With GRUB for BIOS ({@link #grub}) the MBR code is GRUB's boot_hybrid.img and byte 432 holds the sector of
 * diskboot.img inside eltorito.img (its LBA in 512-byte units + 4), as xorriso's {@code --grub2-mbr} writes it;
 * the partitions stay the same.
 */
public final class IsoHybrid implements SystemArea {
    public static final int MBR_CODE_SIZE = 432;
    /** 32 KiB: one zero sector, the 62-sector backup entry array, the backup header. */
    public static final int TRAILER_SIZE = 32768;
    private static final int SYSTEM_AREA_SIZE = 32768;
    private static final int SECTOR = 512;
    private static final int ISO_SECTOR = 2048;
    private static final int GPT_ENTRIES = 248;
    /** Cylinders of 64 heads x 32 sectors: xorriso pads hybrid images to whole 1 MiB cylinders. */
    private static final long CYLINDER_BYTES = 64 * 32 * SECTOR;
    /** isolinux.bin's hybrid signature at byte 64, which isohdpfx.bin and xorriso check. */
    private static final int ISOLINUX_HYBRID_SIGNATURE = 0x7078C0FB;
    private static final int ISOLINUX_SIGNATURE_OFFSET = 64;
    /** The bytes of isolinux.bin that {@link #requireHybridIsolinux} reads. */
    public static final int ISOLINUX_HEAD = ISOLINUX_SIGNATURE_OFFSET + 4;
    private static final String TAKE_ISOHDPFX = "Take usr/lib/ISOLINUX/isohdpfx.bin from Debian's isolinux package.";

    /** eltorito.img starts with cdboot.img (4 sectors); boot_hybrid.img loads the diskboot.img after it. */
    private static final int GRUB_DISKBOOT_SECTOR = 4;

    private final byte[] mbrCode;
    private final EntryPath isolinuxBin;
    private final int bootSectorOffset;
    private final EntryPath efiImage;
    private final String seed;

    /**
     * @param isohdpfx    SYSLINUX's isohdpfx.bin (432 bytes, or a 512-byte MBR whose first 432 bytes are used)
     * @param isolinuxBin the path of isolinux.bin in the ISO
     * @param efiImage    the path of the ESP image in the ISO, or null for a BIOS-only hybrid
     * @param seed        any stable text (the build epoch, a content hash) the GUIDs are derived from
     */
    public IsoHybrid(byte[] isohdpfx, EntryPath isolinuxBin, EntryPath efiImage, String seed) throws BootImageException {
        this(isohdpfx(isohdpfx), isolinuxBin, 0, efiImage, seed);
    }

    private static byte[] isohdpfx(byte[] code) throws BootImageException {
        requireMbrCodeSize(code.length, "The isohybrid MBR code");
        if (!contains(code, "isolinux.bin")) {
            throw new BootImageException("The isohybrid MBR code does not mention isolinux.bin, so it is not SYSLINUX's"
                    + " isohdpfx.bin. " + TAKE_ISOHDPFX);
        }
        return code;
    }

    private IsoHybrid(byte[] mbrCode, EntryPath bootFile, int bootSectorOffset, EntryPath efiImage, String seed) {
        this.mbrCode = Arrays.copyOf(mbrCode, MBR_CODE_SIZE);
        this.isolinuxBin = bootFile;
        this.bootSectorOffset = bootSectorOffset;
        this.efiImage = efiImage;
        this.seed = seed;
    }

    /**
     * The hybrid layout with GRUB for BIOS.
     *
     * @param bootHybrid GRUB's boot_hybrid.img (512 bytes; its first 432 are used)
     * @param eltorito   the path of GRUB's eltorito.img in the ISO
     */
    public static IsoHybrid grub(byte[] bootHybrid, EntryPath eltorito, EntryPath efiImage, String seed)
            throws BootImageException {
        if (bootHybrid.length != SECTOR || (bootHybrid[510] & 0xFF) != 0x55 || (bootHybrid[511] & 0xFF) != 0xAA) {
            throw new BootImageException("GRUB's hybrid MBR code has " + bootHybrid.length + " bytes; boot_hybrid.img "
                    + "of grub-pc-bin is a 512-byte boot sector ending in 55 aa.");
        }
        return new IsoHybrid(bootHybrid, eltorito, GRUB_DISKBOOT_SECTOR, efiImage, seed);
    }

    /** Reads isohdpfx.bin from any input; refuses a file of the wrong size before reading it. */
    public static IsoHybrid of(Content isohdpfx, EntryPath isolinuxBin, EntryPath efiImage, String seed)
            throws BootImageException {
        requireMbrCodeSize(isohdpfx.size(), "The isohybrid MBR code " + isohdpfx);
        try (InputStream in = isohdpfx.open()) {
            return new IsoHybrid(in.readNBytes((int) isohdpfx.size()), isolinuxBin, efiImage, seed);
        } catch (IOException e) {
            throw new BootImageException("Cannot read " + isohdpfx + ": " + e.getMessage(), e);
        }
    }

    /** The isohybrid MBR code is SYSLINUX's isohdpfx.bin: 432 bytes, or a 512-byte sector whose first 432 count. */
    public static void requireMbrCodeSize(long size, String where) throws BootImageException {
        if (size != MBR_CODE_SIZE && size != SECTOR) {
            throw new BootImageException(where + " is " + size + " bytes; the isohybrid MBR code, SYSLINUX's "
                    + "isohdpfx.bin, is 432 (or a 512-byte sector). " + TAKE_ISOHDPFX);
        }
    }

    /**
     * isohdpfx.bin only chain-loads an isolinux.bin that carries the hybrid signature 0x7078c0fb at byte 0x40
     * (syslinux isohybrid.c; xorriso checks it too), so an image booted from USB needs exactly that.
     *
     * @param head the first bytes of isolinux.bin (at least {@link #ISOLINUX_HEAD})
     */
    public static void requireHybridIsolinux(byte[] head, String where) throws BootImageException {
        if (head.length < ISOLINUX_HEAD || ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN)
                .getInt(ISOLINUX_SIGNATURE_OFFSET) != ISOLINUX_HYBRID_SIGNATURE) {
            throw new BootImageException(where + " is not a hybrid-capable isolinux.bin (no signature 0x7078c0fb at "
                    + "offset 0x40). Take usr/lib/ISOLINUX/isolinux.bin from Debian's isolinux package (SYSLINUX 4 "
                    + "or later).");
        }
    }

    /**
     * The volume size (2048-byte sectors) to plan so that volume plus trailer fill whole 1 MiB cylinders,
     * as xorriso pads hybrid images; the ISO writer may pad to it, the layout is valid either way.
     */
    public static long alignedVolumeSectors(long sectors) {
        long bytes = sectors * ISO_SECTOR + TRAILER_SIZE;
        long aligned = (bytes + CYLINDER_BYTES - 1) / CYLINDER_BYTES * CYLINDER_BYTES;
        return (aligned - TRAILER_SIZE) / ISO_SECTOR;
    }

    @Override
    public int trailerSize() {
        return TRAILER_SIZE;
    }

    @Override
    public byte[] systemArea(IsoLayout layout) throws BootImageException {
        GuidPartitionTable gpt = gpt(layout);
        byte[] area = new byte[SYSTEM_AREA_SIZE];
        System.arraycopy(mbr(layout).encode(), 0, area, 0, SECTOR);
        System.arraycopy(gpt.primaryHeader().encode(), 0, area, SECTOR, SECTOR);
        byte[] entries = gpt.entryArray();
        System.arraycopy(entries, 0, area, 2 * SECTOR, entries.length);
        return area;
    }

    @Override
    public byte[] trailer(IsoLayout layout) throws BootImageException {
        GuidPartitionTable gpt = gpt(layout);
        byte[] trailer = new byte[TRAILER_SIZE];
        long trailerLba = layout.volumeSectors() * 4;
        byte[] entries = gpt.entryArray();
        System.arraycopy(entries, 0, trailer, (int) (gpt.backupArrayLba() - trailerLba) * SECTOR, entries.length);
        System.arraycopy(gpt.backupHeader().encode(), 0, trailer, TRAILER_SIZE - SECTOR, SECTOR);
        return trailer;
    }

    MasterBootRecord mbr(IsoLayout layout) throws BootImageException {
        byte[] code = Arrays.copyOf(mbrCode, MasterBootRecord.BOOT_CODE_SIZE);
        ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN).putLong(MBR_CODE_SIZE,
                extent(layout, isolinuxBin) * 4 + bootSectorOffset);
        int signature = (int) (Guid.derive(seed + "/mbr-disk-signature").getMostSignificantBits() >>> 32);
        List<MbrPartitionEntry> parts = new ArrayList<>();
        long total = diskSectors(layout);
        if (total > 0xFFFF_FFFFL) {
            throw new BootImageException("The image is " + total * SECTOR + " bytes; an isohybrid MBR addresses at most "
                    + "2 TiB. Make the image smaller.");
        }
        parts.add(MbrPartitionEntry.of(MbrPartitionEntry.BOOTABLE, 0x00, 0, total));
        if (efiImage != null) {
            // xorriso marks the ESP's CHS fields "not representable" (fe ff ff) whatever its position.
            parts.add(new MbrPartitionEntry(0, Chs.BEYOND, 0xEF, Chs.BEYOND, extent(layout, efiImage) * 4,
                    efiSectors(layout)));
        }
        return new MasterBootRecord(code, signature, parts);
    }

    GuidPartitionTable gpt(IsoLayout layout) throws BootImageException {
        List<GptPartitionEntry> parts = new ArrayList<>();
        long volume = layout.volumeSectors() * 4;
        parts.add(new GptPartitionEntry(Guid.BASIC_DATA, Guid.derive(seed + "/gpt-partition-1"), 0, volume - 1,
                GptPartitionEntry.ATTR_REQUIRED_READ_ONLY, "ISOHybrid"));
        if (efiImage != null) {
            long start = extent(layout, efiImage) * 4;
            parts.add(new GptPartitionEntry(Guid.BASIC_DATA, Guid.derive(seed + "/gpt-partition-2"), start,
                    start + efiSectors(layout) - 1, GptPartitionEntry.ATTR_REQUIRED_READ_ONLY, "ISOHybrid1"));
        }
        return new GuidPartitionTable(Guid.derive(seed + "/gpt-disk"), diskSectors(layout), 2, GPT_ENTRIES, parts);
    }

    private long diskSectors(IsoLayout layout) {
        return layout.volumeSectors() * 4 + TRAILER_SIZE / SECTOR;
    }

    private long efiSectors(IsoLayout layout) throws BootImageException {
        long size = layout.sizeOf(efiImage);
        if (size <= 0) {
            throw new BootImageException("The ESP image " + efiImage + " is empty; the hybrid layout needs a FAT image.");
        }
        return (size + SECTOR - 1) / SECTOR;
    }

    private static long extent(IsoLayout layout, EntryPath path) throws BootImageException {
        try {
            return layout.extentOf(path);
        } catch (IllegalArgumentException e) {
            throw new BootImageException("The hybrid MBR needs " + path + " in the ISO, but it is not there. Add it, "
                    + "or configure the path of the BIOS loader / ESP image.", e);
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
