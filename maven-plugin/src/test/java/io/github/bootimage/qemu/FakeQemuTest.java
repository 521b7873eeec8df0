package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script logic against a shell script that plays QEMU's serial console: fast, no emulation. */
class FakeQemuTest {
    private static final String SHELL = "#!/bin/sh\n"
            + "printf 'Linux booting\\r\\n\\033[0m/ # '\n"
            + "read line; printf '%s\\r\\n5.10.0-fake\\r\\n/ # ' \"$line\"\n"
            + "read line; printf '%s\\r\\n' \"$line\"\n";
    /** A boot loader that prints its marker and then waits forever. */
    private static final String GRUB_NEVER_EXITS = "#!/bin/sh\necho GRUB-REACHED; exec sleep 300\n";

    @TempDir
    Path dir;

    private BootTestReport boot(String fakeQemu, Optional<String> release) throws Exception {
        return boot(fakeQemu, BootScript.defaults(release, Duration.ofSeconds(10), Duration.ofSeconds(3)));
    }

    private final List<String> log = new ArrayList<>();

    private BootTestReport boot(String fakeQemu, BootScript script) throws Exception {
        return boot(fakeQemu, script, BootTester.HEARTBEAT);
    }

    private BootTestReport boot(String fakeQemu, BootScript script, Duration heartbeat) throws Exception {
        Path qemu = Files.writeString(dir.resolve("qemu-system-x86_64"), fakeQemu);
        Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwx------"));
        Path image = Files.writeString(dir.resolve("image.iso"), "");
        QemuHost host = new QemuHost(qemu, Accelerator.TCG, new OvmfLocator(dir, Optional.empty(), Optional.empty()));
        BootTestRequest request = new BootTestRequest(List.of(new BootTarget(Firmware.BIOS, Medium.CDROM)),
                Optional.of(image), Optional.empty(), Optional.empty(), "", 64, 1, List.of(), script,
                dir.resolve("reports"), "fake", 1);
        return new BootTester(host, log::add, heartbeat).runAll(request);
    }

    @Test
    void defaultScriptPassesWhenTheShellAnswersAndQemuExitsCleanly() throws Exception {
        BootResult r = boot(SHELL + "exit 0\n", Optional.empty()).results().get(0);
        assertThat(r.failure()).isEmpty();
        assertThat(Files.readString(r.log())).isEqualTo("Linux booting\n/ # uname -r\n5.10.0-fake\n/ # poweroff -f\n");
    }

    @Test
    void anotherKernelReleaseIsWrongOutput() throws Exception {
        BootFailure f = boot(SHELL + "exit 0\n", Optional.of("6.1.0-56-amd64")).results().get(0).failure()
                .orElseThrow();
        assertThat(f.kind()).isEqualTo(BootFailure.Kind.WRONG_OUTPUT);
        assertThat(f.message()).contains("step 2/3").contains("printed '5.10.0-fake', expected '6.1.0-56-amd64'")
                .contains("  | 5.10.0-fake");
    }

    @Test
    void qemuExitCodeFailsTheTarget() throws Exception {
        BootFailure f = boot(SHELL + "echo 'qemu: something broke' >&2; exit 1\n", Optional.empty()).results()
                .get(0).failure().orElseThrow();
        assertThat(f.kind()).isEqualTo(BootFailure.Kind.QEMU_EXIT);
        assertThat(f.message()).contains("QEMU exited with code 1").contains("qemu: something broke");
    }

    @Test
    void qemuThatNeverExitsIsKilledWithItsChildren() throws Exception {
        BootTestReport report = boot(SHELL + "sleep 300 & echo $! > \"$0.child\"; wait\n",
                Optional.empty());
        BootFailure f = report.results().get(0).failure().orElseThrow();
        assertThat(f.kind()).isEqualTo(BootFailure.Kind.QEMU_EXIT);
        assertThat(f.message()).contains("did not exit within 3 s");
        assertThat(QemuProcesses.live()).isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(dir.toString()))).isEmpty();
        long child = Long.parseLong(Files.readString(dir.resolve("qemu-system-x86_64.child")).trim());
        assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).as("the fake QEMU's child").isEmpty();
    }

    @Test
    void scriptUntilTheLastStepPassesThereAndStopsAGuestThatNeverPowersOff() throws Exception {
        BootResult r = boot(GRUB_NEVER_EXITS, untilLastStep("GRUB-REACHED", 10)).results().get(0);
        assertThat(r.failure()).isEmpty();
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
        assertThat(QemuProcesses.live()).isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(dir.toString()))).isEmpty();
    }

    @Test
    void scriptUntilTheLastStepStillFailsWhenTheTextNeverComes() throws Exception {
        BootFailure f = boot(GRUB_NEVER_EXITS, untilLastStep("OTHER-TEXT", 2)).results().get(0).failure()
                .orElseThrow();
        assertThat(f.kind()).isEqualTo(BootFailure.Kind.TIMEOUT);
        assertThat(QemuProcesses.live()).isEmpty();
    }

    private static BootScript untilLastStep(String text, int seconds) {
        return BootScript.untilLastStep(List.of(ExpectStep.expect(text, Duration.ofSeconds(seconds))));
    }

    /**
     * QEMU on a host whose KVM cannot run guests: the error on stderr, then silence while the process lives on. The
     * boot must end at once with the cause and QEMU's words, not after the 5-minute boot timeout.
     */
    @Test
    void aVmStoppedByAKvmInternalErrorEndsTheBootAtOnce() throws Exception {
        String kvmBroken = KvmProbeTest.BROKEN_KVM.replace("#!/bin/sh\n", "#!/bin/sh\nprintf 'SeaBIOS\\r\\n'\n");
        BootResult r = boot(kvmBroken, BootScript.defaults(Optional.empty(), Duration.ofMinutes(5),
                Duration.ofSeconds(3))).results().get(0);
        BootFailure f = r.failure().orElseThrow();
        assertThat(f.kind()).isEqualTo(BootFailure.Kind.VM_STOPPED);
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
        assertThat(f.message()).contains("step 1/3")
                .contains("QEMU stopped the virtual machine (KVM internal error. Suberror: 1)")
                .contains("-Dbootimage.accel=tcg")
                .contains("QEMU said:\n  KVM internal error. Suberror: 1\n  extra data[0]")
                .contains("  | SeaBIOS");
        assertThat(QemuProcesses.live()).isEmpty();
        assertThat(KvmProbeTest.processesMentioning(dir)).isEmpty();
    }

    @Test
    void longWaitsPrintAHeartbeatAndEachTargetItsResultWhenItEnds() throws Exception {
        String slow = "#!/bin/sh\nprintf 'Loading initial ramdisk\\r\\n'\nsleep 3\n"
                + SHELL.substring("#!/bin/sh\n".length()) + "exit 0\n";
        BootResult r = boot(slow, BootScript.defaults(Optional.empty(), Duration.ofSeconds(20), Duration.ofSeconds(3)),
                Duration.ofSeconds(1)).results().get(0);
        assertThat(r.failure()).isEmpty();
        assertThat(log).anyMatch(l -> l.matches("bios-cdrom: [12] s, waiting for /\\[#\\$\\] \\$/; "
                + "last console line: Loading initial ramdisk"));
        assertThat(log.get(log.size() - 1)).matches("  bios-cdrom +passed in [0-9.]+ s, log .*bios-cdrom.log");
    }
}
