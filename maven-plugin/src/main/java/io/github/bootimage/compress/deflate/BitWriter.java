package io.github.bootimage.compress.deflate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Packs bits least significant first into bytes, as RFC 1951 §3.1.1 orders them. */
final class BitWriter {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] out = new byte[1 << 16];
    private int pos;
    private long bits;
    private int count;

    void reset() {
        pos = 0;
        bits = 0;
        count = 0;
    }

    /** Makes room for {@code moreBits} more bits, so {@link #write} needs no bounds checks of its own. */
    void reserve(long moreBits) {
        long need = pos + (moreBits >> 3) + 16;
        if (need > out.length) {
            out = Arrays.copyOf(out, (int) Math.max(need, 2L * out.length));
        }
    }

    /** Appends the low {@code n} bits of {@code value}, {@code n <= 32}; the caller has reserved room. */
    void write(int value, int n) {
        bits |= (value & 0xFFFF_FFFFL) << count;
        count += n;
        if (count >= 32) {
            INT.set(out, pos, (int) bits);
            pos += 4;
            bits >>>= 32;
            count -= 32;
        }
    }

    /** Bits written so far. */
    long bitPosition() {
        return 8L * pos + count;
    }

    /** Pads with zero bits to a byte boundary. */
    void alignToByte() {
        while (count > 0) {
            out[pos++] = (byte) bits;
            bits >>>= 8;
            count = Math.max(0, count - 8);
        }
        bits = 0;
    }

    /** Copies bytes; the writer must be byte-aligned. */
    void writeBytes(byte[] b, int off, int len) {
        System.arraycopy(b, off, out, pos, len);
        pos += len;
    }

    byte[] toByteArray() {
        alignToByte();
        return Arrays.copyOf(out, pos);
    }
}
