package io.github.bootimage.compress.deflate;

import static io.github.bootimage.compress.deflate.DeflateTables.CODELEN_ORDER;
import static io.github.bootimage.compress.deflate.DeflateTables.CODELEN_SYMBOLS;
import static io.github.bootimage.compress.deflate.DeflateTables.DIST_SYMBOLS;
import static io.github.bootimage.compress.deflate.DeflateTables.LITLEN_SYMBOLS;

/**
 * The Huffman codes of one dynamic block and its header (RFC 1951 §3.2.7): literal/length and distance code
 * lengths (at most 15 bits), their run-length coding with symbols 16 (repeat previous 3-6 times), 17 (3-10
 * zeros) and 18 (11-138 zeros), and the code-length code (at most 7 bits).
 */
final class CodeLengths {
    final int[] litLengths = new int[LITLEN_SYMBOLS];
    final int[] distLengths = new int[DIST_SYMBOLS];
    final int[] clLengths = new int[CODELEN_SYMBOLS];
    /** Run-length items: symbol | extra-bits value << 8. */
    final int[] rle = new int[LITLEN_SYMBOLS + DIST_SYMBOLS];
    int rleCount;
    int hlit;
    int hdist;
    int hclen;
    private final int[] all = new int[LITLEN_SYMBOLS + DIST_SYMBOLS];
    private final int[] clFreq = new int[CODELEN_SYMBOLS];

    /** Builds the codes for these histograms; returns the bits of the header and all Huffman-coded symbols. */
    long build(int[] litFreq, int[] distFreq) {
        HuffmanCode.buildLengths(litFreq, LITLEN_SYMBOLS, HuffmanCode.MAX_BITS, litLengths);
        HuffmanCode.buildLengths(distFreq, DIST_SYMBOLS, HuffmanCode.MAX_BITS, distLengths);
        hlit = LITLEN_SYMBOLS;
        while (hlit > 257 && litLengths[hlit - 1] == 0) {
            hlit--;
        }
        hdist = DIST_SYMBOLS;
        while (hdist > 1 && distLengths[hdist - 1] == 0) {
            hdist--;
        }
        System.arraycopy(litLengths, 0, all, 0, hlit);
        System.arraycopy(distLengths, 0, all, hlit, hdist);
        runLengths(hlit + hdist);
        java.util.Arrays.fill(clFreq, 0);
        for (int i = 0; i < rleCount; i++) {
            clFreq[rle[i] & 0xFF]++;
        }
        HuffmanCode.buildLengths(clFreq, CODELEN_SYMBOLS, 7, clLengths);
        hclen = CODELEN_SYMBOLS;
        while (hclen > 4 && clLengths[CODELEN_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        long bits = 3 + 14 + 3L * hclen;
        for (int s = 0; s < CODELEN_SYMBOLS; s++) {
            bits += (long) clFreq[s] * (clLengths[s] + (s == 16 ? 2 : s == 17 ? 3 : s == 18 ? 7 : 0));
        }
        for (int s = 0; s < LITLEN_SYMBOLS; s++) {
            bits += (long) litFreq[s] * litLengths[s];
        }
        for (int s = 0; s < DIST_SYMBOLS; s++) {
            bits += (long) distFreq[s] * distLengths[s];
        }
        return bits;
    }

    private void runLengths(int total) {
        rleCount = 0;
        int i = 0;
        while (i < total) {
            int v = all[i];
            int run = 1;
            while (i + run < total && all[i + run] == v) {
                run++;
            }
            i += run;
            if (v == 0) {
                while (run >= 11) {
                    int k = Math.min(run, 138);
                    rle[rleCount++] = 18 | (k - 11) << 8;
                    run -= k;
                }
                if (run >= 3) {
                    rle[rleCount++] = 17 | (run - 3) << 8;
                    run = 0;
                }
            } else {
                rle[rleCount++] = v;
                run--;
                while (run >= 3) {
                    int k = Math.min(run, 6);
                    rle[rleCount++] = 16 | (k - 3) << 8;
                    run -= k;
                }
            }
            while (run-- > 0) {
                rle[rleCount++] = v;
            }
        }
    }
}
