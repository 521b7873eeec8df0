package io.github.bootimage.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's serial console on QEMU's stdin/stdout ({@code -serial stdio}): a reader thread cleans the output
 * ({@link AnsiFilter}), appends it to the log file as it arrives and wakes up whoever waits for a regex.
 * Each match consumes the text up to its end, so the next step only sees newer output.
 */
final class SerialConsole implements AutoCloseable {
    /** The kernel's panic() banner, see kernel/panic.c. */
    static final String PANIC = "Kernel panic - not syncing";
    /** Let the panic's reason and first trace lines arrive before we stop. */
    private static final long PANIC_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Why a wait ended. */
    enum Outcome { MATCHED, TIMEOUT, PANIC, EOF, STOPPED }

    record Wait(Outcome outcome, Optional<MatchResult> match) {
    }

    private final StringBuilder text = new StringBuilder();
    private final OutputStream toGuest;
    private final Writer log;
    private final Thread reader;
    private int consumed;
    private int panicAt = -1;
    private long panicSeenNanos;
    private boolean eof;
    private String stoppedBecause;
    private IOException readFailure;

    SerialConsole(InputStream fromGuest, OutputStream toGuest, Path logFile, String name) throws IOException {
        this.toGuest = toGuest;
        this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        this.reader = new Thread(() -> pump(fromGuest), "bootimage-console-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream fromGuest) {
        AnsiFilter filter = new AnsiFilter();
        char[] buf = new char[8192];
        StringBuilder clean = new StringBuilder();
        // The reader's decoder keeps a UTF-8 sequence split across reads; bad bytes become U+FFFD.
        try (Reader in = new InputStreamReader(fromGuest, StandardCharsets.UTF_8)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                clean.setLength(0);
                filter.filter(CharBuffer.wrap(buf, 0, n), clean);
                append(clean);
            }
        } catch (IOException e) {
            synchronized (this) {
                readFailure = e;
            }
        } finally {
            synchronized (this) {
                eof = true;
                notifyAll();
            }
        }
    }

    private synchronized void append(CharSequence clean) throws IOException {
        int before = text.length();
        text.append(clean);
        log.append(clean);
        log.flush();
        if (panicAt < 0) {
            int from = Math.max(0, before - PANIC.length());
            int at = text.indexOf(PANIC, from);
            if (at >= 0) {
                panicAt = at;
                panicSeenNanos = System.nanoTime();
            }
        }
        notifyAll();
    }

    /** Waits until the unconsumed output matches, the kernel panics, QEMU closes the console, or time runs out. */
    synchronized Wait await(Pattern pattern, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            Matcher m = pattern.matcher(text).region(consumed, text.length());
            m.useTransparentBounds(false).useAnchoringBounds(false);
            if (panicAt < 0 && m.find()) {
                consumed = m.end();
                return new Wait(Outcome.MATCHED, Optional.of(m.toMatchResult()));
            }
            long now = System.nanoTime();
            if (panicAt >= 0 && (eof || now - panicSeenNanos >= PANIC_GRACE_NANOS)) {
                return new Wait(Outcome.PANIC, Optional.empty());
            }
            if (eof) {
                return new Wait(Outcome.EOF, Optional.empty());
            }
            if (stoppedBecause != null) {
                return new Wait(Outcome.STOPPED, Optional.empty());
            }
            if (now >= deadline) {
                return new Wait(Outcome.TIMEOUT, Optional.empty());
            }
            long wait = panicAt >= 0 ? Math.min(deadline - now, PANIC_GRACE_NANOS) : deadline - now;
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, wait));
        }
    }

    /**
     * QEMU reported that the VM stopped for good (it stays alive but runs the guest no more): wakes every wait.
     */
    synchronized void stopped(String reason) {
        if (stoppedBecause == null) {
            stoppedBecause = reason;
        }
        notifyAll();
    }

    synchronized Optional<String> stoppedBecause() {
        return Optional.ofNullable(stoppedBecause);
    }

    /** Waits until QEMU closes the console (it exited), the VM stopped, or time runs out. */
    synchronized Outcome awaitEnd(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!eof && stoppedBecause == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Outcome.TIMEOUT;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return eof ? Outcome.EOF : Outcome.STOPPED;
    }

    /** The last non-empty line the guest printed, for progress messages. */
    synchronized String lastLine() {
        List<String> tail = tail(5);
        for (int i = tail.size() - 1; i >= 0; i--) {
            if (!tail.get(i).isBlank()) {
                return tail.get(i).strip();
            }
        }
        return "";
    }

    /** Types a line as a user at the terminal would. */
    void send(String line) throws IOException {
        toGuest.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toGuest.flush();
    }

    synchronized boolean panicked() {
        return panicAt >= 0;
    }

    synchronized String text() {
        return text.toString();
    }

    /** The last {@code n} lines, the part of a failure message that usually explains it. */
    synchronized List<String> tail(int n) {
        String[] lines = text.toString().split("\n", -1);
        int end = lines.length;
        if (end > 0 && lines[end - 1].isEmpty()) {
            end--;
        }
        return new ArrayList<>(List.of(lines).subList(Math.max(0, end - n), end));
    }

    /** Waits for the reader to drain what QEMU wrote before it exited, then closes the log. */
    @Override
    public void close() throws IOException {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            log.close();
        }
    }
}
