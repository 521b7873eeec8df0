package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.eltorito.BootInfoTable;
import io.github.bootimage.iso9660.encoding.IsoBytes;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.ContentChangedException;
import io.github.bootimage.model.ContentReader;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.FileContent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies the file data of an image written to a file. Every file's place is fixed by the layout, so runs of
 * consecutive files are copied by several threads with positional writes, each through its own channel, and the
 * bytes never depend on the thread count or timing. Small host files are read straight into a direct buffer
 * and written a run at a time (open, read, close per file; one write per megabyte); large ones go through
 * {@link FileChannel#transferTo} (sendfile), and the zero padding after them is left to the file system as a
 * hole (the image file starts empty).
 */
final class DataArea {
    /** Host files up to this size are read into the run buffer; bigger ones are sent by the kernel. */
    static final int SMALL = 64 * 1024;
    private static final int BUFFER = 1 << 20;
    private static final long RUN_BYTES = 4 << 20;
    private static final int RUN_FILES = 512;
    private static final byte[] ZEROS = new byte[IsoBytes.SECTOR];

    private final Layout layout;
    private final Path target;
    private final List<int[]> runs = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    private DataArea(Layout layout, Path target) {
        this.layout = layout;
        this.target = target;
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < layout.files.size(); i++) {
            bytes += padded(layout.files.get(i).size());
            if (bytes >= RUN_BYTES || i + 1 - from >= RUN_FILES) {
                runs.add(new int[] {from, i + 1});
                from = i + 1;
                bytes = 0;
            }
        }
        if (from < layout.files.size()) {
            runs.add(new int[] {from, layout.files.size()});
        }
    }

    /** Starts copying on {@code threads} threads; {@link Copy#await()} waits for the end and reports failures. */
    static Copy start(Layout layout, Path target, int threads) {
        DataArea area = new DataArea(layout, target);
        int n = Math.max(1, Math.min(threads, area.runs.size()));
        if (n == 1) {
            return new Copy(area); // one run or one thread: copied by await() on the caller's thread, no pool
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "iso-data");
            t.setDaemon(true);
            return t;
        });
        List<Future<Void>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(area::work));
        }
        pool.shutdown();
        return new Copy(pool, futures);
    }

    /** The copy in progress. */
    static final class Copy {
        private final ExecutorService pool;
        private final List<Future<Void>> futures;
        private final DataArea inline;

        private Copy(ExecutorService pool, List<Future<Void>> futures) {
            this.pool = pool;
            this.futures = futures;
            this.inline = null;
        }

        private Copy(DataArea inline) {
            this.pool = null;
            this.futures = List.of();
            this.inline = inline;
        }

        void await() throws IOException, BootImageException {
            if (inline != null) {
                inline.work();
                return;
            }
            try {
                for (Future<Void> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while copying file data", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof BootImageException b) {
                    throw b;
                } else if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                cancel();
            }
        }

        /** Stops the workers (after a failure elsewhere); safe to call more than once. */
        void cancel() {
            futures.forEach(f -> f.cancel(true));
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private Void work() throws IOException, BootImageException {
        ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            for (int r = next.getAndIncrement(); r < runs.size(); r = next.getAndIncrement()) {
                if (Thread.currentThread().isInterrupted()) {
                    return null;
                }
                new Run(out, buf).copy(runs.get(r)[0], runs.get(r)[1]);
            }
        }
        return null;
    }

    /** One run of consecutive files; {@code start} is where the buffer's first byte goes. */
    private final class Run {
        private final FileChannel out;
        private final ByteBuffer buf;
        private long start;

        Run(FileChannel out, ByteBuffer buf) {
            this.out = out;
            this.buf = buf;
        }

        void copy(int from, int to) throws IOException, BootImageException {
            buf.clear();
            start = layout.files.get(from).dataLba * IsoBytes.SECTOR;
            for (int i = from; i < to; i++) {
                Node n = layout.files.get(i);
                if (start + buf.position() != n.dataLba * IsoBytes.SECTOR) {
                    throw new IllegalStateException("internal error: file " + n.entry.path() + " planned at LBA "
                            + n.dataLba + " but copied at byte " + (start + buf.position()));
                }
                file(n, ((Entry.RegularFile) n.entry).content(), layout.bootInfo.get(n));
            }
            flush();
        }

        private void file(Node n, Content content, BootInfoTable table) throws IOException, BootImageException {
            long size = content.size();
            int pad = (int) (padded(size) - size);
            if (table == null && content instanceof FileContent host) {
                if (size > SMALL) {
                    flush();
                    transfer(n, host);
                    start += size + pad;
                    return;
                }
                if (buf.remaining() < size + 1 + pad) {
                    flush();
                }
                read(n, host);
            } else {
                stream(n, table);
            }
            put(ZEROS, 0, pad);
        }

        /** Into the run buffer, which has room for size + 1 bytes: one short read of size bytes ends the file. */
        private void read(Node n, FileContent file) throws IOException, BootImageException {
            try (ContentReader in = ContentReader.openChannel(file)) {
                while (in.read(buf) >= 0) {
                    // until the planned end
                }
            } catch (ContentChangedException e) {
                throw changed(n, e);
            }
        }

        /** In the kernel (sendfile), to the file's place in the image. */
        private void transfer(Node n, FileContent file) throws IOException, BootImageException {
            out.position(start);
            try {
                file.transferTo(out);
            } catch (ContentChangedException e) {
                throw changed(n, e);
            }
        }

        /** Any other content (in memory, generated, or a boot file to patch) through its stream. */
        private void stream(Node n, BootInfoTable table) throws IOException, BootImageException {
            FileDataWriter.copy(n, table, new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    put(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    put(b, off, len);
                }
            });
        }

        private void put(byte[] b, int off, int len) throws IOException {
            for (int done = 0; done < len;) {
                if (!buf.hasRemaining()) {
                    flush();
                }
                int k = Math.min(len - done, buf.remaining());
                buf.put(b, off + done, k);
                done += k;
            }
        }

        private void flush() throws IOException {
            buf.flip();
            long at = start;
            while (buf.hasRemaining()) {
                at += out.write(buf, at);
            }
            start = at;
            buf.clear();
        }
    }

    static long padded(long size) {
        return IsoBytes.sectors(size) * IsoBytes.SECTOR;
    }

    static BootImageException changed(Node n, ContentChangedException e) {
        return e.at(n.entry.path(), "the ISO image");
    }
}
