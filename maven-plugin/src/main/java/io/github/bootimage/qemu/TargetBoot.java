package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Boots one target headless, runs the console script against it, and always kills QEMU at the end. A boot ends
 * as soon as the guest can no longer run (QEMU exited, the VM stopped, the kernel panicked), and long waits
 * print a heartbeat with the last console line.
 */
final class TargetBoot {
    static final int TAIL_LINES = 40;

    private final QemuHost host;
    private final QemuLaunch launch;
    private final BootScript script;
    private final Consumer<String> info;
    private final Duration heartbeat;
    private final Path log;
    private final Path stderr;
    private final Path varsCopy;
    private long startNanos;
    private QemuStderr stderrPump;

    /** @param heartbeat how often a long wait says what it waits for on {@code info} */
    TargetBoot(QemuHost host, QemuLaunch launch, BootScript script, Path reportsDir, Consumer<String> info,
               Duration heartbeat) {
        this.host = host;
        this.launch = launch;
        this.script = script;
        this.info = info;
        this.heartbeat = heartbeat;
        String name = launch.target().name();
        this.log = reportsDir.resolve(name + ".log");
        this.stderr = reportsDir.resolve(name + ".qemu-stderr.log");
        this.varsCopy = reportsDir.resolve(name + ".OVMF_VARS.fd");
    }

    Path log() {
        return log;
    }

