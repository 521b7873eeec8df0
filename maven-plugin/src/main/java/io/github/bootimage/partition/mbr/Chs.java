package io.github.bootimage.partition.mbr;

/**
 * A cylinder/head/sector address as the three bytes of an MBR partition entry: head, sector (1-63) with
 * the cylinder's two high bits on top, the cylinder's low byte. Addresses past cylinder 1023 are clamped
 * to the last cylinder, as libisofs does.
 */
public record Chs(int cylinder, int head, int sector) {
    /** fe ff ff: "not representable, use the LBA fields", which xorriso writes for the ESP partition. */
    public static final Chs BEYOND = new Chs(1023, 254, 63);
    public static final int HEADS = 64;
    public static final int SECTORS_PER_TRACK = 32;

    public Chs {
        if (cylinder < 0 || cylinder > 1023 || head < 0 || head > 255 || sector < 1 || sector > 63) {
            throw new IllegalArgumentException("CHS out of range: " + cylinder + "/" + head + "/" + sector);
        }
    }

    /** The address of a 512-byte LBA in the 64-head, 32-sector geometry that isohybrid images use. */
    public static Chs of(long lba) {
        long cylinder = lba / (HEADS * SECTORS_PER_TRACK);
        long rest = lba % (HEADS * SECTORS_PER_TRACK);
        if (cylinder >= 1024) {
            return new Chs(1023, HEADS - 1, SECTORS_PER_TRACK);
        }
        return new Chs((int) cylinder, (int) (rest / SECTORS_PER_TRACK), (int) (rest % SECTORS_PER_TRACK) + 1);
    }

    void encodeTo(byte[] b, int offset) {
        b[offset] = (byte) head;
        b[offset + 1] = (byte) (sector | (cylinder & 0x300) >> 2);
        b[offset + 2] = (byte) cylinder;
    }

    static Chs decode(byte[] b, int offset) {
        int sectorByte = Byte.toUnsignedInt(b[offset + 1]);
        return new Chs((sectorByte & 0xC0) << 2 | Byte.toUnsignedInt(b[offset + 2]), Byte.toUnsignedInt(b[offset]),
                sectorByte & 0x3F);
    }
}
