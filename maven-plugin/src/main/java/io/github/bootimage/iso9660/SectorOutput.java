package io.github.bootimage.iso9660;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Counts what is written, so the writer can check it lands exactly on the planned LBAs. */
final class SectorOutput extends FilterOutputStream {
    private static final byte[] ZEROS = new byte[IsoBytes.SECTOR];
    private final FileChannel file;
    private long position;

    SectorOutput(OutputStream out) {
        this(out, null);
    }

    /** {@code out} buffers writes to {@code file}; file contents then go through {@link #copy} in the kernel. */
    SectorOutput(OutputStream out, FileChannel file) {
        super(out);
        this.file = file;
    }

    /**
     * Copies a host file with FileChannel.transferTo (sendfile on Linux) when writing to a file; false when
     * the target is a plain stream and the caller has to stream the bytes itself.
     */
    boolean copy(Path source, long size) throws IOException {
        if (file == null) {
            return false;
        }
        out.flush();
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            if (in.size() != size) {
                throw new IOException(source + " has " + in.size() + " bytes, " + size + " were planned");
            }
            long done = 0;
            while (done < size) {
                long n = in.transferTo(done, size - done, file);
                if (n <= 0) {
                    throw new IOException("short copy from " + source + " at byte " + done);
                }
                done += n;
            }
        }
        position += size;
        return true;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        position += len;
    }

    long position() {
        return position;
    }

    /** Asserts the stream is at the start of {@code lba}: a planner/writer disagreement is a bug. */
    void expect(long lba, String what) {
        if (position != lba * IsoBytes.SECTOR) {
            throw new IllegalStateException("internal error: " + what + " planned at LBA " + lba + " but written at byte "
                    + position);
        }
    }

    /** Pads with zeros to the next sector boundary. */
    void padSector() throws IOException {
        int rest = (int) (position % IsoBytes.SECTOR);
        if (rest != 0) {
            write(ZEROS, 0, IsoBytes.SECTOR - rest);
        }
    }

    void zeros(long count) throws IOException {
        for (long left = count; left > 0; left -= ZEROS.length) {
            write(ZEROS, 0, (int) Math.min(left, ZEROS.length));
        }
    }
}
