package io.github.bootimage.fat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian field access with range checks: a value that does not fit its field is an error, never truncated. */
final class LittleEndian {
    private LittleEndian() {
    }

    static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte u8(String field, int value) {
        check(field, value, 0xFF);
        return (byte) value;
    }

    static short u16(String field, int value) {
        check(field, value, 0xFFFF);
        return (short) value;
    }

    static int u32(String field, long value) {
        check(field, value, 0xFFFF_FFFFL);
        return (int) value;
    }

    private static void check(String field, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " = " + value + " does not fit (0.." + max + ")");
        }
    }
}
