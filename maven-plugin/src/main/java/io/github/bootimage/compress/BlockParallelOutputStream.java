package io.github.bootimage.compress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Cuts the input into blocks of a fixed size, compresses them on a few threads and writes the results in
 * order. The cut points depend only on the block size, never on the thread count or on how callers chunk
 * their writes, so the output bytes are the same for 1 thread and for 16. At most {@code 2 * threads}
 * blocks are in flight: memory does not grow with the input.
 */
abstract class BlockParallelOutputStream extends OutputStream {
    private final OutputStream out;
    private final int blockSize;
    private final int maxInFlight;
    private final ExecutorService pool;
    private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
    private byte[] block;
    private int filled;
    private byte[] previous;
    private boolean pendingFull;
    private boolean closed;
    private long sequence;

    BlockParallelOutputStream(OutputStream out, int blockSize, int threads) {
        this.out = out;
        this.blockSize = blockSize;
        this.maxInFlight = 2 * threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bootimage-compress");
            t.setDaemon(true);
            return t;
        }) : null;
        this.block = new byte[blockSize];
    }

    /**
     * Compresses block number {@code sequence} (0, 1, ...); {@code previous} is the whole preceding block, or
     * null for the first. Called on pool threads, possibly out of order.
     */
    protected abstract byte[] compressBlock(long sequence, byte[] data, int length, byte[] previous, boolean last)
            throws IOException;

    /** Sees every input byte once, in order (for a checksum over the whole stream). */
    protected void update(byte[] b, int off, int len) {
    }

    protected void writeTrailer(OutputStream target) throws IOException {
    }

    protected final OutputStream target() {
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        update(b, off, len);
        while (len > 0) {
            if (pendingFull) {
                // More data follows, so the full block is not the last one.
                submit(false);
            }
            int n = Math.min(len, blockSize - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            pendingFull = filled == blockSize;
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] data = block;
        int length = filled;
        byte[] prev = previous;
        long seq = sequence++;
        if (pool == null) {
            inFlight.add(CompletableFuture.completedFuture(compressBlock(seq, data, length, prev, last)));
        } else {
            inFlight.add(pool.submit(() -> compressBlock(seq, data, length, prev, last)));
        }
        previous = data;
        block = new byte[blockSize];
        filled = 0;
        pendingFull = false;
        while (inFlight.size() >= maxInFlight || last && !inFlight.isEmpty()) {
            drainOne();
        }
    }

    private void drainOne() throws IOException {
        Future<byte[]> next = inFlight.poll();
        try {
            out.write(next.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("compression failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing", e);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            submit(true);
            writeTrailer(o);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }
}
