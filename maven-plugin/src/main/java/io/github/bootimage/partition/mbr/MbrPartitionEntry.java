package io.github.bootimage.partition.mbr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One 16-byte MBR partition record (UEFI 2.10 §5.2.1, table 5-2): boot indicator, CHS of the first sector,
 * OS type, CHS of the last sector, starting LBA and size in 512-byte sectors.
 */
public record MbrPartitionEntry(int bootIndicator, Chs startingChs, int osType, Chs endingChs, long startingLba,
        long sizeInLba) {
    public static final int SIZE = 16;
    public static final int BOOTABLE = 0x80;
    public static final MbrPartitionEntry EMPTY = new MbrPartitionEntry(0, null, 0, null, 0, 0);

    public MbrPartitionEntry {
        if (bootIndicator != 0 && bootIndicator != BOOTABLE) {
            throw new IllegalArgumentException("BootIndicator must be 0x00 or 0x80, not " + bootIndicator);
        }
        if (osType < 0 || osType > 0xFF || startingLba < 0 || startingLba > 0xFFFF_FFFFL || sizeInLba < 0
                || sizeInLba > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("MBR partition out of range: type " + osType + ", LBA " + startingLba
                    + ", size " + sizeInLba + " (an MBR addresses at most 2 TiB)");
        }
    }

    /** An entry whose CHS fields follow from its LBAs. */
    public static MbrPartitionEntry of(int bootIndicator, int osType, long startingLba, long sizeInLba) {
        return new MbrPartitionEntry(bootIndicator, Chs.of(startingLba), osType, Chs.of(startingLba + sizeInLba - 1),
                startingLba, sizeInLba);
    }

    public void encodeTo(byte[] b, int offset) {
        if (osType == 0 && sizeInLba == 0) {
            return; // unused entries are all zero
        }
        b[offset] = (byte) bootIndicator;
        startingChs.encodeTo(b, offset + 1);
        b[offset + 4] = (byte) osType;
        endingChs.encodeTo(b, offset + 5);
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        le.putInt(offset + 8, (int) startingLba).putInt(offset + 12, (int) sizeInLba);
    }

    public static MbrPartitionEntry decode(byte[] b, int offset) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int type = Byte.toUnsignedInt(b[offset + 4]);
        long size = Integer.toUnsignedLong(le.getInt(offset + 12));
        if (type == 0 && size == 0) {
            return EMPTY;
        }
        return new MbrPartitionEntry(Byte.toUnsignedInt(b[offset]), Chs.decode(b, offset + 1), type,
                Chs.decode(b, offset + 5), Integer.toUnsignedLong(le.getInt(offset + 8)), size);
    }
}
