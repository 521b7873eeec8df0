package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bootimage.BootImageException;
import io.github.bootimage.testing.HostTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accelerator choice against fake KVM devices and fake QEMUs (a working KVM, the broken KVM of nested
 * virtualisation without VMX, no KVM), plus the test guest itself in a real QEMU.
 */
class KvmProbeTest {
    /** What QEMU does on a host whose KVM device opens but cannot run guests: the error, then silence, alive. */
    static final String BROKEN_KVM = "#!/bin/sh\n"
            + "echo \"$@\" > \"$0.args\"\n"
            + "echo 'KVM internal error. Suberror: 1' >&2\n"
            + "echo 'extra data[0]: 0x0000000000000000' >&2\n"
            + "echo 'emulation failure' >&2\n"
            + "exec sleep 300\n";
    private static final String WORKING_KVM = "#!/bin/sh\necho \"$@\" >> \"$0.args\"\nexit 85\n";

    @TempDir
    Path dir;

    private Path fakeQemu(String script) throws IOException {
        Path qemu = Files.writeString(dir.resolve("qemu-system-x86_64"), script);
        Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwx------"));
        return qemu;
    }

    /** A device file this (root or not) user can open read-write, standing in for a KVM device that opens. */
    private KvmProbe openableDevice(Duration timeout) throws IOException {
        Path device = Files.writeString(dir.resolve("kvm"), "");
        return new KvmProbe(device, timeout);
    }

    @Test
    void noDeviceMeansTcgWithoutStartingQemu() throws Exception {
        Path qemu = fakeQemu(WORKING_KVM);
        KvmProbe.Decision d = new KvmProbe(dir.resolve("absent"), Duration.ofSeconds(5)).decide(AcceleratorChoice.AUTO,
                qemu);
        assertThat(d.accelerator()).isEqualTo(Accelerator.TCG);
        assertThat(d.note()).startsWith("KVM: no " + dir.resolve("absent") + " on this host")
                .contains("using software emulation (TCG").endsWith(AcceleratorChoice.FORCE_HINT);
        assertThat(dir.resolve("qemu-system-x86_64.args")).doesNotExist();
    }

