package io.github.bootimage.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads a response body and closes it when no byte arrives for {@code timeout}: the HTTP client's own timeout
 * ends with the response headers, so a server that stops sending mid-body would block the build forever.
 */
final class StallWatch implements AutoCloseable {
    private final InputStream in;
    private final long timeoutNanos;
    private final Thread watchdog;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;
    private volatile boolean done;

    StallWatch(InputStream in, Duration timeout) {
        this.in = in;
        this.timeoutNanos = timeout.toNanos();
        this.watchdog = new Thread(this::watch, "bootimage-download-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    int read(byte[] buf) throws IOException {
        int n = in.read(buf);
        lastProgress = System.nanoTime();
        return n;
    }

    /** True when the body was closed because it sent nothing for the timeout. */
    boolean stalled() {
        return stalled;
    }

    private void watch() {
        long tick = Math.max(1, timeoutNanos / 4_000_000); // ms: a stall is seen within 1.25 timeouts
        while (!done) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            if (!done && System.nanoTime() - lastProgress > timeoutNanos) {
                stalled = true;
                try {
                    in.close(); // wakes the blocked read
                } catch (IOException e) {
                    // the reader sees the closed stream either way
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        done = true;
        watchdog.interrupt();
    }
}
