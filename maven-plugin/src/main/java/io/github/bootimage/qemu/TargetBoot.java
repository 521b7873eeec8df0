package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Boots one target headless, runs the console script against it, and always kills QEMU at the end. */
final class TargetBoot {
    static final int TAIL_LINES = 40;

    private final QemuHost host;
    private final QemuLaunch launch;
    private final BootScript script;
    private final Path log;
    private final Path stderr;
    private final Path varsCopy;

    TargetBoot(QemuHost host, QemuLaunch launch, BootScript script, Path reportsDir) {
        this.host = host;
        this.launch = launch;
        this.script = script;
        String name = launch.target().name();
        this.log = reportsDir.resolve(name + ".log");
        this.stderr = reportsDir.resolve(name + ".qemu-stderr.log");
        this.varsCopy = reportsDir.resolve(name + ".OVMF_VARS.fd");
    }

    Path log() {
        return log;
    }

    BootResult run() throws InterruptedException {
        long start = System.nanoTime();
        Process qemu = null;
        SerialConsole console = null;
        Optional<BootFailure> failure;
        try {
            List<String> command = QemuCommandLine.build(host, launch, firmware(), QemuCommandLine.Console.PIPES);
            Files.writeString(stderr, "");
            qemu = QemuProcesses.register(new ProcessBuilder(command).redirectError(stderr.toFile()).start());
            console = new SerialConsole(qemu.getInputStream(), qemu.getOutputStream(), log, launch.target().name());
            failure = new ScriptRun(qemu, console).run();
        } catch (IOException | BootImageException e) {
            failure = Optional.of(new BootFailure(BootFailure.Kind.ERROR, "start QEMU",
                    "boot target " + launch.target().name() + " could not run: " + e.getMessage()));
        } finally {
            if (qemu != null) {
                QemuProcesses.kill(qemu);
            }
            closeQuietly(console);
            deleteQuietly(varsCopy);
            deleteIfEmpty(stderr);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
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
            SerialConsole.Wait wait = console.await(regex, step.timeout().toNanos());
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
                default:
                    throw new IllegalStateException(wait.outcome().name());
            }
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
            boolean exited = qemu.waitFor(script.exitTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (console.panicked()) {
                return Optional.of(fail(BootFailure.Kind.KERNEL_PANIC, where, "kernel panic: " + panicLine()));
            }
            if (!script.awaitsExit()) {
                return Optional.empty();
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

    private String stderrText() {
        try {
            String s = Files.readString(stderr, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "" : "; QEMU said: " + s;
        } catch (IOException e) {
            return "";
        }
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