    BootResult run() throws InterruptedException {
        startNanos = System.nanoTime();
        Process qemu = null;
        SerialConsole console = null;
        Optional<BootFailure> failure;
        try {
            List<String> command = QemuCommandLine.build(host, launch, firmware(), QemuCommandLine.Console.PIPES);
            qemu = QemuProcesses.start(new ProcessBuilder(command));
            console = new SerialConsole(qemu.getInputStream(), qemu.getOutputStream(), log, launch.target().name());
            stderrPump = new QemuStderr(qemu.getErrorStream(), stderr, console::stopped, launch.target().name());
            failure = new ScriptRun(qemu, console).run();
        } catch (IOException | BootImageException e) {
            failure = Optional.of(new BootFailure(BootFailure.Kind.ERROR, "start QEMU",
                    "boot target " + launch.target().name() + " could not run: " + e.getMessage()));
        } finally {
            if (qemu != null) {
                QemuProcesses.kill(qemu);
            }
            closeQuietly(console);
            if (stderrPump != null) {
                stderrPump.close();
            }
            deleteQuietly(varsCopy);
            deleteIfEmpty(stderr);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        return new BootResult(launch.target(), failure, took, console == null ? "" : console.text(), log);
    }

    /** OVMF code as installed, variables copied per run: the firmware writes boot entries into them. */
    private Optional<OvmfFiles> firmware() throws BootImageException, IOException {
        if (!launch.target().firmware().isUefi()) {
            return Optional.empty();
        }
        OvmfFiles installed = host.ovmf().locate(launch.target().firmware());
        Files.copy(installed.varsTemplate(), varsCopy, StandardCopyOption.REPLACE_EXISTING);
        varsCopy.toFile().setWritable(true, true);
        return Optional.of(new OvmfFiles(installed.code(), varsCopy));
    }

    /** The steps of the script against one running QEMU. */
    private final class ScriptRun {
        private final Process qemu;
        private final SerialConsole console;

        ScriptRun(Process qemu, SerialConsole console) {
            this.qemu = qemu;
            this.console = console;
        }

        Optional<BootFailure> run() throws InterruptedException {
            List<ExpectStep> steps = script.steps();
            for (int i = 0; i < steps.size(); i++) {
                ExpectStep step = steps.get(i);
                String where = "step " + (i + 1) + "/" + steps.size() + " (" + step.description() + ")";
                Optional<BootFailure> failed = step(step, where);
                if (failed.isPresent()) {
                    return failed;
                }
            }
            return awaitExit("after the last step");
        }

        private Optional<BootFailure> step(ExpectStep step, String where) throws InterruptedException {
            if (step.expect().isPresent()) {
                Optional<BootFailure> failed = expect(step, step.expect().get(), where);
                if (failed.isPresent()) {
                    return failed;
                }
            }
            if (step.send().isPresent()) {
                try {
                    console.send(step.send().get());
                } catch (IOException e) {
                    return Optional.of(fail(BootFailure.Kind.QEMU_EXIT, where,
                            "QEMU's console is closed (exit code " + exitCode() + ")"));
                }
            }
            return Optional.empty();
        }

        private Optional<BootFailure> expect(ExpectStep step, Pattern regex, String where)
                throws InterruptedException {
            SerialConsole.Wait wait = awaitWithHeartbeat(regex, step.timeout().toNanos());
            switch (wait.outcome()) {
                case MATCHED:
                    return checkGroup(step, wait.match().orElseThrow(), where);
                case PANIC:
                    return Optional.of(fail(BootFailure.Kind.KERNEL_PANIC, where, "kernel panic: " + panicLine()));
                case EOF:
                    return Optional.of(fail(BootFailure.Kind.QEMU_EXIT, where, "QEMU exited with code "
                            + exitCode() + " before the console matched /" + regex.pattern() + "/" + stderrText()));
                case TIMEOUT:
                    return Optional.of(fail(BootFailure.Kind.TIMEOUT, where, "no console output matched /"
                            + regex.pattern() + "/ within " + step.timeout().toSeconds() + " s"));
                case STOPPED:
                    return Optional.of(stopped(where));
                default:
                    throw new IllegalStateException(wait.outcome().name());
            }
        }

        /** One wait, cut into heartbeat slices; the console keeps its text between them. */
        private SerialConsole.Wait awaitWithHeartbeat(Pattern regex, long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (true) {
                long left = deadline - System.nanoTime();
                long slice = Math.min(Math.max(left, 0), heartbeat.toNanos());
                SerialConsole.Wait wait = console.await(regex, slice);
                if (wait.outcome() != SerialConsole.Outcome.TIMEOUT || slice >= left) {
                    return wait;
                }
                info.accept(String.format(Locale.ROOT, "%s: %d s, waiting for /%s/; last console line: %s",
                        launch.target().name(), Duration.ofNanos(System.nanoTime() - startNanos).toSeconds(),
                        regex.pattern(), console.lastLine().isEmpty() ? "(none yet)" : console.lastLine()));
            }
        }

        private BootFailure stopped(String where) {
            return fail(BootFailure.Kind.VM_STOPPED, where, "QEMU stopped the virtual machine ("
                    + console.stoppedBecause().orElse("?") + ") and can no longer run the guest; the boot ends "
                    + "here instead of at the timeout. If this host's KVM cannot run guests, boot with software "
                    + "emulation: -Dbootimage.accel=tcg" + stderrText());
        }

        private Optional<BootFailure> checkGroup(ExpectStep step, MatchResult match, String where) {
            if (step.expectedGroup().isEmpty() || match.groupCount() < 1) {
                return Optional.empty();
            }
            String actual = match.group(1);
            if (step.expectedGroup().get().equals(actual)) {
                return Optional.empty();
            }
            return Optional.of(fail(BootFailure.Kind.WRONG_OUTPUT, where,
                    "the console printed '" + actual + "', expected '" + step.expectedGroup().get() + "'"));
        }

        private Optional<BootFailure> awaitExit(String where) throws InterruptedException {
            SerialConsole.Outcome end = console.awaitEnd(script.exitTimeout().toNanos());
            boolean exited = end == SerialConsole.Outcome.EOF && qemu.waitFor(5, TimeUnit.SECONDS);
            if (console.panicked()) {
                return Optional.of(fail(BootFailure.Kind.KERNEL_PANIC, where, "kernel panic: " + panicLine()));
            }
            if (!script.awaitsExit()) {
                return Optional.empty();
            }
            if (end == SerialConsole.Outcome.STOPPED) {
                return Optional.of(stopped(where));
            }
            if (!exited) {
                return Optional.of(fail(BootFailure.Kind.QEMU_EXIT, where, "QEMU did not exit within "
                        + script.exitTimeout().toSeconds() + " s; end the script with a step that sends "
                        + "'poweroff -f'"));
            }
            if (qemu.exitValue() != 0) {
                return Optional.of(fail(BootFailure.Kind.QEMU_EXIT, where,
                        "QEMU exited with code " + qemu.exitValue() + stderrText()));
            }
            return Optional.empty();
        }

        private String exitCode() throws InterruptedException {
            return qemu.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(qemu.exitValue()) : "unknown, still running";
        }

        private String panicLine() {
            return console.tail(TAIL_LINES).stream().filter(l -> l.contains(SerialConsole.PANIC)).findFirst()
                    .map(String::trim).orElse(SerialConsole.PANIC);
        }

        private BootFailure fail(BootFailure.Kind kind, String where, String reason) {
            StringBuilder m = new StringBuilder();
            m.append("boot target ").append(launch.target().name()).append(" failed at ").append(where)
                    .append(": ").append(reason).append("\nQEMU: ").append(host.accelerator().description())
                    .append("\nconsole log: ").append(log)
                    .append("\nlast ").append(TAIL_LINES).append(" console lines:");
            for (String line : console.tail(TAIL_LINES)) {
                m.append("\n  | ").append(line);
            }
            return new BootFailure(kind, where, m.toString());
        }
    }

    /** The tail of QEMU's stderr; when QEMU has exited, after the rest of it has arrived. */
    private String stderrText() {
        if (stderrPump != null && !Thread.currentThread().isInterrupted()) {
            stderrPump.settle();
        }
        return QemuStderr.tail(stderr);
    }

    private static void closeQuietly(SerialConsole console) {
        if (console != null) {
            try {
                console.close();
            } catch (IOException ignored) {
                // the log is best effort once QEMU is gone; the failure (if any) is already recorded
            }
        }
    }

    private static void deleteIfEmpty(Path p) {
        try {
            if (Files.exists(p) && Files.size(p) == 0) {
                Files.delete(p);
            }
        } catch (IOException ignored) {
            // an empty stderr log under target/ does no harm
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover copy of the variables under target/ does no harm
        }
    }
}
