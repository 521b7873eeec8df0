package io.github.bootimage.compress.deflate;

/**
 * Estimates what literals cost from the literals emitted so far (counts halved now and then, so they follow
 * the data), to reject short matches that would cost more than the bytes they replace: a 3-byte match 4,000
 * bytes back costs about 20 bits, three letters of text about 14.
 */
final class LiteralCosts {
    /** Fixed point: costs are in 1/16 bit. */
    private static final int SCALE = 16;
    private static final int MAX_TOTAL = 1 << 13;
    /** The longest match that is checked; longer ones always pay. */
    private static final int CHECKED = 10;
    /** Bits of a match besides its extra bits: about the typical Huffman code of a length plus a distance. */
    private static final int MATCH_OVERHEAD = 8;
    private static final int[] LOG2 = new int[MAX_TOTAL + 512];

    static {
        for (int i = 1; i < LOG2.length; i++) {
            LOG2[i] = (int) Math.round(Math.log(i) / Math.log(2) * SCALE);
        }
    }

    private final int[] count = new int[256];
    private int total;

    void reset() {
        java.util.Arrays.fill(count, 1);
        total = 256;
    }

    void add(int b) {
        count[b]++;
        if (++total >= MAX_TOTAL) {
            total = 0;
            for (int i = 0; i < 256; i++) {
                count[i] = (count[i] + 1) >> 1;
                total += count[i];
            }
        }
    }

    /** Whether a match of {@code len} at {@code dist} is cheaper than {@code win[p, p + len)} as literals. */
    boolean worthMatching(byte[] win, int p, int len, int dist) {
        if (len > CHECKED) {
            return true;
        }
        int code = DeflateTables.LENGTH_CODE[len];
        int matchBits = (MATCH_OVERHEAD + DeflateTables.LENGTH_EXTRA[code]
                + DeflateTables.DIST_EXTRA[DeflateTables.distCode(dist)]) * SCALE;
        int literalBits = 0;
        int log2Total = LOG2[total];
        for (int i = 0; i < len; i++) {
            literalBits += log2Total - LOG2[count[win[p + i] & 0xFF]];
        }
        return literalBits > matchBits;
    }
}
