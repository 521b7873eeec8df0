package io.github.bootimage.compress.deflate;

/** The fixed tables of RFC 1951 §3.2.5 and §3.2.6. */
final class DeflateTables {
    static final int END_OF_BLOCK = 256;
    static final int LITLEN_SYMBOLS = 286;
    static final int DIST_SYMBOLS = 30;
    static final int CODELEN_SYMBOLS = 19;
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;
    static final int WINDOW = 32768;

    /** §3.2.5: base length and extra bits of length codes 257..285. */
    static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67,
        83, 99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
        5, 5, 0};
    /** §3.2.5: base distance and extra bits of distance codes 0..29. */
    static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11,
        11, 12, 12, 13, 13};
    /** §3.2.7: the order in which code-length code lengths are sent. */
    static final int[] CODELEN_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** Length 0..258 to its code index 0..28 (symbol = 257 + index). */
    static final byte[] LENGTH_CODE = new byte[MAX_MATCH + 1];
    /** Distance-1 for 0..255 to the code; for larger distances, (distance-1) >> 7 indexes {@link #DIST_CODE_HIGH}. */
    static final byte[] DIST_CODE_LOW = new byte[256];
    static final byte[] DIST_CODE_HIGH = new byte[256];
    /** §3.2.6 fixed code lengths. */
    static final int[] FIXED_LITLEN_LENGTHS = new int[288];
    static final int[] FIXED_DIST_LENGTHS = new int[32];

    static {
        for (int code = 0; code < LENGTH_BASE.length; code++) {
            int top = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code] + (1 << LENGTH_EXTRA[code]) : MAX_MATCH + 1;
            for (int len = LENGTH_BASE[code]; len < top && len <= MAX_MATCH; len++) {
                LENGTH_CODE[len] = (byte) code;
            }
        }
        // 258 has its own code (285) although 227 + 31 would cover it with code 284.
        LENGTH_CODE[MAX_MATCH] = 28;
        for (int code = 0; code < DIST_BASE.length; code++) {
            int last = DIST_BASE[code] + (1 << DIST_EXTRA[code]) - 1;
            for (int d = DIST_BASE[code]; d <= last; d++) {
                if (d <= 256) {
                    DIST_CODE_LOW[d - 1] = (byte) code;
                } else {
                    DIST_CODE_HIGH[(d - 1) >> 7] = (byte) code;
                }
            }
        }
        for (int s = 0; s < 288; s++) {
            FIXED_LITLEN_LENGTHS[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        }
        java.util.Arrays.fill(FIXED_DIST_LENGTHS, 5);
    }

    private DeflateTables() {
    }

    static int distCode(int dist) {
        return dist <= 256 ? DIST_CODE_LOW[dist - 1] : DIST_CODE_HIGH[(dist - 1) >> 7];
    }
}
