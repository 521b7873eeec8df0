package io.github.bootimage.compress.deflate;

import static io.github.bootimage.compress.deflate.DeflateTables.MAX_MATCH;
import static io.github.bootimage.compress.deflate.DeflateTables.WINDOW;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * LZ77 parsing (RFC 1951 §4) with hash chains over 4-byte prefixes plus a one-entry table for 3-byte matches,
 * and greedy, lazy or double-lazy match selection. Positions index one window array: the preset dictionary
 * followed by the data, so dictionary matches need no special case. Emits symbols as ints: a literal byte
 * (0-255), or {@code distance << 9 | length} for a match.
 */
final class MatchFinder {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int HASH_BITS = 15;
    private static final int HASH3_BITS = 12;
    private static final int MULTIPLIER = 0x9E3779B1;
    /** Bytes past the end a window array must have, for 8-byte reads past the last compared byte. */
    static final int PADDING = 16;

    /**
     * The latest position of each hash, as its low 16 bits (like prevDelta, so the tables stay small enough for
     * the cache). A stale entry can alias a recent position; that only costs a useless candidate, since every
     * candidate is checked byte by byte.
     */
    private final char[] head = new char[1 << HASH_BITS];
    private final char[] head3 = new char[1 << HASH3_BITS];
    /**
     * For each position modulo the window, how far back the previous position with the same hash is (0: none).
     * 64 KiB, so chain walks stay in the cache, unlike an int per position.
     */
    private final char[] prevDelta = new char[WINDOW];
    private byte[] win;
    private int base;
    private int end;
    private int nextInsert;
    private int matchDist;
    private DeflateLevel level;
    private final LiteralCosts literals = new LiteralCosts();

    /**
     * Parses {@code win[start, end)}; {@code win[base, start)} is the dictionary. Returns the symbol count
     * written to {@code symbols}, which must hold {@code end - start} ints.
     */
    int parse(byte[] win, int base, int start, int end, DeflateLevel level, int[] symbols) {
        this.win = win;
        this.base = base;
        this.end = end;
        this.level = level;
        Arrays.fill(head, (char) 0);
        Arrays.fill(head3, (char) 0);
        nextInsert = base;
        insertUpTo(start);
        literals.reset();
        return level.lazy() ? parseLazy(start, symbols) : parseGreedy(start, symbols);
    }

    private int parseGreedy(int p, int[] symbols) {
        int n = 0;
        while (p < end) {
            int len = find(p, level.maxChain(), 3);
            if (len == 0 || !literals.worthMatching(win, p, len, matchDist)) {
                symbols[n++] = literal(p++);
            } else {
                symbols[n++] = matchDist << 9 | len;
                p += len;
                insertUpTo(p);
            }
        }
        return n;
    }

    private int parseLazy(int p, int[] symbols) {
        int n = 0;
        int nice = level.niceLength();
        while (p < end) {
            int len = find(p, level.maxChain(), 3);
            if (len == 0 || !literals.worthMatching(win, p, len, matchDist)) {
                symbols[n++] = literal(p++);
                continue;
            }
            int dist = matchDist;
            while (len < nice && p + 1 < end) {
                int chain = len >= level.goodLength() ? level.maxChain() >> 2 : level.maxChain();
                int len1 = find(p + 1, chain, len - 1);
                if (better(len1, matchDist, len, dist, 2) && literals.worthMatching(win, p + 1, len1, matchDist)) {
                    symbols[n++] = literal(p++);
                    len = len1;
                    dist = matchDist;
                    continue;
                }
                if (!level.lazy2() || p + 2 >= end || len1 >= nice) {
                    break;
                }
                int len2 = find(p + 2, chain, len);
                if (better(len2, matchDist, len, dist, 6) && literals.worthMatching(win, p + 2, len2, matchDist)) {
                    symbols[n++] = literal(p++);
                    symbols[n++] = literal(p++);
                    len = len2;
                    dist = matchDist;
                    continue;
                }
                break;
            }
            symbols[n++] = dist << 9 | len;
            p += len;
            insertUpTo(p);
        }
        return n;
    }

