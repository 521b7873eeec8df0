package io.github.bootimage.iso9660;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A small test-scope QEMU launcher: runs until the marker appears or the timeout, and always kills QEMU. */
final class Qemu {
    private Qemu() {
    }

    /** The console output up to and including the marker, or everything seen when it never came. */
    static String bootUntil(List<String> command, String marker, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), seen, marker, p));
        reader.setDaemon(true);
        reader.start();
        try {
            p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream seen, String marker, Process p) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (seen) {
                    seen.write(buf, 0, n);
                    if (seen.toString(StandardCharsets.UTF_8).contains(marker)) {
                        p.destroyForcibly();
                        return;
                    }
                }
            }
        } catch (IOException closed) {
            // QEMU was killed
        }
    }
}
