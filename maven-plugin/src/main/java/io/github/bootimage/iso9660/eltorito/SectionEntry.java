package io.github.bootimage.iso9660.eltorito;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The initial/default entry (El Torito 1.0 §2.2) and a section entry (§2.5) share this layout: boot
 * indicator 0x88, media type 0 (no emulation), load segment (0 = 0x7C0), system type, sector count in
 * 512-byte sectors, load RBA (the image's LBA); selection criteria are not used.
 */
public record SectionEntry(boolean bootable, int loadSegment, int systemType, int sectorCount, long loadRba) {
    public static final int LENGTH = 32;

    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) (bootable ? 0x88 : 0x00));
        buf.put((byte) 0); // media type: no emulation
        buf.putShort((short) loadSegment);
        buf.put((byte) systemType);
        buf.put((byte) 0);
        buf.putShort((short) sectorCount);
        buf.putInt((int) loadRba);
        return b;
    }

    public static SectionEntry decode(byte[] b, int off) {
        ByteBuffer buf = ByteBuffer.wrap(b, off, LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        boolean bootable = (buf.get() & 0xFF) == 0x88;
        if (buf.get() != 0) {
            throw new IllegalArgumentException("only no-emulation entries are supported");
        }
        int segment = Short.toUnsignedInt(buf.getShort());
        int systemType = buf.get() & 0xFF;
        buf.get();
        int count = Short.toUnsignedInt(buf.getShort());
        return new SectionEntry(bootable, segment, systemType, count, Integer.toUnsignedLong(buf.getInt()));
    }
}
