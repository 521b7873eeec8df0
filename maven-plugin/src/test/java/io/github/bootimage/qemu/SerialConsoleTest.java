package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialConsoleTest {
    @TempDir
    Path dir;

    @Test
    void matchesConsumeOutputAndTheLogIsClean() throws Exception {
        PipedOutputStream guest = new PipedOutputStream();
        ByteArrayOutputStream typed = new ByteArrayOutputStream();
        Path log = dir.resolve("t.log");
        try (SerialConsole c = new SerialConsole(new PipedInputStream(guest), typed, log, "t")) {
            guest.write("\u001b[0mBooting\r\n/ # ".getBytes(StandardCharsets.UTF_8));
            guest.flush();
            assertThat(c.await(Pattern.compile(BootScript.PROMPT), TimeUnit.SECONDS.toNanos(5)).outcome())
                    .isEqualTo(SerialConsole.Outcome.MATCHED);
            c.send("uname -r");
            guest.write("uname -r\r\n6.1.0-42-amd64\r\n/ # ".getBytes(StandardCharsets.UTF_8));
            guest.flush();
            SerialConsole.Wait w = c.await(Pattern.compile(BootScript.KERNEL_RELEASE), TimeUnit.SECONDS.toNanos(5));
            assertThat(w.match().orElseThrow().group(1)).isEqualTo("6.1.0-42-amd64");
            // The first prompt was consumed; only the one after uname's output is left.
            assertThat(c.await(Pattern.compile(BootScript.PROMPT), TimeUnit.SECONDS.toNanos(1)).outcome())
                    .isEqualTo(SerialConsole.Outcome.MATCHED);
            assertThat(c.await(Pattern.compile(BootScript.PROMPT), TimeUnit.MILLISECONDS.toNanos(200)).outcome())
                    .isEqualTo(SerialConsole.Outcome.TIMEOUT);
            guest.close();
        }
        assertThat(typed.toString(StandardCharsets.UTF_8)).isEqualTo("uname -r\n");
        assertThat(Files.readString(log)).isEqualTo("Booting\n/ # uname -r\n6.1.0-42-amd64\n/ # ");
    }

    @Test
    void panicEndsTheWaitEvenWhenTheRegexWouldMatchLater() throws Exception {
        PipedOutputStream guest = new PipedOutputStream();
        try (SerialConsole c = new SerialConsole(new PipedInputStream(guest), new ByteArrayOutputStream(),
                dir.resolve("p.log"), "p")) {
            guest.write(("[    1.0] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000300\n"
                    + "/ # ").getBytes(StandardCharsets.UTF_8));
            guest.close();
            long start = System.nanoTime();
            SerialConsole.Wait w = c.await(Pattern.compile(BootScript.PROMPT), TimeUnit.SECONDS.toNanos(30));
            assertThat(w.outcome()).isEqualTo(SerialConsole.Outcome.PANIC);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(c.tail(40)).hasSize(2);
        }
    }

    @Test
    void closedConsoleIsEof() throws Exception {
        PipedOutputStream guest = new PipedOutputStream();
        try (SerialConsole c = new SerialConsole(new PipedInputStream(guest), new ByteArrayOutputStream(),
                dir.resolve("e.log"), "e")) {
            guest.write("bye\n".getBytes(StandardCharsets.UTF_8));
            guest.close();
            assertThat(c.await(Pattern.compile("never"), TimeUnit.SECONDS.toNanos(30)).outcome())
                    .isEqualTo(SerialConsole.Outcome.EOF);
        }
    }
}
