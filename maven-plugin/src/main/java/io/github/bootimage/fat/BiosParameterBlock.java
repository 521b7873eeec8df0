package io.github.bootimage.fat;

import static io.github.bootimage.fat.LittleEndian.u16;
import static io.github.bootimage.fat.LittleEndian.u32;
import static io.github.bootimage.fat.LittleEndian.u8;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The boot sector with its BIOS Parameter Block (fatgen103 §3.1-§3.3), field names as in the spec. The
 * FAT32 fields (BPB_FATSz32 .. BPB_BkBootSec) are only present when {@code fatSz16 == 0}; the extended
 * fields (BS_DrvNum .. BS_FilSysType) follow them on FAT32 and follow BPB_TotSec32 on FAT12/16.
 */
public record BiosParameterBlock(
        String oemName, int bytsPerSec, int secPerClus, int rsvdSecCnt, int numFats, int rootEntCnt,
        long totSec, int media, int fatSz16, int secPerTrk, int numHeads, long hiddSec,
        long fatSz32, int extFlags, int rootClus, int fsInfo, int bkBootSec,
        int drvNum, int volId, String volLab, String filSysType) {

    public static final int SECTOR = 512;
    private static final int OFFSET_BS_OEM_NAME = 3;
    private static final int OFFSET_BPB_BYTS_PER_SEC = 11;
    private static final int OFFSET_FAT32_EXTENDED = 36;
    private static final int OFFSET_FAT16_DRV_NUM = 36;
    private static final int OFFSET_FAT32_DRV_NUM = 64;
    private static final int OFFSET_SIGNATURE = 510;
    private static final int BOOT_SIGNATURE = 0x29;
    // cli; hlt; jmp back to hlt: a firmware that tries to boot the ESP as a floppy stops quietly.
    private static final byte[] HALT = {(byte) 0xFA, (byte) 0xF4, (byte) 0xEB, (byte) 0xFD};

    public BiosParameterBlock {
        if (oemName.length() != 8 || volLab.length() != 11 || filSysType.length() != 8) {
            throw new IllegalArgumentException("BS_OEMName, BS_VolLab and BS_FilSysType need 8, 11 and 8 characters");
        }
    }

    public boolean isFat32() {
        return fatSz16 == 0;
    }

    /** Sectors per FAT, whichever field holds it. */
    public long fatSize() {
        return isFat32() ? fatSz32 : fatSz16;
    }

    /** The whole 512-byte boot sector, jump and halt loop included, 0x55AA at the end. */
    public byte[] encode() {
        byte[] sector = new byte[SECTOR];
        ByteBuffer b = LittleEndian.wrap(sector);
        int extended = isFat32() ? OFFSET_FAT32_DRV_NUM : OFFSET_FAT16_DRV_NUM;
        int code = extended + 26;
        // BS_jmpBoot: a short jump over the BPB to the boot code, then NOP.
        b.put((byte) 0xEB).put(u8("BS_jmpBoot", code - 2)).put((byte) 0x90);
        b.position(OFFSET_BS_OEM_NAME).put(ascii(oemName));
        b.position(OFFSET_BPB_BYTS_PER_SEC);
        b.putShort(u16("BPB_BytsPerSec", bytsPerSec)).put(u8("BPB_SecPerClus", secPerClus))
                .putShort(u16("BPB_RsvdSecCnt", rsvdSecCnt)).put(u8("BPB_NumFATs", numFats))
                .putShort(u16("BPB_RootEntCnt", rootEntCnt))
                .putShort(totSec < 0x10000 ? (short) totSec : 0)
                .put(u8("BPB_Media", media)).putShort(u16("BPB_FATSz16", fatSz16))
                .putShort(u16("BPB_SecPerTrk", secPerTrk)).putShort(u16("BPB_NumHeads", numHeads))
                .putInt(u32("BPB_HiddSec", hiddSec))
                .putInt(totSec < 0x10000 ? 0 : u32("BPB_TotSec32", totSec));
        if (isFat32()) {
            b.position(OFFSET_FAT32_EXTENDED);
            b.putInt(u32("BPB_FATSz32", fatSz32)).putShort(u16("BPB_ExtFlags", extFlags))
                    .putShort((short) 0) // BPB_FSVer 0.0
                    .putInt(rootClus).putShort(u16("BPB_FSInfo", fsInfo)).putShort(u16("BPB_BkBootSec", bkBootSec));
        }
        b.position(extended);
        b.put(u8("BS_DrvNum", drvNum)).put((byte) 0).put((byte) BOOT_SIGNATURE).putInt(volId)
                .put(ascii(volLab)).put(ascii(filSysType));
        b.put(HALT);
        b.position(OFFSET_SIGNATURE);
        b.put((byte) 0x55).put((byte) 0xAA);
        return sector;
    }

    public static BiosParameterBlock decode(byte[] sector) {
        ByteBuffer b = LittleEndian.wrap(sector);
        String oem = text(sector, OFFSET_BS_OEM_NAME, 8);
        b.position(OFFSET_BPB_BYTS_PER_SEC);
        int bytsPerSec = Short.toUnsignedInt(b.getShort());
        int secPerClus = Byte.toUnsignedInt(b.get());
        int rsvd = Short.toUnsignedInt(b.getShort());
        int numFats = Byte.toUnsignedInt(b.get());
        int rootEnt = Short.toUnsignedInt(b.getShort());
        long tot16 = Short.toUnsignedInt(b.getShort());
        int media = Byte.toUnsignedInt(b.get());
        int fatSz16 = Short.toUnsignedInt(b.getShort());
        int secPerTrk = Short.toUnsignedInt(b.getShort());
        int heads = Short.toUnsignedInt(b.getShort());
        long hidd = Integer.toUnsignedLong(b.getInt());
        long tot32 = Integer.toUnsignedLong(b.getInt());
        long fatSz32 = 0;
        int extFlags = 0;
        int rootClus = 0;
        int fsInfo = 0;
        int bk = 0;
        int extended = OFFSET_FAT16_DRV_NUM;
        if (fatSz16 == 0) {
            fatSz32 = Integer.toUnsignedLong(b.getInt());
            extFlags = Short.toUnsignedInt(b.getShort());
            b.getShort();
            rootClus = b.getInt();
            fsInfo = Short.toUnsignedInt(b.getShort());
            bk = Short.toUnsignedInt(b.getShort());
            extended = OFFSET_FAT32_DRV_NUM;
        }
        int drvNum = Byte.toUnsignedInt(sector[extended]);
        int volId = b.getInt(extended + 3);
        return new BiosParameterBlock(oem, bytsPerSec, secPerClus, rsvd, numFats, rootEnt, tot16 != 0 ? tot16 : tot32,
                media, fatSz16, secPerTrk, heads, hidd, fatSz32, extFlags, rootClus, fsInfo, bk, drvNum, volId,
                text(sector, extended + 7, 11), text(sector, extended + 18, 8));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] b, int offset, int length) {
        return new String(Arrays.copyOfRange(b, offset, offset + length), StandardCharsets.US_ASCII);
    }
}
