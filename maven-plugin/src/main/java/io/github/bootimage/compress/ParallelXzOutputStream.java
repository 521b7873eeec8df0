package io.github.bootimage.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.FinishableOutputStream;
import org.tukaani.xz.FinishableWrapperOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;

/**
 * An .xz stream (The .xz File Format 1.2.1) with the CRC32 check the kernel's decoder requires, cut into
 * independent blocks of 3 x the dictionary size, at least 1 MiB (as {@code xz -T}) that are LZMA2-compressed in parallel.
 * The kernel's xz_dec (lib/xz) decodes any number of blocks and verifies the index. xz-java's LZMA2 encoder
 * is pure Java, so the bytes depend only on the input, the level and the block size.
 */
final class ParallelXzOutputStream extends BlockParallelOutputStream {
    private static final byte[] HEADER_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] FLAGS_CRC32 = {0, 1};
    private static final int BLOCK_HEADER_SIZE = 12;
    private static final int CHECK_SIZE = 4;

    private final LZMA2Options options;
    private final SortedMap<Long, long[]> index = new TreeMap<>();

    ParallelXzOutputStream(OutputStream out, int level, int threads) throws IOException {
        this(out, options(level), threads);
    }

    private ParallelXzOutputStream(OutputStream out, LZMA2Options options, int threads) throws IOException {
        super(out, blockSize(options), threads);
        this.options = options;
        out.write(HEADER_MAGIC);
        out.write(FLAGS_CRC32);
        writeCrc(out, FLAGS_CRC32, 0, 2);
    }

    private static LZMA2Options options(int level) throws UnsupportedOptionsException {
        return new LZMA2Options(level);
    }

    private static int blockSize(LZMA2Options options) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(3L * options.getDictSize(), 1 << 20));
    }

    @Override
    protected byte[] compressBlock(long sequence, byte[] data, int length, byte[] previous, boolean last) throws IOException {
        if (length == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream block = new ByteArrayOutputStream(length / 3 + 64);
        block.write(blockHeader());
        FinishableOutputStream lzma2 = options.getOutputStream(new FinishableWrapperOutputStream(block),
                ArrayCache.getDummyCache());
        lzma2.write(data, 0, length);
        lzma2.finish();
        long compressed = block.size() - BLOCK_HEADER_SIZE;
        block.write(new byte[(int) ((4 - compressed % 4) % 4)]);
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        writeLe32(block, crc.getValue());
        synchronized (index) {
            // Blocks finish out of order; the index lists them by sequence number.
            index.put(sequence, new long[] {BLOCK_HEADER_SIZE + compressed + CHECK_SIZE, length});
        }
        return block.toByteArray();
    }

    /** Block header: size, flags (one filter, no sizes), LZMA2 filter flags, padding, CRC32. */
    private byte[] blockHeader() throws IOException {
        byte[] h = new byte[BLOCK_HEADER_SIZE];
        h[0] = (byte) (BLOCK_HEADER_SIZE / 4 - 1);
        h[1] = 0;
        h[2] = 0x21;
        h[3] = 1;
        h[4] = dictSizeProperty(options.getDictSize());
        CRC32 crc = new CRC32();
        crc.update(h, 0, 8);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) {
            h[8 + i] = (byte) (c >> (8 * i));
        }
        return h;
    }

    /** The LZMA2 dictionary-size byte: the smallest p with (2 | (p &amp; 1)) &lt;&lt; (p / 2 + 11) &gt;= size. */
    static byte dictSizeProperty(int dictSize) {
        for (int p = 0; p < 40; p++) {
            long size = (2L | (p & 1)) << (p / 2 + 11);
            if (size >= dictSize) {
                return (byte) p;
            }
        }
        return 40;
    }

    @Override
    protected void writeTrailer(OutputStream target) throws IOException {
        ByteArrayOutputStream idx = new ByteArrayOutputStream();
        idx.write(0);
        List<long[]> records;
        synchronized (index) {
            records = new ArrayList<>(index.values());
        }
        writeVli(idx, records.size());
        for (long[] r : records) {
            writeVli(idx, r[0]);
            writeVli(idx, r[1]);
        }
        idx.write(new byte[(4 - idx.size() % 4) % 4]);
        byte[] body = idx.toByteArray();
        target.write(body);
        writeCrc(target, body, 0, body.length);
        long backward = (body.length + 4) / 4 - 1;
        byte[] footer = {(byte) backward, (byte) (backward >> 8), (byte) (backward >> 16), (byte) (backward >> 24),
            FLAGS_CRC32[0], FLAGS_CRC32[1]};
        writeCrc(target, footer, 0, footer.length);
        target.write(footer);
        target.write(new byte[] {'Y', 'Z'});
    }

    private static void writeVli(OutputStream out, long value) throws IOException {
        while (value >= 0x80) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static void writeCrc(OutputStream out, byte[] b, int off, int len) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        writeLe32(out, crc.getValue());
    }

    private static void writeLe32(OutputStream out, long v) throws IOException {
        out.write(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }
}
