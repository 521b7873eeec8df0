package io.github.bootimage.qemu;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every QEMU we start is registered here until it is gone. A JVM shutdown hook kills what is left (Ctrl-C,
 * SIGTERM), and a watchdog per QEMU covers the death no hook sees (SIGKILL, the OOM killer): a shell that waits
 * for end of file on a pipe only this JVM holds open, then kills QEMU. The kernel closes the pipe when the JVM
 * dies, however it dies, so no emulator is left running under PID 1.
 */
final class QemuProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Map<Process, Process> WATCHDOGS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(QemuProcesses::kill),
                "bootimage-qemu-reaper"));
    }

    private QemuProcesses() {
    }

    /** Starts QEMU, registers it and gives it its watchdog. */
    static Process start(ProcessBuilder qemu) throws IOException {
        Process process = qemu.start();
        LIVE.add(process);
        try {
            // Java starts children with every other descriptor closed, so only this JVM holds the pipe's write end.
            Process watchdog = new ProcessBuilder("/bin/sh", "-c", "read _; kill -9 " + process.pid() + " 2>/dev/null")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            WATCHDOGS.put(process, watchdog);
        } catch (IOException e) {
            kill(process);
            throw new IOException("cannot start the watchdog (/bin/sh) for QEMU: " + e.getMessage(), e);
        }
        return process;
    }

    /** The QEMU processes started here and not yet killed (for tests). */
    static Set<Process> live() {
        return Set.copyOf(LIVE);
    }

    /** The watchdog of a QEMU started here (for tests). */
    static Process watchdog(Process qemu) {
        return WATCHDOGS.get(qemu);
    }

    /**
     * Kills the process and anything it started, waits for it, and forgets it. Safe to call twice, and also from
     * an interrupted thread (the interrupt is kept for the caller, the kill still happens).
     */
    static void kill(Process process) {
        boolean interrupted = Thread.interrupted();
        try {
            // The watchdog goes first: once QEMU is reaped its PID may be reused, and the watchdog must not kill that.
            Process watchdog = WATCHDOGS.remove(process);
            if (watchdog != null) {
                watchdog.destroyForcibly();
                interrupted |= !await(watchdog.toHandle());
                closeQuietly(watchdog);
            }
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            interrupted |= !await(process.toHandle());
            for (ProcessHandle child : children) {
                interrupted |= !await(child);
            }
        } finally {
            LIVE.remove(process);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return false if interrupted while waiting */
    private static boolean await(ProcessHandle process) {
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL was sent; a process that takes longer to go away is the kernel's business now
        } catch (InterruptedException e) {
            return false;
        }
        return true;
    }

    private static void closeQuietly(Process watchdog) {
        try {
            watchdog.getOutputStream().close();
        } catch (IOException ignored) {
            // the watchdog is dead; its pipe goes with the Process object
        }
    }
}