    @Test
    void aWorkingKvmIsUsedAndTheVerdictIsKeptForTheJvm() throws Exception {
        Path qemu = fakeQemu(WORKING_KVM);
        KvmProbe probe = openableDevice(Duration.ofSeconds(30));
        KvmProbe.Decision d = probe.decide(AcceleratorChoice.AUTO, qemu);
        assertThat(d.accelerator()).isEqualTo(Accelerator.KVM);
        assertThat(d.note()).contains("a test guest ran with").contains("using KVM hardware virtualisation");
        assertThat(probe.decide(AcceleratorChoice.KVM, qemu).accelerator()).isEqualTo(Accelerator.KVM);
        List<String> runs = Files.readAllLines(dir.resolve("qemu-system-x86_64.args"));
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).contains("-accel kvm -cpu host").contains("isa-debug-exit,iobase=0xf4");
    }

    @Test
    void kvmThatCannotRunAGuestFallsBackToTcgAtOnceAndLeavesNoQemu() throws Exception {
        Path qemu = fakeQemu(BROKEN_KVM);
        KvmProbe probe = openableDevice(Duration.ofMinutes(2));
        long start = System.nanoTime();
        KvmProbe.Decision d = probe.decide(AcceleratorChoice.AUTO, qemu);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(d.accelerator()).isEqualTo(Accelerator.TCG);
        assertThat(d.note()).contains("opened but QEMU could not run a guest with it (KVM internal error. Suberror: 1)")
                .contains("using software emulation (TCG").endsWith(AcceleratorChoice.FORCE_HINT);
        assertThat(QemuProcesses.live()).isEmpty();
        assertThat(processesMentioning(dir)).isEmpty();
    }

    @Test
    void forcedKvmOnABrokenHostIsAClearError() throws Exception {
        Path qemu = fakeQemu(BROKEN_KVM);
        assertThatThrownBy(() -> openableDevice(Duration.ofMinutes(2)).decide(AcceleratorChoice.KVM, qemu))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("accel=kvm was forced, but KVM cannot run guests on this host")
                .hasMessageContaining("KVM internal error")
                .hasMessageContaining("-Dbootimage.accel=tcg");
        assertThatThrownBy(() -> new KvmProbe(dir.resolve("absent"), Duration.ofSeconds(5))
                .decide(AcceleratorChoice.KVM, qemu)).hasMessageContaining("no " + dir.resolve("absent"));
    }

    @Test
    void qemuThatRefusesKvmOrSaysNothingIsNotKvm() throws Exception {
        Path qemu = fakeQemu("#!/bin/sh\necho 'Could not access KVM kernel module: Permission denied' >&2; exit 1\n");
        KvmProbe.Verdict refused = openableDevice(Duration.ofSeconds(30)).verdict(qemu);
        assertThat(refused.works()).isFalse();
        assertThat(refused.reason()).contains("QEMU exited with code 1")
                .contains("Could not access KVM kernel module: Permission denied");

        Path silent = fakeQemu("#!/bin/sh\nexec sleep 300\n");
        KvmProbe.Verdict hung = new KvmProbe(dir.resolve("kvm"), Duration.ofSeconds(1)).verdict(silent);
        assertThat(hung.works()).isFalse();
        assertThat(hung.reason()).contains("no result within 1 s");
        assertThat(processesMentioning(dir)).isEmpty();
    }

    @Test
    void forcedTcgNeverProbes() throws Exception {
        Path qemu = fakeQemu(WORKING_KVM);
        KvmProbe.Decision d = openableDevice(Duration.ofSeconds(5)).decide(AcceleratorChoice.TCG, qemu);
        assertThat(d.accelerator()).isEqualTo(Accelerator.TCG);
        assertThat(d.note()).contains("not tried (accel=tcg)");
        assertThat(dir.resolve("qemu-system-x86_64.args")).doesNotExist();
    }

    @Test
    void unknownChoiceNamesTheParameterAndTheValues() {
        assertThatThrownBy(() -> AcceleratorChoice.parse("hvf")).isInstanceOf(BootImageException.class)
                .hasMessageContaining("unknown accelerator 'hvf'").hasMessageContaining("bootimage.accel")
                .hasMessageContaining("auto, kvm or tcg");
    }

    /** The test guest's firmware really runs: under TCG here, QEMU exits with the agreed code. */
    @Test
    void theTestGuestRunsInARealQemu() throws Exception {
        HostTools.require("qemu-system-x86_64");
        Path rom = Files.write(dir.resolve("probe.rom"), KvmProbe.firmware());
        List<String> command = new ArrayList<>(KvmProbe.command(Path.of("qemu-system-x86_64"), rom));
        command.set(command.indexOf("kvm"), "tcg");
        command.subList(command.indexOf("-cpu"), command.indexOf("-cpu") + 2).clear();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(KvmProbe.PROBE_EXIT);
    }

    /** This machine: whatever its KVM, the plugin's own choice gives an accelerator and says why. */
    @Test
    void thisHostsVerdict() throws Exception {
        HostTools.require("qemu-system-x86_64");
        QemuHost host = QemuHost.discover("qemu-system-x86_64", System.getenv("PATH"), AcceleratorChoice.AUTO,
                new OvmfLocator(dir, Optional.empty(), Optional.empty()));
        assertThat(host.acceleratorNote()).startsWith("KVM: ").endsWith(AcceleratorChoice.FORCE_HINT);
        if (!Files.exists(KvmProbe.DEVICE)) {
            assertThat(host.accelerator()).isEqualTo(Accelerator.TCG);
        }
    }

    /** Every boot of the project (plugin, tests, ITs, archetype, benchmarks) goes through the one choice. */
    @Test
    void nothingElseNamesTheKvmDevice() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assumeTrue(Files.isDirectory(root.resolve("its")), "not run from the source tree: " + root);
        String device = "/dev/" + "kvm";
        List<String> offenders = new ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d,
                                                                   java.nio.file.attribute.BasicFileAttributes a) {
                return Set.of("target", ".git", "docs", "node_modules").contains(String.valueOf(d.getFileName()))
                        ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                String name = f.getFileName().toString();
                if (name.matches(".*\\.(java|groovy|sh|xml|properties|txt)|run") && !name.equals("KvmProbe.java")
                        && contains(f, device)) {
                    offenders.add(root.relativize(f).toString());
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        assertThat(offenders).as("files that name %s instead of asking KvmProbe", device).isEmpty();
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> processesMentioning(Path dir) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive).map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains(dir.toString())).toList();
        }
    }
}
