package io.github.bootimage.squashfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A metadata stream (squashfs.rst "Metadata blocks"): 8 KiB pieces, each compressed (or stored, when that is
 * not smaller) behind a 2-byte little-endian length whose bit 15 marks a stored block. A position in the stream
 * is the compressed offset of its block (relative to the table start) and the offset inside the uncompressed
 * block; a full block is compressed at once, so the position of the next byte is always known.
 */
final class MetadataWriter {
    static final int BLOCK_SIZE = 8192;
    private static final int STORED = 0x8000;

    private final BlockCodec codec;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[BLOCK_SIZE];
    private int filled;
    private long[] blockStarts = new long[16];
    private int blocks;

    MetadataWriter(BlockCodec codec) {
        this.codec = codec;
    }

    void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, BLOCK_SIZE - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == BLOCK_SIZE) {
                flushBlock();
            }
        }
    }

    /** The reference of the next byte: compressed block start in the high bits, offset in the low 16. */
    long reference() {
        return (long) out.size() << 16 | filled;
    }

    /** The next byte's offset in the uncompressed stream. */
    long uncompressedPosition() {
        return (long) blocks * BLOCK_SIZE + filled;
    }

    /** The compressed start of block {@code index}, which must be written or be the current one. */
    long blockStart(long index) {
        return index == blocks ? out.size() : blockStarts[(int) index];
    }

    /** Ends the stream with a partial block; returns every block, each behind its length header. */
    byte[] finish() throws IOException {
        if (filled > 0) {
            flushBlock();
        }
        return out.toByteArray();
    }

    /** Starts of every block written (for the fragment, export and id index tables). */
    long[] blockStarts() {
        return Arrays.copyOf(blockStarts, blocks);
    }

    private void flushBlock() throws IOException {
        if (blocks == blockStarts.length) {
            blockStarts = Arrays.copyOf(blockStarts, blocks * 2);
        }
        blockStarts[blocks++] = out.size();
        byte[] compressed = codec.compress(buffer, filled);
        if (compressed.length < filled) {
            writeHeader(compressed.length);
            out.write(compressed);
        } else {
            writeHeader(filled | STORED);
            out.write(buffer, 0, filled);
        }
        filled = 0;
    }

    private void writeHeader(int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8);
    }

    /**
     * A table of fixed-size entries (fragments, export, ids): its metadata blocks at {@code start}, followed by
     * the index of their absolute positions, where the superblock points.
     */
    static Table table(BlockCodec codec, byte[] entries, long start) throws IOException {
        MetadataWriter meta = new MetadataWriter(codec);
        meta.write(entries);
        byte[] blocks = meta.finish();
        long[] starts = meta.blockStarts();
        byte[] bytes = Arrays.copyOf(blocks, blocks.length + 8 * starts.length);
        LittleEndian le = new LittleEndian(bytes, blocks.length);
        for (long s : starts) {
            le.putLong(start + s);
        }
        return new Table(bytes, start + blocks.length);
    }

    /** The bytes of a table (blocks and index) and where its index starts. */
    record Table(byte[] bytes, long indexStart) {
    }
}
