package io.github.bootimage.compress;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Lets a wrapping stream (an encoder, an archive writer) finish and close without closing, or flushing, the
 * caller's stream, which the caller closes in its own try block. A flush would fail on an LZMA encoder (the
 * .lzma format cannot flush) and could add sync blocks to others.
 */
public final class NonClosingOutputStream extends FilterOutputStream {
    public NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void flush() {
        // the caller's stream is flushed when the caller closes it
    }

    @Override
    public void close() {
        // left open for the caller
    }
}
