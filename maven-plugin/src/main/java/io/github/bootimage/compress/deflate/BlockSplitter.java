package io.github.bootimage.compress.deflate;

import static io.github.bootimage.compress.deflate.DeflateTables.DIST_SYMBOLS;
import static io.github.bootimage.compress.deflate.DeflateTables.LITLEN_SYMBOLS;

import java.util.Arrays;

/**
 * Chooses block boundaries: cuts the symbols into segments of about the same input size, then repeatedly merges the two
 * neighbouring segments whose merge saves the most bits (one header fewer against codes fitted less closely),
 * until no merge saves anything. Only symbol counts and histograms decide, so the result is deterministic.
 */
final class BlockSplitter {
    /**
     * Returns the block ends as symbol indexes, ascending, the last one {@code count}. {@code symbols[0, count)}
     * are cut into pieces of about {@code segment} input bytes before merging.
     */
    static int[] split(int[] symbols, int count, int segment) {
        int[] ends = segmentEnds(symbols, count, segment);
        int segments = ends.length;
        int[][] lit = new int[segments][];
        int[][] dist = new int[segments][];
        int[] bytes = new int[segments];
        long[] bits = new long[segments];
        for (int i = 0; i < segments; i++) {
            int from = i == 0 ? 0 : ends[i - 1];
            lit[i] = new int[LITLEN_SYMBOLS];
            dist[i] = new int[DIST_SYMBOLS];
            BlockWriter.histogram(symbols, from, ends[i], lit[i], dist[i]);
            bytes[i] = byteCount(symbols, from, ends[i]);
            bits[i] = BlockWriter.estimateBits(lit[i], dist[i], bytes[i]);
        }
        int n = segments;
        long[] gain = new long[Math.max(0, n - 1)];
        int[][] mergedLit = new int[Math.max(0, n - 1)][];
        int[][] mergedDist = new int[Math.max(0, n - 1)][];
        long[] mergedBits = new long[Math.max(0, n - 1)];
        for (int i = 0; i + 1 < n; i++) {
            evaluate(i, lit, dist, bytes, bits, gain, mergedLit, mergedDist, mergedBits);
        }
        while (n > 1) {
            int best = 0;
            for (int i = 1; i + 1 < n; i++) {
                if (gain[i] > gain[best]) {
                    best = i;
                }
            }
            if (gain[best] <= 0) {
                break;
            }
            lit[best] = mergedLit[best];
            dist[best] = mergedDist[best];
            bytes[best] += bytes[best + 1];
            bits[best] = mergedBits[best];
            ends[best] = ends[best + 1];
            n--;
            removeAt(best + 1, n, ends, lit, dist, bytes, bits);
            System.arraycopy(gain, best + 1, gain, best, n - 1 - best);
            System.arraycopy(mergedLit, best + 1, mergedLit, best, n - 1 - best);
            System.arraycopy(mergedDist, best + 1, mergedDist, best, n - 1 - best);
            System.arraycopy(mergedBits, best + 1, mergedBits, best, n - 1 - best);
            if (best > 0) {
                evaluate(best - 1, lit, dist, bytes, bits, gain, mergedLit, mergedDist, mergedBits);
            }
            if (best + 1 < n) {
                evaluate(best, lit, dist, bytes, bits, gain, mergedLit, mergedDist, mergedBits);
            }
        }
        return Arrays.copyOf(ends, n);
    }

    private static void evaluate(int i, int[][] lit, int[][] dist, int[] bytes, long[] bits, long[] gain,
            int[][] mergedLit, int[][] mergedDist, long[] mergedBits) {
        int[] l = new int[LITLEN_SYMBOLS];
        int[] d = new int[DIST_SYMBOLS];
        for (int s = 0; s < LITLEN_SYMBOLS; s++) {
            l[s] = lit[i][s] + lit[i + 1][s];
        }
        l[DeflateTables.END_OF_BLOCK]--;
        for (int s = 0; s < DIST_SYMBOLS; s++) {
            d[s] = dist[i][s] + dist[i + 1][s];
        }
        mergedLit[i] = l;
        mergedDist[i] = d;
        mergedBits[i] = BlockWriter.estimateBits(l, d, bytes[i] + bytes[i + 1]);
        gain[i] = bits[i] + bits[i + 1] - mergedBits[i];
    }

    private static void removeAt(int k, int n, int[] ends, int[][] lit, int[][] dist, int[] bytes, long[] bits) {
        System.arraycopy(ends, k + 1, ends, k, n - k);
        System.arraycopy(lit, k + 1, lit, k, n - k);
        System.arraycopy(dist, k + 1, dist, k, n - k);
        System.arraycopy(bytes, k + 1, bytes, k, n - k);
        System.arraycopy(bits, k + 1, bits, k, n - k);
    }

    /** Cuts after the first symbol that reaches each multiple of {@code segment} input bytes. */
    private static int[] segmentEnds(int[] symbols, int count, int segment) {
        int[] ends = new int[16];
        int n = 0;
        int bytes = 0;
        int next = segment;
        for (int i = 0; i < count; i++) {
            int s = symbols[i];
            bytes += s < 256 ? 1 : s & 511;
            if (bytes >= next && i + 1 < count) {
                if (n == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * n);
                }
                ends[n++] = i + 1;
                next = bytes + segment;
            }
        }
        if (n == ends.length) {
            ends = Arrays.copyOf(ends, n + 1);
        }
        ends[n++] = count;
        return Arrays.copyOf(ends, n);
    }

    static int byteCount(int[] symbols, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int s = symbols[i];
            n += s < 256 ? 1 : s & 511;
        }
        return n;
    }
}
