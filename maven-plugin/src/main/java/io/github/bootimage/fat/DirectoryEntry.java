package io.github.bootimage.fat;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A 32-byte short directory entry (fatgen103 §6): the 8.3 name as 11 bytes (name padded with spaces, then
 * extension), attributes, DOS dates, first cluster (high word used by FAT32 only) and file size.
 */
public record DirectoryEntry(byte[] name, int attr, DosDateTime written, long firstCluster, long fileSize) {
    public static final int SIZE = 32;
    public static final int ATTR_VOLUME_ID = 0x08;
    public static final int ATTR_DIRECTORY = 0x10;
    public static final int ATTR_ARCHIVE = 0x20;
    static final int ATTR_LONG_NAME = 0x0F;

    public DirectoryEntry {
        if (name.length != 11) {
            throw new IllegalArgumentException("DIR_Name needs 11 bytes, got " + name.length);
        }
        name = name.clone();
    }

    @Override
    public byte[] name() {
        return name.clone();
    }

    public void encodeTo(ByteBuffer b) {
        b.put(name).put(LittleEndian.u8("DIR_Attr", attr))
                .put((byte) 0) // DIR_NTRes: no lower-case hints, the long name carries the case
                .put((byte) 0) // DIR_CrtTimeTenth
                .putShort((short) written.time()).putShort((short) written.date()) // creation = write time
                .putShort((short) written.date()) // DIR_LstAccDate
                .putShort(LittleEndian.u16("DIR_FstClusHI", (int) (firstCluster >>> 16)))
                .putShort((short) written.time()).putShort((short) written.date())
                .putShort((short) (firstCluster & 0xFFFF))
                .putInt(LittleEndian.u32("DIR_FileSize", fileSize));
    }

    public byte[] encode() {
        byte[] bytes = new byte[SIZE];
        encodeTo(LittleEndian.wrap(bytes));
        return bytes;
    }

    public static DirectoryEntry decode(byte[] bytes, int offset) {
        ByteBuffer b = LittleEndian.wrap(bytes);
        byte[] name = Arrays.copyOfRange(bytes, offset, offset + 11);
        int attr = Byte.toUnsignedInt(bytes[offset + 11]);
        long hi = Short.toUnsignedInt(b.getShort(offset + 20));
        int time = Short.toUnsignedInt(b.getShort(offset + 22));
        int date = Short.toUnsignedInt(b.getShort(offset + 24));
        long lo = Short.toUnsignedInt(b.getShort(offset + 26));
        long size = Integer.toUnsignedLong(b.getInt(offset + 28));
        return new DirectoryEntry(name, attr, new DosDateTime(date, time), hi << 16 | lo, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryEntry d && Arrays.equals(name, d.name) && attr == d.attr
                && written.equals(d.written) && firstCluster == d.firstCluster && fileSize == d.fileSize;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(name) * 31 + Long.hashCode(firstCluster);
    }

    @Override
    public String toString() {
        return "DirectoryEntry[" + new String(name, java.nio.charset.StandardCharsets.ISO_8859_1) + ", attr=" + attr
                + ", cluster=" + firstCluster + ", size=" + fileSize + "]";
    }
}
