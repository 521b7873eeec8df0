package io.github.bootimage.compress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The LZ4 legacy frame ({@code lz4 -l}), the LZ4 format the kernel's unlz4 reads: the magic 02 21 4C 18,
 * then 8 MiB input chunks, each an independent LZ4 block preceded by its compressed size (32-bit LE). The
 * blocks are made by {@link Lz4Block} (pure Java), in parallel.
 */
final class Lz4LegacyOutputStream extends BlockParallelOutputStream {
    static final int CHUNK_SIZE = 8 * 1024 * 1024;

    Lz4LegacyOutputStream(OutputStream out) throws IOException {
        this(out, 1);
    }

    Lz4LegacyOutputStream(OutputStream out, int threads) throws IOException {
        super(out, CHUNK_SIZE, threads);
        out.write(new byte[] {0x02, 0x21, 0x4C, 0x18});
    }

    @Override
    protected byte[] compressBlock(long sequence, byte[] data, int length, byte[] previous, boolean last)
            throws IOException {
        if (length == 0) {
            return new byte[0];
        }
        byte[] result = new byte[4 + Lz4Block.maxCompressedLength(length)];
        int size = Lz4Block.compress(data, length, result, 4);
        result = Arrays.copyOf(result, 4 + size);
        result[0] = (byte) size;
        result[1] = (byte) (size >> 8);
        result[2] = (byte) (size >> 16);
        result[3] = (byte) (size >> 24);
        return result;
    }
}
