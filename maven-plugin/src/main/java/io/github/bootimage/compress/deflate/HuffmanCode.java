package io.github.bootimage.compress.deflate;

import java.util.Arrays;

/**
 * Length-limited Huffman code lengths and their canonical codes (RFC 1951 §3.2.2). The lengths come from an
 * ordinary Huffman tree; when it is deeper than the limit, the deep leaves are lifted to the limit and the code
 * is made complete again by pushing the least frequent shallower leaves one level down, one Kraft unit at a
 * time. Every code built here is complete (Kraft sum exactly 1), with at least two symbols, as zlib's inflate
 * wants.
 */
final class HuffmanCode {
    static final int MAX_BITS = 15;

    private HuffmanCode() {
    }

    /** Fills {@code lengths[0..n)} with code lengths of at most {@code limit} bits for {@code freq[0..n)}. */
    static void buildLengths(int[] freq, int n, int limit, int[] lengths) {
        Arrays.fill(lengths, 0, n, 0);
        long[] keys = sortedLeaves(freq, n);
        int leaves = keys.length;
        int[] depthCount = treeDepthCounts(keys, limit);
        // Longest codes to the least frequent symbols; ties broken by symbol number through the sort key.
        int leaf = 0;
        for (int len = limit; len >= 1; len--) {
            for (int c = depthCount[len]; c > 0; c--) {
                lengths[(int) keys[leaf++] & 0xFFFF] = len;
            }
        }
        if (leaf != leaves) {
            throw new IllegalStateException("Huffman length counts do not add up: " + leaf + " != " + leaves);
        }
    }

    /** The used symbols as (frequency << 16 | symbol), ascending; padded with unused symbols to at least two. */
    private static long[] sortedLeaves(int[] freq, int n) {
        int used = 0;
        for (int s = 0; s < n; s++) {
            if (freq[s] != 0) {
                used++;
            }
        }
        long[] keys = new long[Math.max(2, used)];
        int k = 0;
        int padding = keys.length - used;
        for (int s = 0; s < n; s++) {
            if (freq[s] != 0) {
                keys[k++] = ((long) freq[s] << 16) | s;
            } else if (padding > 0) {
                keys[k++] = s;
                padding--;
            }
        }
        Arrays.sort(keys);
        return keys;
    }

    /** How many leaves get each length 1..limit: a Huffman tree, then the overflow correction. */
    private static int[] treeDepthCounts(long[] keys, int limit) {
        int n = keys.length;
        long[] weight = new long[2 * n - 1];
        int[] parent = new int[2 * n - 1];
        for (int i = 0; i < n; i++) {
            weight[i] = keys[i] >>> 16;
        }
        // Two queues: sorted leaves, and internal nodes (created in ascending weight order).
        int leaf = 0;
        int inner = n;
        for (int next = n; next < 2 * n - 1; next++) {
            int a = leaf < n && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
            int b = leaf < n && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
        }
        int[] depth = new int[2 * n - 1];
        int[] count = new int[Math.max(limit, MAX_BITS) + 1];
        int max = 0;
        for (int i = 2 * n - 3; i >= 0; i--) {
            depth[i] = depth[parent[i]] + 1;
            if (i < n) {
                int d = Math.min(depth[i], limit);
                count[d]++;
                max = Math.max(max, depth[i]);
            }
        }
        if (max > limit) {
            long excess = -(1L << limit);
            for (int len = 1; len <= limit; len++) {
                excess += (long) count[len] << (limit - len);
            }
            while (excess > 0) {
                int bits = limit - 1;
                while (count[bits] == 0) {
                    bits--;
                }
                // A leaf at depth 'bits' becomes a node over itself and a leaf taken from the deepest level.
                count[bits]--;
                count[bits + 1] += 2;
                count[limit]--;
                excess--;
            }
        }
        return count;
    }

    /** The canonical codes of RFC 1951 §3.2.2, bit-reversed for LSB-first output. */
    static void canonicalCodes(int[] lengths, int n, int[] codes) {
        int[] count = new int[MAX_BITS + 1];
        for (int s = 0; s < n; s++) {
            count[lengths[s]]++;
        }
        count[0] = 0;
        int[] next = new int[MAX_BITS + 2];
        int code = 0;
        for (int bits = 1; bits <= MAX_BITS; bits++) {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }
        for (int s = 0; s < n; s++) {
            int len = lengths[s];
            codes[s] = len == 0 ? 0 : Integer.reverse(next[len]++) >>> (32 - len);
        }
    }
}
