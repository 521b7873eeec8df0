package io.github.bootimage.model;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Reads exactly the {@link Content#size() planned size} of a content, or fails with
 * {@link ContentChangedException}: the one rule every writer uses to copy file data, because every format we
 * write has stored the size before the data. Writers turn the exception into their message with
 * {@link ContentChangedException#at}.
 *
 * <p>Each read asks for one byte more than is left when the caller's buffer has room: a source that holds more
 * shows it at once, and a read that returns less than asked for and reaches the size ends the file without one
 * more read (host files return short reads only at their end). Otherwise the end is checked with one more read.
 * Reads go to a byte array ({@link #open}, a plain stream: fewest objects per small file) or to a
 * {@link ByteBuffer} ({@link #openChannel}, e.g. a direct buffer with no copy on the Java heap).
 */
public final class ContentReader implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Content content;
    private final InputStream stream;
    private final ReadableByteChannel channel;
    private final long size;
    private long left;
    private boolean ended;

    private ContentReader(Content content, InputStream stream, ReadableByteChannel channel) {
        this.content = content;
        this.stream = stream;
        this.channel = channel;
        this.size = content.size();
        this.left = size;
    }

    /** Reads through {@link Content#open()}, into byte arrays. */
    public static ContentReader open(Content content) throws IOException {
        return new ContentReader(content, content.open(), null);
    }

    /** Reads through {@link Content#openChannel()}, into byte buffers. */
    public static ContentReader openChannel(Content content) throws IOException {
        return new ContentReader(content, null, content.openChannel());
    }

    /**
     * Reads up to {@code len} bytes into {@code b}; -1 once the planned size was read and the source ended there.
     *
     * @throws ContentChangedException if the source ends early or holds more than planned
     */
    public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
            return end();
        }
        if (len == 0) {
            return 0;
        }
        int want = (int) Math.min(len, left + 1);
        return count(stream.read(b, off, want), want);
    }

    /** As {@link #read(byte[], int, int)}, into the remaining space of {@code dst}. */
    public int read(ByteBuffer dst) throws IOException {
        if (left == 0) {
            return end();
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        int limit = dst.limit();
        int want = (int) Math.min(dst.remaining(), left + 1);
        dst.limit(dst.position() + want);
        try {
            return count(channel.read(dst), want);
        } finally {
            dst.limit(limit);
        }
    }

    private int count(int n, int want) throws ContentChangedException {
        if (n < 0) {
            throw new ContentChangedException(content, size, size - left);
        }
        if (n > left) {
            throw new ContentChangedException(content, size, size + 1);
        }
        left -= n;
        ended = left == 0 && n < want;
        return n;
    }

    private int end() throws IOException {
        if (!ended && (stream != null ? stream.read() >= 0 : channel.read(ByteBuffer.allocate(1)) > 0)) {
            throw new ContentChangedException(content, size, size + 1);
        }
        ended = true;
        return -1;
    }

    /** Copies the whole content to {@code out}, which stays open. */
    public static void copy(Content content, OutputStream out) throws IOException {
        byte[] buf = new byte[(int) Math.min(BUFFER, content.size() + 1)];
        try (ContentReader in = open(content)) {
            for (int n; (n = in.read(buf, 0, buf.length)) >= 0;) {
                out.write(buf, 0, n);
            }
        }
    }

    /** Copies the whole content to {@code target}, which stays open. */
    public static void copy(Content content, WritableByteChannel target) throws IOException {
        copy(content, Channels.newOutputStream(target));
    }

    /**
     * Copies a host file in the kernel ({@link FileChannel#transferTo}: sendfile or copy_file_range on Linux),
     * then checks that the file still has its planned size.
     */
    public static void transfer(FileContent content, WritableByteChannel target) throws IOException {
        long size = content.size();
        try (FileChannel in = content.openChannel()) {
            long copied = 0;
            for (long n; copied < size && (n = in.transferTo(copied, size - copied, target)) > 0;) {
                copied += n;
            }
            long now = in.size();
            if (copied != size || now != size) {
                throw new ContentChangedException(content, size, copied != size ? copied : now);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        } else {
            channel.close();
        }
    }
}
