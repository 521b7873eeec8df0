package io.github.bootimage.squashfs;

import java.io.IOException;

/** Compresses one block (data, fragment or metadata) into a fresh array. One per thread; not thread-safe. */
interface BlockCodec extends AutoCloseable {
    byte[] compress(byte[] src, int length) throws IOException;

    @Override
    default void close() {
    }
}
