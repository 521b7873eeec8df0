package io.github.bootimage.iso9660.eltorito;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The validation entry, El Torito 1.0 §2.1: header id 1, platform, id string, a checksum that makes the
 * sixteen 16-bit little-endian words sum to zero, and the key bytes 55 AA.
 */
public record ValidationEntry(int platform, String idString) {
    public static final int LENGTH = 32;

    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        b[0] = 1;
        b[1] = (byte) platform;
        byte[] id = idString.getBytes(StandardCharsets.US_ASCII);
        if (id.length > 24) {
            throw new IllegalArgumentException("validation entry id string longer than 24 bytes: " + idString);
        }
        System.arraycopy(id, 0, b, 4, id.length);
        b[30] = 0x55;
        b[31] = (byte) 0xAA;
        ByteBuffer.wrap(b, 28, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -sum(b));
        return b;
    }

    static int sum(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b, 0, LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        int sum = 0;
        for (int i = 0; i < LENGTH / 2; i++) {
            sum += Short.toUnsignedInt(buf.getShort());
        }
        return sum & 0xFFFF;
    }

    public static ValidationEntry decode(byte[] b, int off) {
        byte[] e = java.util.Arrays.copyOfRange(b, off, off + LENGTH);
        if (e[0] != 1 || e[30] != 0x55 || e[31] != (byte) 0xAA || sum(e) != 0) {
            throw new IllegalArgumentException("invalid El Torito validation entry (header, key or checksum)");
        }
        return new ValidationEntry(e[1] & 0xFF, new String(e, 4, 24, StandardCharsets.US_ASCII).replace("\0", ""));
    }
}
