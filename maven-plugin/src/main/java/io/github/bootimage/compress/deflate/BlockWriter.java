package io.github.bootimage.compress.deflate;

import static io.github.bootimage.compress.deflate.DeflateTables.CODELEN_ORDER;
import static io.github.bootimage.compress.deflate.DeflateTables.CODELEN_SYMBOLS;
import static io.github.bootimage.compress.deflate.DeflateTables.DIST_BASE;
import static io.github.bootimage.compress.deflate.DeflateTables.DIST_EXTRA;
import static io.github.bootimage.compress.deflate.DeflateTables.DIST_SYMBOLS;
import static io.github.bootimage.compress.deflate.DeflateTables.END_OF_BLOCK;
import static io.github.bootimage.compress.deflate.DeflateTables.FIXED_DIST_LENGTHS;
import static io.github.bootimage.compress.deflate.DeflateTables.FIXED_LITLEN_LENGTHS;
import static io.github.bootimage.compress.deflate.DeflateTables.LENGTH_BASE;
import static io.github.bootimage.compress.deflate.DeflateTables.LENGTH_CODE;
import static io.github.bootimage.compress.deflate.DeflateTables.LENGTH_EXTRA;
import static io.github.bootimage.compress.deflate.DeflateTables.LITLEN_SYMBOLS;

/**
 * Writes one block (RFC 1951 §3.2.3) as stored, fixed or dynamic Huffman, whichever is smallest counted in
 * exact bits. The dynamic header follows §3.2.7: code lengths run-length coded with symbols 16/17/18.
 */
final class BlockWriter {
    private static final int[] FIXED_LITLEN_CODES = new int[288];
    private static final int[] FIXED_DIST_CODES = new int[32];
    private static final int STORED_MAX = 65535;
    /** A dynamic header's guessed size: counts and code-length code, plus a few bits per code length sent. */
    private static final int HEADER_BASE = 60;
    private static final int HEADER_PER_SYMBOL = 4;

    static {
        HuffmanCode.canonicalCodes(FIXED_LITLEN_LENGTHS, 288, FIXED_LITLEN_CODES);
        HuffmanCode.canonicalCodes(FIXED_DIST_LENGTHS, 32, FIXED_DIST_CODES);
    }

    private final BitWriter out;
    private final CodeLengths header = new CodeLengths();
    private final int[] litFreq = new int[LITLEN_SYMBOLS];
    private final int[] distFreq = new int[DIST_SYMBOLS];
    private final int[] litCodes = new int[LITLEN_SYMBOLS];
    private final int[] distCodes = new int[DIST_SYMBOLS];
    private final int[] clCodes = new int[CODELEN_SYMBOLS];

    BlockWriter(BitWriter out) {
        this.out = out;
    }

    /** Counts the symbols of {@code symbols[from, to)} into the histograms (plus one end-of-block). */
    static void histogram(int[] symbols, int from, int to, int[] litFreq, int[] distFreq) {
        for (int i = from; i < to; i++) {
            int s = symbols[i];
            if (s < 256) {
                litFreq[s]++;
            } else {
                litFreq[257 + LENGTH_CODE[s & 511]]++;
                distFreq[DeflateTables.distCode(s >>> 9)]++;
            }
        }
        litFreq[END_OF_BLOCK]++;
    }

    /** Bits of the extra fields of lengths and distances: the same under any Huffman code. */
    static long extraBits(int[] litFreq, int[] distFreq) {
        long bits = 0;
        for (int c = 0; c < LENGTH_EXTRA.length; c++) {
            bits += (long) litFreq[257 + c] * LENGTH_EXTRA[c];
        }
        for (int c = 0; c < DIST_SYMBOLS; c++) {
            bits += (long) distFreq[c] * DIST_EXTRA[c];
        }
        return bits;
    }

    static long fixedBits(int[] litFreq, int[] distFreq) {
        long bits = 3 + extraBits(litFreq, distFreq);
        for (int s = 0; s < LITLEN_SYMBOLS; s++) {
            bits += (long) litFreq[s] * FIXED_LITLEN_LENGTHS[s];
        }
        for (int s = 0; s < DIST_SYMBOLS; s++) {
            bits += (long) distFreq[s] * FIXED_DIST_LENGTHS[s];
        }
        return bits;
    }

    /** Stored blocks for {@code bytes} bytes starting at bit position {@code at}: headers, padding, LEN/NLEN. */
    static long storedBits(long at, int bytes) {
        long pos = at;
        int left = bytes;
        do {
            int n = Math.min(left, STORED_MAX);
            pos = ((pos + 3 + 7) & ~7L) + 32 + 8L * n;
            left -= n;
        } while (left > 0);
        return pos - at;
    }

