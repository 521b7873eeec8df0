package io.github.bootimage.compress.deflate;

/**
 * Compresses a piece of data into raw DEFLATE (RFC 1951), optionally primed with a preset dictionary (the data
 * that precedes it in the stream, of which the last 32 KiB are used). The result ends byte-aligned: with a
 * final block, or with an empty stored block (a sync flush) so that the next piece, compressed independently,
 * can follow it. The bytes depend only on the input, dictionary and level. Not thread-safe; reusable.
 */
public final class DeflateEncoder {
    private final DeflateLevel level;
    private final MatchFinder matcher = new MatchFinder();
    private final BitWriter bits = new BitWriter();
    private final BlockWriter blocks = new BlockWriter(bits);
    private byte[] window = new byte[0];
    private int[] symbols = new int[0];

    /** {@code level} 1 (fastest) to 9 (smallest). */
    public DeflateEncoder(int level) {
        this.level = DeflateLevel.of(level);
    }

    /**
     * Deflates {@code data[off, off + len)} after the dictionary {@code dict[dictOff, dictOff + dictLen)} (may be
     * empty). {@code last} ends the stream with a final block; otherwise it ends with a sync flush.
     */
    public byte[] deflate(byte[] dict, int dictOff, int dictLen, byte[] data, int off, int len, boolean last) {
        int keep = Math.min(dictLen, DeflateTables.WINDOW);
        int start = keep;
        int end = keep + len;
        if (window.length < end + MatchFinder.PADDING) {
            window = new byte[end + MatchFinder.PADDING];
        }
        if (keep > 0) {
            System.arraycopy(dict, dictOff + dictLen - keep, window, 0, keep);
        }
        System.arraycopy(data, off, window, start, len);
        if (symbols.length < len) {
            symbols = new int[len];
        }
        int count = matcher.parse(window, 0, start, end, level, symbols);
        bits.reset();
        // No data and no end of stream: the sync flush alone says it.
        int[] ends = count == 0 && !last ? new int[0] : BlockSplitter.split(symbols, count, level.segment());
        int from = 0;
        int pos = start;
        for (int i = 0; i < ends.length; i++) {
            int to = ends[i];
            int next = pos + BlockSplitter.byteCount(symbols, from, to);
            blocks.write(symbols, from, to, window, pos, next, last && i == ends.length - 1);
            from = to;
            pos = next;
        }
        if (!last) {
            blocks.writeSyncFlush();
        }
        return bits.toByteArray();
    }
}
