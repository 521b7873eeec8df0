package io.github.bootimage.squashfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Compresses data and fragment blocks on a few threads and writes them in submission order, so the image is the
 * same for any thread count. Each block is kept compressed only when that is smaller, else stored with bit 24
 * set in its size, as the kernel expects. At most {@code 2 * threads} blocks are in flight: memory is bounded.
 * Callbacks run on the submitting thread, in order.
 */
final class BlockPipeline implements AutoCloseable {
    /** Told where a block went and its size field (with bit 24 when stored). */
    interface Placed {
        void placed(long position, int sizeField);
    }

    private record Result(byte[] bytes, int length, int sizeField) {
    }

    private record Pending(Future<Result> result, Placed placed) {
    }

    private final OutputStream out;
    private final Supplier<BlockCodec> codecs;
    private final ConcurrentLinkedQueue<BlockCodec> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<BlockCodec> all = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    private long position;

    BlockPipeline(OutputStream out, long position, Supplier<BlockCodec> codecs, int threads) {
        this.out = out;
        this.position = position;
        this.codecs = codecs;
        this.maxInFlight = 2 * threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bootimage-squashfs");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Queues {@code data[0, length)} (the array is not touched afterwards by the caller). */
    void submit(byte[] data, int length, Placed placed) throws IOException {
        Future<Result> result = pool == null ? CompletableFuture.completedFuture(compress(data, length))
                : pool.submit(() -> compress(data, length));
        inFlight.add(new Pending(result, placed));
        while (inFlight.size() >= maxInFlight) {
            drainOne();
        }
    }

    private Result compress(byte[] data, int length) throws IOException {
        BlockCodec codec = idle.poll();
        if (codec == null) {
            codec = codecs.get();
            all.add(codec);
        }
        try {
            byte[] c = codec.compress(data, length);
            if (c.length < length) {
                return new Result(c, c.length, c.length);
            }
            return new Result(length == data.length ? data : Arrays.copyOf(data, length), length,
                    length | Inode.STORED_BLOCK);
        } finally {
            idle.add(codec);
        }
    }

    private void drainOne() throws IOException {
        Pending next = inFlight.poll();
        Result r;
        try {
            r = next.result().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("compression failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing", e);
        }
        out.write(r.bytes(), 0, r.length());
        next.placed().placed(position, r.sizeField());
        position += r.length();
    }

    /** Writes everything queued; returns the position after the last block. */
    long drain() throws IOException {
        while (!inFlight.isEmpty()) {
            drainOne();
        }
        return position;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                // a codec may hold native memory: close it only once no thread uses it
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (BlockCodec c : all) {
            c.close();
        }
    }
}