    private int literal(int p) {
        int b = win[p] & 0xFF;
        literals.add(b);
        return b;
    }

    /** Whether a match found later is worth literals first: 4 points per byte of length, 1 per doubling of distance. */
    private static boolean better(int len, int dist, int curLen, int curDist, int threshold) {
        return len != 0 && 4 * (len - curLen) + (log2(curDist) - log2(dist)) > threshold;
    }

    private static int log2(int x) {
        return 31 - Integer.numberOfLeadingZeros(x);
    }

    private void insertUpTo(int q) {
        int last = Math.min(q, end - 3);
        for (int p = nextInsert; p < last; p++) {
            int h = hash4(p);
            link(p, recent(p, head[h]));
            head[h] = (char) p;
            if (level.maxDistance3() != 0) {
                head3[hash3(p)] = (char) p;
            }
        }
        nextInsert = Math.max(nextInsert, q);
    }

    /** The position before {@code p} whose low 16 bits are {@code low}; more than a window back if it is p's own. */
    private static int recent(int p, char low) {
        int back = (p - low) & 0xFFFF;
        return p - (back == 0 ? 0x10000 : back);
    }

    private void link(int p, int previous) {
        int delta = p - previous;
        prevDelta[p & (WINDOW - 1)] = previous < 0 || delta > WINDOW ? 0 : (char) delta;
    }

    private int hash4(int p) {
        return ((int) INT.get(win, p) * MULTIPLIER) >>> (32 - HASH_BITS);
    }

    private int hash3(int p) {
        return (((int) INT.get(win, p) & 0xFF_FFFF) * MULTIPLIER) >>> (32 - HASH3_BITS);
    }

    /**
     * The longest match at {@code p} longer than {@code floor} (0 if none), its distance in {@link #matchDist};
     * inserts {@code p}.
     */
    private int find(int p, int chain, int floor) {
        if (p + 4 > end) {
            nextInsert = p + 1;
            return 0;
        }
        int h = hash4(p);
        int cand = recent(p, head[h]);
        link(p, cand);
        head[h] = (char) p;
        int h3 = 0;
        int cand3 = -1;
        if (level.maxDistance3() != 0) {
            h3 = hash3(p);
            cand3 = recent(p, head3[h3]);
            head3[h3] = (char) p;
        }
        nextInsert = p + 1;
        // Distance 32768 is legal but its chain slot was just reused by p itself.
        int limit = Math.max(base, p - WINDOW + 1);
        int maxLen = Math.min(MAX_MATCH, end - p);
        int nice = Math.min(level.niceLength(), maxLen);
        int first = (int) INT.get(win, p);
        int best = Math.min(floor, maxLen);
        while (cand >= limit && chain-- > 0) {
            if (win[cand + best] == win[p + best] && (int) INT.get(win, cand) == first) {
                int len = 4 + commonLength(cand + 4, p + 4, maxLen - 4);
                if (len > best) {
                    best = len;
                    matchDist = p - cand;
                    if (len >= nice) {
                        break;
                    }
                }
            }
            int delta = prevDelta[cand & (WINDOW - 1)];
            if (delta == 0) {
                break;
            }
            cand -= delta;
        }
        if (best > floor) {
            return best;
        }
        if (floor == 3 && cand3 >= limit && p - cand3 <= level.maxDistance3()
                && (((int) INT.get(win, cand3) ^ first) & 0xFF_FFFF) == 0) {
            matchDist = p - cand3;
            return 3;
        }
        return 0;
    }

    /** How many bytes at {@code a} and {@code b} agree, at most {@code max}; compares 8 bytes at a time. */
    private int commonLength(int a, int b, int max) {
        int i = 0;
        while (i < max) {
            long x = (long) LONG.get(win, a + i) ^ (long) LONG.get(win, b + i);
            if (x != 0) {
                return Math.min(max, i + (Long.numberOfTrailingZeros(x) >>> 3));
            }
            i += 8;
        }
        return max;
    }
}
