package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.testing.HostTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL of the JVM (Maven) that started QEMU must not leave QEMU running: its watchdog kills it. */
class QemuWatchdogTest {
    @TempDir
    Path dir;

    @Test
    void qemuDiesWithTheJvmThatStartedItEvenOnSigkill() throws Exception {
        HostTools.require("qemu-system-x86_64", "sh");
        // A real QEMU whose guest halts at once: it would idle forever.
        Path rom = Files.write(dir.resolve("halt.rom"), KvmProbe.firmware());
        List<String> qemu = List.of("qemu-system-x86_64", "-accel", "tcg", "-machine", "pc", "-m", "16",
                "-nodefaults", "-display", "none", "-monitor", "none", "-serial", "none", "-bios", rom.toString());
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                QemuOrphanMain.class.getName()));
        command.addAll(qemu);
        Process jvm = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long qemuPid;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                    StandardCharsets.UTF_8));
            qemuPid = Long.parseLong(CompletableFuture.supplyAsync(() -> readLine(out)).get(2, TimeUnit.MINUTES));
            assertThat(running(qemuPid)).as("QEMU started by the child JVM").isTrue();
            Thread.sleep(500);
            assertThat(running(qemuPid)).as("QEMU still running while its JVM lives").isTrue();
        } finally {
            jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
            jvm.waitFor(30, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (running(qemuPid) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        boolean orphan = running(qemuPid);
        if (orphan) {
            ProcessHandle.of(qemuPid).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(orphan).as("QEMU %d left running after SIGKILL of its JVM", qemuPid).isFalse();
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alive and not a zombie (a killed orphan may wait a moment for its new parent to reap it). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
