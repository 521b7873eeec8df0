package io.github.bootimage.cpio;

import io.github.bootimage.model.Content;
import io.github.bootimage.model.ContentChangedException;
import io.github.bootimage.model.ContentReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The bytes of one archive on their way out, through one buffer for the whole archive: headers, symlink
 * targets and small files are gathered into it and leave in large writes. Towards a {@link FileChannel},
 * files of at least {@link #TRANSFER_MIN} bytes go from file to file in the kernel ({@link
 * Content#transferTo}, sendfile) and the buffer is direct, so the channel writes it without another copy.
 */
final class NewcOutput {
    /** Below this size a file is read into the buffer: one read instead of a flush and a sendfile per file. */
    static final int TRANSFER_MIN = 64 << 10;

    private static final int BUFFER_SIZE = 256 << 10;
    private static final byte[] ZEROS = new byte[512];

    private final ByteBuffer buffer;
    private final OutputStream stream;
    private final WritableByteChannel channel;
    private byte[] scratch = new byte[4096];
    /** Small files on their way into a direct buffer. */
    private final byte[] staging;
    private long flushed;

    private NewcOutput(ByteBuffer buffer, OutputStream stream, WritableByteChannel channel) {
        this.buffer = buffer;
        this.stream = stream;
        this.channel = channel;
        this.staging = buffer.hasArray() ? null : new byte[TRANSFER_MIN];
    }

    /** Into a stream (an encoder): the buffer is a heap array, handed over in large writes. */
    static NewcOutput to(OutputStream stream) {
        return new NewcOutput(ByteBuffer.allocate(BUFFER_SIZE), stream, null);
    }

    /** Into a channel, at its position; with a {@link FileChannel}, large files are copied in the kernel. */
    static NewcOutput to(WritableByteChannel channel) {
        return new NewcOutput(ByteBuffer.allocateDirect(BUFFER_SIZE), null, channel);
    }

    /** Bytes of the archive so far. */
    long position() {
        return flushed + buffer.position();
    }

    void header(NewcHeader header) throws IOException {
        int max = header.maxEncodedLength();
        if (scratch.length < max) {
            scratch = new byte[max];
        }
        put(scratch, 0, header.encode(scratch, 0));
    }

    /** Bytes of a small entry (a symlink target), then the padding to 4. */
    void data(byte[] bytes) throws IOException {
        put(bytes, 0, bytes.length);
        pad4();
    }

    /**
     * Exactly {@code content.size()} bytes of a file, then the padding to 4.
     *
     * @throws ContentChangedException if the file now has another size
     */
    void data(Content content) throws IOException {
        if (channel instanceof FileChannel file && content.size() >= TRANSFER_MIN) {
            flush();
            content.transferTo(file);
            flushed += content.size();
        } else {
            try (ContentReader in = ContentReader.open(content)) {
                read(in);
            }
        }
        pad4();
    }

    /** Reads a file into the buffer (through a small heap array when the buffer is direct). */
    private void read(ContentReader in) throws IOException {
        boolean heap = buffer.hasArray();
        while (true) {
            if (heap && !buffer.hasRemaining()) {
                flush();
            }
            int n = heap ? in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining())
                    : in.read(staging, 0, staging.length);
            if (n < 0) {
                return;
            }
            if (heap) {
                buffer.position(buffer.position() + n);
            } else {
                put(staging, 0, n);
            }
        }
    }

    private void pad4() throws IOException {
        int pad = (int) (-position() & 3);
        put(ZEROS, 0, pad);
    }

    /** The trailer, zeros to the next 512-byte block (as cpio's block size), and the last flush. */
    void finish() throws IOException {
        header(NewcHeader.trailer());
        int pad = (int) (-position() & 511);
        put(ZEROS, 0, pad);
        flush();
    }

    private void put(byte[] bytes, int off, int len) throws IOException {
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(bytes, off, n);
            off += n;
            len -= n;
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        flushed += buffer.remaining();
        if (stream != null) {
            stream.write(buffer.array(), buffer.arrayOffset(), buffer.limit());
        } else {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        buffer.clear();
    }
}
