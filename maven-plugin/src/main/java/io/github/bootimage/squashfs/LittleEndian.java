package io.github.bootimage.squashfs;

/** Writes squashfs's little-endian fields into an array, checking each against its width. */
final class LittleEndian {
    private final byte[] bytes;
    private int position;

    LittleEndian(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    LittleEndian(int size) {
        this(new byte[size], 0);
    }

    LittleEndian putShort(String field, long value) {
        check(field, value, 0xFFFFL);
        bytes[position++] = (byte) value;
        bytes[position++] = (byte) (value >>> 8);
        return this;
    }

    LittleEndian putInt(String field, long value) {
        check(field, value, 0xFFFF_FFFFL);
        for (int i = 0; i < 4; i++) {
            bytes[position++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    LittleEndian putLong(long value) {
        for (int i = 0; i < 8; i++) {
            bytes[position++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    LittleEndian put(byte[] b) {
        System.arraycopy(b, 0, bytes, position, b.length);
        position += b.length;
        return this;
    }

    int position() {
        return position;
    }

    byte[] bytes() {
        return bytes;
    }

    private static void check(String field, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " = " + value + " does not fit its field (0 to " + max + ")");
        }
    }
}
