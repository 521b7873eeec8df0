package io.github.bootimage.iso9660;

import io.github.bootimage.io.CountingOutputStream;
import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.io.IOException;
import java.io.OutputStream;

/** Counts what is written, so the writer can check it lands exactly on the planned LBAs. */
final class SectorOutput extends CountingOutputStream {
    private static final byte[] ZEROS = new byte[IsoBytes.SECTOR];

    SectorOutput(OutputStream out) {
        super(out);
    }

    long position() {
        return count();
    }

    /** Asserts the stream is at the start of {@code lba}: a planner/writer disagreement is a bug. */
    void expect(long lba, String what) {
        if (position() != lba * IsoBytes.SECTOR) {
            throw new IllegalStateException("internal error: " + what + " planned at LBA " + lba + " but written at byte "
                    + position());
        }
    }

    /** Pads with zeros to the next sector boundary. */
    void padSector() throws IOException {
        int rest = (int) (position() % IsoBytes.SECTOR);
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
