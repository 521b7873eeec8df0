package io.github.bootimage.fat;

import java.nio.ByteBuffer;

/** The FAT32 FSInfo sector (fatgen103 §5): a hint of the free cluster count and the next free cluster. */
public record FsInfoSector(long freeCount, long nextFree) {
    private static final int LEAD_SIG = 0x41615252;
    private static final int STRUC_SIG = 0x61417272;
    private static final int TRAIL_SIG = 0xAA550000;
    private static final int OFFSET_STRUC_SIG = 484;
    private static final int OFFSET_TRAIL_SIG = 508;

    public byte[] encode() {
        byte[] sector = new byte[BiosParameterBlock.SECTOR];
        ByteBuffer b = LittleEndian.wrap(sector);
        b.putInt(0, LEAD_SIG);
        b.position(OFFSET_STRUC_SIG);
        b.putInt(STRUC_SIG).putInt(LittleEndian.u32("FSI_Free_Count", freeCount))
                .putInt(LittleEndian.u32("FSI_Nxt_Free", nextFree));
        b.putInt(OFFSET_TRAIL_SIG, TRAIL_SIG);
        return sector;
    }

    public static FsInfoSector decode(byte[] sector) {
        ByteBuffer b = LittleEndian.wrap(sector);
        if (b.getInt(0) != LEAD_SIG || b.getInt(OFFSET_STRUC_SIG) != STRUC_SIG || b.getInt(OFFSET_TRAIL_SIG) != TRAIL_SIG) {
            throw new IllegalArgumentException("not an FSInfo sector: signatures missing");
        }
        return new FsInfoSector(Integer.toUnsignedLong(b.getInt(OFFSET_STRUC_SIG + 4)),
                Integer.toUnsignedLong(b.getInt(OFFSET_STRUC_SIG + 8)));
    }
}
