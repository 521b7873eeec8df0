package io.github.bootimage.qemu;

/**
 * Runs in a child JVM for {@link QemuWatchdogTest}: starts the given command as QEMU is started, prints its PID and
 * waits to be killed.
 */
public final class QemuOrphanMain {
    private QemuOrphanMain() {
    }

    public static void main(String[] args) throws Exception {
        Process qemu = QemuProcesses.start(new ProcessBuilder(args)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD));
        System.out.println(qemu.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
