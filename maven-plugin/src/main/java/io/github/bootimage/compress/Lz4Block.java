package io.github.bootimage.compress;

import java.util.Arrays;

/**
 * A greedy single-pass LZ4 block compressor (the algorithm of the reference {@code LZ4_compress_fast} at
 * acceleration 1, without its skip heuristics), per the LZ4 Block Format description: sequences of a token,
 * literals, a 2-byte little-endian offset and extra length bytes. It replaces Commons Compress's
 * {@code BlockLZ4CompressorOutputStream}, whose back-reference bookkeeping takes minutes on one 8 MiB
 * chunk of a BusyBox initramfs. The output depends only on the input bytes.
 */
public final class Lz4Block {
    private static final int MIN_MATCH = 4;
    /** "The last 5 bytes are always literals." */
    private static final int LAST_LITERALS = 5;
    /** "The last match must start at least 12 bytes before the end of the block." */
    private static final int MF_LIMIT = 12;
    private static final int MAX_DISTANCE = 65535;
    private static final int HASH_LOG = 16;

    private Lz4Block() {
    }

    /** The largest block {@link #compress} can return for {@code length} input bytes. */
    public static int maxCompressedLength(int length) {
        return length + length / 255 + 16;
    }

    /** Compresses {@code src[0, length)} into {@code dst} at {@code dstOff}; returns the compressed size. */
    public static int compress(byte[] src, int length, byte[] dst, int dstOff) {
        int op = dstOff;
        int anchor = 0;
        if (length > MF_LIMIT) {
            // table holds position + 1 of the last 4-byte sequence with each hash; 0 = none.
            int[] table = new int[1 << HASH_LOG];
            int matchLimit = length - LAST_LITERALS;
            int ip = 0;
            while (ip <= length - MF_LIMIT) {
                int seq = read32(src, ip);
                int h = (seq * -1640531535) >>> (32 - HASH_LOG);
                int ref = table[h] - 1;
                table[h] = ip + 1;
                if (ref < 0 || ip - ref > MAX_DISTANCE || read32(src, ref) != seq) {
                    ip++;
                    continue;
                }
                int len = MIN_MATCH;
                while (ip + len < matchLimit && src[ip + len] == src[ref + len]) {
                    len++;
                }
                op = sequence(src, anchor, ip - anchor, ip - ref, len, dst, op);
                ip += len;
                anchor = ip;
            }
        }
        return lastLiterals(src, anchor, length - anchor, dst, op) - dstOff;
    }

    private static int sequence(byte[] src, int litStart, int litLen, int offset, int matchLen, byte[] dst, int op) {
        int ml = matchLen - MIN_MATCH;
        dst[op++] = (byte) ((Math.min(litLen, 15) << 4) | Math.min(ml, 15));
        op = extraLength(litLen, dst, op);
        System.arraycopy(src, litStart, dst, op, litLen);
        op += litLen;
        dst[op++] = (byte) offset;
        dst[op++] = (byte) (offset >>> 8);
        return extraLength(ml, dst, op);
    }

    private static int lastLiterals(byte[] src, int litStart, int litLen, byte[] dst, int op) {
        dst[op++] = (byte) (Math.min(litLen, 15) << 4);
        op = extraLength(litLen, dst, op);
        System.arraycopy(src, litStart, dst, op, litLen);
        return op + litLen;
    }

    /** A length of 15 or more continues in bytes of 255 and a final byte below 255. */
    private static int extraLength(int len, byte[] dst, int op) {
        if (len < 15) {
            return op;
        }
        int rest = len - 15;
        int full = rest / 255;
        Arrays.fill(dst, op, op + full, (byte) 255);
        op += full;
        dst[op++] = (byte) (rest % 255);
        return op;
    }

    private static int read32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
