package io.github.bootimage.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The bytes of a regular file, read lazily so that writers can stream them: an image never holds file
 * data in memory. The size is known up front because every format we write stores it before the data.
 */
public interface Content {
    long size();

    InputStream open() throws IOException;

    /**
     * The same bytes as {@link #open()}, as a channel. Host files answer a {@link java.nio.channels.FileChannel},
     * which a writer can read into a direct buffer or copy in the kernel without a copy on the Java heap.
     */
    default ReadableByteChannel openChannel() throws IOException {
        return Channels.newChannel(open());
    }

    /**
     * Writes exactly {@link #size()} bytes to {@code target} (for host files with
     * {@link java.nio.channels.FileChannel#transferTo}: sendfile on Linux, no copy through Java).
     *
     * @throws ContentChangedException if the source now holds fewer or more bytes than {@link #size()}
     */
    default void transferTo(WritableByteChannel target) throws IOException {
        ContentReader.copy(this, target);
    }
}
