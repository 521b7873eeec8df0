package io.github.bootimage.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * QEMU's stderr during a boot: copied line by line to the target's stderr log, and watched for the messages after
 * which the guest can no longer run while QEMU itself stays alive (QEMU's accel/kvm/kvm-all.c and
 * target/i386/kvm/kvm.c stop the VM after printing them), so that the boot ends at once instead of at the timeout.
 */
final class QemuStderr implements AutoCloseable {
    /** The start of each message after which QEMU stops the VM but keeps running. */
    private static final List<String> FATAL = List.of("KVM internal error", "error: kvm run failed",
            "KVM: entry failed");
    private static final int TAIL_LINES = 20;

    private final Thread reader;

    /** @param onFatal called once, with the line, when the VM stopped for good */
    QemuStderr(InputStream fromQemu, Path logFile, Consumer<String> onFatal, String name) throws IOException {
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        this.reader = new Thread(() -> pump(fromQemu, log, onFatal), "bootimage-qemu-stderr-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private static void pump(InputStream fromQemu, Writer log, Consumer<String> onFatal) {
        boolean reported = false;
        try (log; BufferedReader in = new BufferedReader(new InputStreamReader(fromQemu, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (!reported && fatalLine(List.of(line)).isPresent()) {
                    reported = true;
                    onFatal.accept(line.strip());
                }
            }
        } catch (IOException e) {
            // QEMU is gone or killed; what was read is in the log
        }
    }

    /** The first line that says the VM stopped for good, if any. */
    static Optional<String> fatalLine(List<String> lines) {
        return lines.stream().filter(l -> FATAL.stream().anyMatch(l::contains)).map(String::strip).findFirst();
    }

    /** "; QEMU said: ..." with the last lines of a stderr log, or nothing when it is empty or unreadable. */
    static String tail(Path stderrLog) {
        try {
            List<String> lines = lines(stderrLog).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                return "";
            }
            return "; QEMU said:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - TAIL_LINES),
                    lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** The lines of a stderr log; bytes that are not UTF-8 become U+FFFD rather than an error. */
    static List<String> lines(Path stderrLog) throws IOException {
        return new String(Files.readAllBytes(stderrLog), StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Gives QEMU's last lines a moment to arrive before a message quotes them: all of them when QEMU has exited,
     * the register dump after a fatal line when it lives on.
     */
    void settle() {
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the rest of what QEMU wrote (QEMU has exited or been killed). */
    @Override
    public void close() {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
