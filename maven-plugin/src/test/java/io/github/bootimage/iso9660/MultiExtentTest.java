package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.testing.HostTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of 4.1 GiB (lazy zeros, written as a sparse file) needs two extents with the multi-extent flag
 * (ECMA-119 §6.5.1); xorriso and isoinfo must see one file of the full size and the file after it intact.
 */
class MultiExtentTest {
    static final long BIG = 4L * 1024 * 1024 * 1024 + 100L * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void fileOverFourGibibytesSpansTwoExtents() throws Exception {
        HostTools.require("xorriso");
        FileTree tree = new FileTree();
        tree.add(new Entry.RegularFile(EntryPath.of("big/zeros.bin"), 0644, 0, 0, new Zeros(BIG)));
        tree.add(new Entry.RegularFile(EntryPath.of("big/zz-after.txt"), 0644, 0, 0, BytesContent.utf8("after\n")));
        Path iso = tmp.resolve("big.iso");
        try (SparseChannel ch = new SparseChannel(iso)) {
            IsoImageWriter.write(IsoImageRequest.of(tree, "BIG", Instant.EPOCH), ch);
        }
        String isoinfo = Tools.run(tmp, "isoinfo", "-l", "-i", iso.toString());
        assertThat(isoinfo).containsPattern("4294965248 .* ZEROS.BIN;1").containsPattern(
                (BIG - 4294965248L) + " .* ZEROS.BIN;1");
        String ls = Tools.run(tmp, "xorriso", "-indev", iso.toString(), "-find", "/big", "-exec", "lsdl");
        assertThat(ls).containsPattern(BIG + " .*'/big/zeros.bin'");
        Tools.run(tmp, "xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/big/zz-after.txt",
                tmp.resolve("after.txt").toString());
        assertThat(tmp.resolve("after.txt")).hasContent("after");
    }

    /** {@code size} zero bytes, produced on demand. */
    record Zeros(long size) implements Content {
        @Override
        public InputStream open() {
            return new InputStream() {
                long left = size;

                @Override
                public int read() {
                    return left-- > 0 ? 0 : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(b, off, off + n, (byte) 0);
                    left -= n;
                    return n;
                }
            };
        }
    }

    /** Skips all-zero writes, so the 4 GiB image costs almost no disk. */
    static final class SparseChannel implements WritableByteChannel {
        private final FileChannel file;
        private long position;

        SparseChannel(Path path) throws IOException {
            file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = src.remaining();
            boolean zero = true;
            for (int i = src.position(); i < src.limit() && zero; i++) {
                zero = src.get(i) == 0;
            }
            if (zero) {
                src.position(src.limit());
            } else {
                long at = position;
                while (src.hasRemaining()) {
                    at += file.write(src, at);
                }
            }
            position += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            if (file.size() < position) {
                file.write(ByteBuffer.wrap(new byte[1]), position - 1);
            }
            file.close();
        }
    }
}
