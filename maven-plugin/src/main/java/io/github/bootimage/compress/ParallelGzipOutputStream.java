package io.github.bootimage.compress;

import com.jcraft.jzlib.Deflater;
import com.jcraft.jzlib.GZIPException;
import com.jcraft.jzlib.JZlib;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A gzip member (RFC 1952) compressed like {@code pigz}: 128 KiB blocks deflated independently on several
 * threads, each primed with the previous 32 KiB as dictionary and ended with a sync flush, so that they join
 * into one valid DEFLATE stream (RFC 1951). Deflate runs in jzlib (pure Java), so the bytes do not depend on
 * the JDK's native zlib (zlib, zlib-ng, ...). The header has no name, mtime 0 and OS 3 (Unix).
 */
final class ParallelGzipOutputStream extends BlockParallelOutputStream {
    static final int BLOCK_SIZE = 128 * 1024;
    private static final int WINDOW = 32 * 1024;

    private final int level;
    private final CRC32 crc = new CRC32();
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
    protected byte[] compressBlock(long sequence, byte[] data, int length, byte[] previous, boolean last) throws IOException {
        Deflater deflater;
        try {
            // zlib wrapper, stripped below: jzlib (like zlib before 1.2.9) refuses a dictionary on raw deflate.
            deflater = new Deflater(level, 15, false);
        } catch (GZIPException e) {
            throw new IOException(e);
        }
        try {
            if (previous != null) {
                byte[] dictionary = Arrays.copyOfRange(previous, previous.length - WINDOW, previous.length);
                check(deflater.setDictionary(dictionary, WINDOW), "setDictionary");
            }
            deflater.setInput(data, 0, length, false);
            ByteArrayOutputStream result = new ByteArrayOutputStream(length / 2 + 64);
            byte[] buf = new byte[64 * 1024];
            int flush = last ? JZlib.Z_FINISH : JZlib.Z_SYNC_FLUSH;
            while (true) {
                deflater.setOutput(buf, 0, buf.length);
                int err = deflater.deflate(flush);
                if (err != JZlib.Z_OK && err != JZlib.Z_STREAM_END && err != JZlib.Z_BUF_ERROR) {
                    throw new IOException("deflate failed: " + err + " " + deflater.getMessage());
                }
                result.write(buf, 0, deflater.getNextOutIndex());
                boolean done = last ? err == JZlib.Z_STREAM_END : deflater.getAvailOut() > 0;
                if (done) {
                    byte[] zlib = result.toByteArray();
                    // Header: CMF FLG (+ DICTID when primed); trailer: Adler-32 after the final block.
                    int head = previous != null ? 6 : 2;
                    return Arrays.copyOfRange(zlib, head, zlib.length - (last ? 4 : 0));
                }
            }
        } finally {
            deflater.end();
        }
    }

    private static void check(int err, String what) throws IOException {
        if (err != JZlib.Z_OK) {
            throw new IOException("jzlib " + what + " failed: " + err);
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
