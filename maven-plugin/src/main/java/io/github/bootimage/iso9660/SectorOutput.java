package io.github.bootimage.iso9660;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts what is written, so the writer can check it lands exactly on the planned LBAs. */
final class SectorOutput extends FilterOutputStream {
    private static final byte[] ZEROS = new byte[IsoBytes.SECTOR];
    private long position;

    SectorOutput(OutputStream out) {
        super(out);
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
