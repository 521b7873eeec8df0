package io.github.bootimage.compress;

import java.util.Arrays;

/**
 * A greedy LZ4 block encoder (lz4 {@code doc/lz4_Block_format.md}), the same idea as LZ4's fast mode: a
 * 64 Ki-entry hash table of 4-byte sequences, no lazy matching. Pure Java and deterministic. Commons
 * Compress' LZ4 block encoder is not used: its cost grows with the square of the block size, and legacy
 * frames need 8 MiB blocks.
 *
 * <p>The format's end rules are kept: the last 5 bytes are literals and the last match starts at least 12
 * bytes before the end of the block.
 */
final class Lz4Block {
    private static final int MIN_MATCH = 4;
    private static final int LAST_LITERALS = 5;
    private static final int MF_LIMIT = 12;
    private static final int MAX_OFFSET = 65535;
    private static final int HASH_LOG = 16;

    private Lz4Block() {
    }

    /** The worst-case compressed size (LZ4_compressBound). */
    static int bound(int length) {
        return length + length / 255 + 16;
    }

    /** Compresses {@code data[0..length)}; returns the block bytes. */
    static byte[] compress(byte[] data, int length) {
        byte[] out = new byte[bound(length)];
        int[] table = new int[1 << HASH_LOG];
        Arrays.fill(table, -1);
        int op = 0;
        int anchor = 0;
        int ip = 0;
        while (ip < length - MF_LIMIT) {
            int sequence = readInt(data, ip);
            int h = (sequence * -1640531535) >>> (32 - HASH_LOG);
            int ref = table[h];
            table[h] = ip;
            if (ref < 0 || ip - ref > MAX_OFFSET || readInt(data, ref) != sequence) {
                ip++;
                continue;
            }
            int matchLength = MIN_MATCH;
            int maxEnd = length - LAST_LITERALS;
            while (ip + matchLength < maxEnd && data[ref + matchLength] == data[ip + matchLength]) {
                matchLength++;
            }
            op = sequence(out, op, data, anchor, ip - anchor, ip - ref, matchLength);
            ip += matchLength;
            anchor = ip;
        }
        op = lastLiterals(out, op, data, anchor, length - anchor);
        return Arrays.copyOf(out, op);
    }

    private static int sequence(byte[] out, int op, byte[] data, int from, int literals, int offset, int match) {
        int m = match - MIN_MATCH;
        int token = op++;
        out[token] = (byte) ((Math.min(literals, 15) << 4) | Math.min(m, 15));
        op = length(out, op, literals);
        System.arraycopy(data, from, out, op, literals);
        op += literals;
        out[op++] = (byte) offset;
        out[op++] = (byte) (offset >>> 8);
        return length(out, op, m);
    }

    private static int lastLiterals(byte[] out, int op, byte[] data, int from, int literals) {
        out[op++] = (byte) (Math.min(literals, 15) << 4);
        op = length(out, op, literals);
        System.arraycopy(data, from, out, op, literals);
        return op + literals;
    }

    /** The extra length bytes after a 4-bit field that holds 15: runs of 255, then the rest. */
    private static int length(byte[] out, int op, int value) {
        if (value >= 15) {
            int rest = value - 15;
            while (rest >= 255) {
                out[op++] = (byte) 255;
                rest -= 255;
            }
            out[op++] = (byte) rest;
        }
        return op;
    }

    private static int readInt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
