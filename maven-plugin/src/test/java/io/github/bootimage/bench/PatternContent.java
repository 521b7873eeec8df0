package io.github.bootimage.bench;

import io.github.bootimage.model.Content;
import java.io.InputStream;

/** {@code size} bytes of a cheap pattern made on the fly: large images without large inputs or large heaps. */
record PatternContent(long size, int seed) implements Content {
    @Override
    public InputStream open() {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((position + i) * 31 + seed >>> 3);
                }
                position += n;
                return n;
            }
        };
    }
}