    /**
     * About the smallest size in bits of a block with these histograms, for the block splitter: the dynamic
     * size is estimated from the entropy plus a header guess, which is much cheaper than building the codes.
     */
    static long estimateBits(int[] lit, int[] dist, int bytes) {
        double dynamic = Entropy.bits(lit) + Entropy.bits(dist) + extraBits(lit, dist)
                + HEADER_BASE + HEADER_PER_SYMBOL * (Entropy.used(lit) + Entropy.used(dist));
        return Math.min((long) dynamic, Math.min(fixedBits(lit, dist), storedBits(0, bytes)));
    }


    /** Writes {@code symbols[from, to)}, which encode {@code data[dataFrom, dataTo)}, as one block (or several stored). */
    void write(int[] symbols, int from, int to, byte[] data, int dataFrom, int dataTo, boolean last) {
        java.util.Arrays.fill(litFreq, 0);
        java.util.Arrays.fill(distFreq, 0);
        histogram(symbols, from, to, litFreq, distFreq);
        long extra = extraBits(litFreq, distFreq);
        long dynamic = header.build(litFreq, distFreq) + extra;
        long fixed = fixedBits(litFreq, distFreq);
        long stored = storedBits(out.bitPosition(), dataTo - dataFrom);
        out.reserve(Math.min(dynamic, Math.min(fixed, stored)) + 64);
        if (stored < dynamic && stored < fixed) {
            writeStored(data, dataFrom, dataTo, last);
        } else if (fixed <= dynamic) {
            out.write((last ? 1 : 0) | 1 << 1, 3);
            writeSymbols(symbols, from, to, FIXED_LITLEN_CODES, FIXED_LITLEN_LENGTHS, FIXED_DIST_CODES,
                    FIXED_DIST_LENGTHS);
        } else {
            out.write((last ? 1 : 0) | 2 << 1, 3);
            writeDynamicHeader();
            HuffmanCode.canonicalCodes(header.litLengths, LITLEN_SYMBOLS, litCodes);
            HuffmanCode.canonicalCodes(header.distLengths, DIST_SYMBOLS, distCodes);
            writeSymbols(symbols, from, to, litCodes, header.litLengths, distCodes, header.distLengths);
        }
    }

    private void writeStored(byte[] data, int from, int to, boolean last) {
        int off = from;
        do {
            int n = Math.min(to - off, STORED_MAX);
            boolean end = last && off + n == to;
            out.write(end ? 1 : 0, 3);
            out.alignToByte();
            out.write(n | (~n & 0xFFFF) << 16, 32);
            out.writeBytes(data, off, n);
            off += n;
        } while (off < to);
    }

    /** An empty stored block: byte-aligns the stream without ending it (zlib's Z_SYNC_FLUSH). */
    void writeSyncFlush() {
        out.reserve(64);
        out.write(0, 3);
        out.alignToByte();
        out.write(0xFFFF_0000, 32);
    }

    private void writeDynamicHeader() {
        HuffmanCode.canonicalCodes(header.clLengths, CODELEN_SYMBOLS, clCodes);
        out.write((header.hlit - 257) | (header.hdist - 1) << 5 | (header.hclen - 4) << 10, 14);
        for (int i = 0; i < header.hclen; i++) {
            out.write(header.clLengths[CODELEN_ORDER[i]], 3);
        }
        for (int i = 0; i < header.rleCount; i++) {
            int item = header.rle[i];
            int sym = item & 0xFF;
            out.write(clCodes[sym], header.clLengths[sym]);
            if (sym >= 16) {
                out.write(item >>> 8, sym == 16 ? 2 : sym == 17 ? 3 : 7);
            }
        }
    }

    private void writeSymbols(int[] symbols, int from, int to, int[] lc, int[] ll, int[] dc, int[] dl) {
        BitWriter w = out;
        for (int i = from; i < to; i++) {
            int s = symbols[i];
            if (s < 256) {
                w.write(lc[s], ll[s]);
            } else {
                int len = s & 511;
                int dist = s >>> 9;
                int code = LENGTH_CODE[len];
                int sym = 257 + code;
                w.write(lc[sym] | (len - LENGTH_BASE[code]) << ll[sym], ll[sym] + LENGTH_EXTRA[code]);
                int d = DeflateTables.distCode(dist);
                w.write(dc[d] | (dist - DIST_BASE[d]) << dl[d], dl[d] + DIST_EXTRA[d]);
            }
        }
        w.write(lc[END_OF_BLOCK], ll[END_OF_BLOCK]);
    }
}
