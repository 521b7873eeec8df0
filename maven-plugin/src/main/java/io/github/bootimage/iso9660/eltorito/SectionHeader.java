package io.github.bootimage.iso9660.eltorito;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A section header, El Torito 1.0 §2.4: 0x90 (more follow) or 0x91 (final), platform, entry count. */
public record SectionHeader(boolean last, int platform, int entries) {
    public static final int LENGTH = 32;

    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[0] = (byte) (last ? 0x91 : 0x90);
        b[1] = (byte) platform;
        ByteBuffer.wrap(b, 2, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) entries);
        return b;
    }

    public static SectionHeader decode(byte[] b, int off) {
        int id = b[off] & 0xFF;
        if (id != 0x90 && id != 0x91) {
            throw new IllegalArgumentException("not a section header: 0x" + Integer.toHexString(id));
        }
        return new SectionHeader(id == 0x91, b[off + 1] & 0xFF,
                Short.toUnsignedInt(ByteBuffer.wrap(b, off + 2, 2).order(ByteOrder.LITTLE_ENDIAN).getShort()));
    }
}
