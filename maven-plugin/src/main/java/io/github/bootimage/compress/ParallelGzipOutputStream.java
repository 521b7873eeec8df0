package io.github.bootimage.compress;

import io.github.bootimage.compress.deflate.DeflateEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32;

/**
 * A gzip member (RFC 1952) compressed like {@code pigz}: 128 KiB blocks deflated independently on several
 * threads, each primed with the previous 32 KiB as dictionary and ended with a sync flush, so that they join
 * into one valid DEFLATE stream (RFC 1951). Deflate runs in our own {@link DeflateEncoder} (pure Java), so
 * the bytes do not depend on the JDK's native zlib (zlib, zlib-ng, ...) nor on the thread that ran a block. The header has no name, mtime 0 and OS 3 (Unix).
 */
final class ParallelGzipOutputStream extends BlockParallelOutputStream {
    static final int BLOCK_SIZE = 128 * 1024;

    private final int level;
    private final CRC32 crc = new CRC32();
    /** Idle encoders, reused so that each block does not allocate its window and hash tables anew. */
    private final ConcurrentLinkedQueue<DeflateEncoder> encoders = new ConcurrentLinkedQueue<>();
    private long size;

    ParallelGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
        super(out, BLOCK_SIZE, threads);
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("gzip level must be 1-9, got " + level);
        }
        this.level = level;
        // ID1 ID2 CM=8 FLG=0 MTIME=0 XFL (2 = best, 4 = fastest) OS=3
        int xfl = level == 9 ? 2 : level == 1 ? 4 : 0;
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, 3});
    }

    @Override
    protected void update(byte[] b, int off, int len) {
        crc.update(b, off, len);
        size += len;
    }

    @Override
    protected byte[] compressBlock(long sequence, byte[] data, int length, byte[] previous, boolean last) {
        DeflateEncoder encoder = encoders.poll();
        if (encoder == null) {
            encoder = new DeflateEncoder(level);
        }
        try {
            int dictLen = previous == null ? 0 : previous.length;
            return encoder.deflate(previous, 0, dictLen, data, 0, length, last);
        } finally {
            encoders.add(encoder);
        }
    }

    @Override
    protected void writeTrailer(OutputStream target) throws IOException {
        long c = crc.getValue();
        long isize = size & 0xFFFF_FFFFL;
        target.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
            (byte) isize, (byte) (isize >> 8), (byte) (isize >> 16), (byte) (isize >> 24)});
    }
}
