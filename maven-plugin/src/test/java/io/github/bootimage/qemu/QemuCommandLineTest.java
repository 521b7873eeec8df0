package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QemuCommandLineTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static final OvmfLocator NO_OVMF = new OvmfLocator(Path.of("/nonexistent"), Optional.empty(),
            Optional.empty());

    private static QemuLaunch launch(Firmware fw, Medium medium, String cmdline) {
        return new QemuLaunch(new BootTarget(fw, medium), Optional.of(Path.of("/img/a,b.iso")),
                Optional.of(Path.of("/k/vmlinuz")), Optional.of(Path.of("/k/initrd.gz")), cmdline, 512, 1,
                List.of("-rtc", "base=utc"));
    }

    private static String join(List<String> args) {
        return String.join(" ", args);
    }

    @Test
    void biosCdromIsClassicCdromBootWithSerialOnPipes() {
        List<String> args = QemuCommandLine.build(new QemuHost(QEMU, Accelerator.TCG, NO_OVMF),
                launch(Firmware.BIOS, Medium.CDROM, ""), Optional.empty(), QemuCommandLine.Console.PIPES);
        assertThat(join(args)).startsWith("/usr/bin/qemu-system-x86_64 -accel tcg -m 512 -smp 1 ")
                .contains("-cdrom /img/a,b.iso -boot d")
                .contains("-display none -serial stdio -monitor none -no-reboot")
                .doesNotContain("pflash").doesNotContain("-cpu host")
                .endsWith("-rtc base=utc");
    }

    @Test
    void diskUsesVirtioSnapshotSoTheImageIsNotModified() {
        List<String> args = QemuCommandLine.build(new QemuHost(QEMU, Accelerator.KVM, NO_OVMF),
                launch(Firmware.BIOS, Medium.DISK, ""), Optional.empty(), QemuCommandLine.Console.PIPES);
        assertThat(args).containsSequence("-accel", "kvm", "-cpu", "host")
                .containsSequence("-drive", "file=/img/a,,b.iso,format=raw,if=virtio,snapshot=on");
    }

    @Test
    void kernelMediumAddsSerialConsoleToTheCommandLine() {
        List<String> args = QemuCommandLine.build(new QemuHost(QEMU, Accelerator.TCG, NO_OVMF),
                launch(Firmware.BIOS, Medium.KERNEL, "quiet rdinit=/init"), Optional.empty(),
                QemuCommandLine.Console.PIPES);
        assertThat(args).containsSequence("-kernel", "/k/vmlinuz", "-initrd", "/k/initrd.gz",
                "-append", "console=ttyS0 quiet rdinit=/init panic=-1");
        assertThat(launch(Firmware.BIOS, Medium.KERNEL, "").effectiveCmdline()).isEqualTo("console=ttyS0 panic=-1");
        assertThat(launch(Firmware.BIOS, Medium.KERNEL, "console=tty0 console=ttyS1").effectiveCmdline())
                .isEqualTo("console=tty0 console=ttyS1 panic=-1");
    }

    @Test
    void secureBootUsesSmmQ35AndReadOnlyCodeFlash() {
        OvmfFiles fw = new OvmfFiles(Path.of("/fw/CODE.secboot.fd"), Path.of("/run/VARS.fd"));
        List<String> args = QemuCommandLine.build(new QemuHost(QEMU, Accelerator.TCG, NO_OVMF),
                launch(Firmware.UEFI_SECUREBOOT, Medium.CDROM, ""), Optional.of(fw), QemuCommandLine.Console.PIPES);
        assertThat(args).containsSequence("-machine", "q35,smm=on", "-global",
                        "driver=cfi.pflash01,property=secure,value=on")
                .containsSequence("-drive", "if=pflash,format=raw,unit=0,readonly=on,file=/fw/CODE.secboot.fd",
                        "-drive", "if=pflash,format=raw,unit=1,file=/run/VARS.fd");
    }

    @Test
    void plainUefiHasPflashButNoSmm() {
        OvmfFiles fw = new OvmfFiles(Path.of("/fw/CODE.fd"), Path.of("/run/VARS.fd"));
        String args = join(QemuCommandLine.build(new QemuHost(QEMU, Accelerator.TCG, NO_OVMF),
                launch(Firmware.UEFI, Medium.CDROM, ""), Optional.of(fw), QemuCommandLine.Console.PIPES));
        assertThat(args).contains("readonly=on,file=/fw/CODE.fd").doesNotContain("smm=on");
    }

    @Test
    void interactiveRunPutsSerialAndMonitorOnTheTerminal() {
        String headless = join(QemuCommandLine.build(new QemuHost(QEMU, Accelerator.TCG, NO_OVMF),
                launch(Firmware.BIOS, Medium.CDROM, ""), Optional.empty(), QemuCommandLine.Console.TERMINAL));
        String gui = join(QemuCommandLine.build(new QemuHost(QEMU, Accelerator.TCG, NO_OVMF),
                launch(Firmware.BIOS, Medium.CDROM, ""), Optional.empty(),
                QemuCommandLine.Console.TERMINAL_AND_WINDOW));
        assertThat(headless).contains("-display none -serial mon:stdio").doesNotContain("-no-reboot");
        assertThat(gui).contains("-serial mon:stdio").doesNotContain("-display none");
    }

    /** A kernel hacker's panic ("No working init found") must end QEMU, not reboot into the same panic forever. */
    @Test
    void interactiveKernelMediumDoesNotRebootAfterAPanic() {
        for (QemuCommandLine.Console console : QemuCommandLine.Console.values()) {
            List<String> args = QemuCommandLine.build(new QemuHost(QEMU, Accelerator.TCG, NO_OVMF),
                    launch(Firmware.BIOS, Medium.KERNEL, ""), Optional.empty(), console);
            assertThat(args).as(console.name()).containsOnlyOnce("-no-reboot").contains("console=ttyS0 panic=-1");
        }
    }
}
