package io.github.bootimage.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes through and counts them, so a writer can pad from what it wrote and check that a structure lands
 * on its planned offset. Writes arrays through whole (FilterOutputStream would split them into single bytes).
 */
public class CountingOutputStream extends FilterOutputStream {
    private long count;

    public CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    /** The bytes written so far. */
    public final long count() {
        return count;
    }
}
