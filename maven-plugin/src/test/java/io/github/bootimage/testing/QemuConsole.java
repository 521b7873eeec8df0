package io.github.bootimage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A minimal QEMU for tests: boots a kernel + initrd with the serial console on stdio, waits for text and
 * types commands. {@link #close()} always kills QEMU; use it in try-with-resources.
 */
public final class QemuConsole implements AutoCloseable {
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    private QemuConsole(Process process) {
        this.process = process;
        this.reader = new Thread(this::pump, "qemu-console");
        reader.setDaemon(true);
        reader.start();
    }

    public static QemuConsole bootKernel(Path kernel, Path initrd, String append) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-m", "512", "-nographic", "-no-reboot",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", append));
        if (Path.of("/dev/kvm").toFile().canWrite()) {
            cmd.add("-enable-kvm");
        }
        return new QemuConsole(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    private void pump() {
        byte[] buf = new byte[4096];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (output) {
                    output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    output.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // QEMU ended
        }
    }

    /** Waits until {@code text} appears after position {@code from}; returns the position after it. */
    public int expect(String text, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (true) {
                int at = output.indexOf(text, from);
                if (at >= 0) {
                    return at + text.length();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    throw new AssertionError("'" + text + "' did not appear on the console within " + timeout
                            + ". Console:\n" + tail());
                }
                output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
            }
        }
    }

    public void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits for QEMU to exit by itself (poweroff with -no-reboot); returns whether it did. */
    public boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String console() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** The last part of the console, with control characters replaced: safe inside a test failure message. */
    public String tail() {
        String s = console();
        return s.substring(Math.max(0, s.length() - 4000)).replaceAll("[^\\n\\x20-\\x7e]", "?");
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
