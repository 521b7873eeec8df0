package io.github.bootimage.qemu;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every QEMU we start is registered here until it is gone, and a JVM shutdown hook kills what is left, so that
 * Ctrl-C on Maven leaves no orphan emulator behind.
 */
final class QemuProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(QemuProcesses::kill),
                "bootimage-qemu-reaper"));
    }

    private QemuProcesses() {
    }

    static Process register(Process process) {
        LIVE.add(process);
        return process;
    }

    /** The QEMU processes started here and not yet killed (for tests). */
    static Set<Process> live() {
        return Set.copyOf(LIVE);
    }

    /** Kills the process and anything it started, waits for it, and forgets it. Safe to call twice. */
    static void kill(Process process) {
        try {
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL was sent; a process that takes longer to go away is the kernel's business now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }
}
