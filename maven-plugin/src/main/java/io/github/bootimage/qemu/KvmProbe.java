package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether KVM really runs guests on this host. {@code /dev/kvm} may exist and open read-write and still not run
 * a guest (nested virtualisation without VMX, common on cloud VMs and CI runners): QEMU then prints "KVM internal
 * error. Suberror: 1 ... emulation failure", stops the VM and stays alive. So the probe starts QEMU with KVM on a
 * 64 KiB firmware whose reset vector writes to QEMU's {@code isa-debug-exit} port: QEMU exits with the agreed code
 * only if the guest ran. The verdict is kept per QEMU binary for the life of the JVM.
 */
public final class KvmProbe {
    /** The Linux KVM device: the one place the project names it. */
    public static final Path DEVICE = Path.of("/dev/kvm");
    /** QEMU's exit code when the guest writes {@link #PROBE_VALUE} to isa-debug-exit: (value << 1) | 1. */
    static final int PROBE_EXIT = (0x2A << 1) | 1;
    private static final int PROBE_VALUE = 0x2A;
    private static final KvmProbe HOST = new KvmProbe(DEVICE, Duration.ofSeconds(20));

    /** Whether KVM can run guests here, and why (for the log line and error messages). */
    public record Verdict(boolean works, String reason) {
    }

    /** The accelerator to use and the one log line that says which, why, and how to force the other. */
    public record Decision(Accelerator accelerator, String note) {
    }

    private final Path device;
    private final Duration timeout;
    private final Map<Path, Verdict> verdicts = new HashMap<>();

    /** @param timeout how long the test guest may take; KVM runs it in milliseconds */
    public KvmProbe(Path device, Duration timeout) {
        this.device = device;
        this.timeout = timeout;
    }

    /** The probe of this host's {@link #DEVICE}, shared by every boot in this JVM. */
    public static KvmProbe host() {
        return HOST;
    }

    /** Applies the user's choice; a forced {@code kvm} that cannot run a guest is an error. */
    public Decision decide(AcceleratorChoice choice, Path qemu) throws BootImageException {
        if (choice == AcceleratorChoice.TCG) {
            return new Decision(Accelerator.TCG, "KVM: not tried (accel=tcg); using "
                    + Accelerator.TCG.description() + ". " + AcceleratorChoice.FORCE_HINT);
        }
        Verdict v = verdict(qemu);
        if (choice == AcceleratorChoice.KVM && !v.works()) {
            throw new BootImageException("accel=kvm was forced, but KVM cannot run guests on this host: " + v.reason()
                    + ". Boot with software emulation instead: -Dbootimage.accel=tcg (or auto, which picks TCG "
                    + "here by itself).");
        }
        Accelerator a = v.works() ? Accelerator.KVM : Accelerator.TCG;
        return new Decision(a, "KVM: " + v.reason() + (choice == AcceleratorChoice.KVM ? " (accel=kvm)" : "")
                + "; using " + a.description() + ". " + AcceleratorChoice.FORCE_HINT);
    }

    /** Probes once per QEMU binary; later calls return the kept verdict. */
    public synchronized Verdict verdict(Path qemu) throws BootImageException {
        Verdict v = verdicts.get(qemu);
        if (v == null) {
            v = probe(qemu);
            verdicts.put(qemu, v);
        }
        return v;
    }

    private Verdict probe(Path qemu) throws BootImageException {
        if (!Files.exists(device)) {
            return new Verdict(false, "no " + device + " on this host (no hardware virtualisation, or the kvm "
                    + "module is not loaded)");
        }
        // Group kvm grants read-write; opening is the only check that also holds in containers and for root.
        try (FileChannel ignored = FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // usable so far; whether a guest runs is the next question
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return new Verdict(false, device + " is not readable and writable for this user (join group kvm: "
                    + "sudo usermod -aG kvm $USER, then log in again)");
        }
        try {
            return runTestGuest(qemu);
        } catch (IOException e) {
            throw new BootImageException("cannot run QEMU (" + qemu + ") to test KVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException("interrupted while testing KVM; QEMU was stopped", e);
        }
    }

    private Verdict runTestGuest(Path qemu) throws IOException, InterruptedException {
        Path rom = Files.createTempFile("bootimage-kvm-probe", ".rom");
        Path err = Files.createTempFile("bootimage-kvm-probe", ".stderr");
        Process p = null;
        try {
            Files.write(rom, firmware());
            ProcessBuilder pb = new ProcessBuilder(command(qemu, rom)).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            p = QemuProcesses.start(pb);
            p.getOutputStream().close();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (p.waitFor(50, TimeUnit.MILLISECONDS)) {
                    return p.exitValue() == PROBE_EXIT ? new Verdict(true, "a test guest ran with " + device)
                            : broken("QEMU exited with code " + p.exitValue() + QemuStderr.tail(err));
                }
                Optional<String> fatal = QemuStderr.fatalLine(QemuStderr.lines(err));
                if (fatal.isPresent()) {
                    return broken(fatal.get());
                }
            }
            return broken("no result within " + timeout.toSeconds() + " s" + QemuStderr.tail(err));
        } finally {
            if (p != null) {
                QemuProcesses.kill(p);
            }
            Files.deleteIfExists(rom);
            Files.deleteIfExists(err);
        }
    }

    private Verdict broken(String why) {
        return new Verdict(false, device + " opened but QEMU could not run a guest with it (" + why + ")");
    }

    static List<String> command(Path qemu, Path rom) {
        return List.of(qemu.toString(), "-accel", "kvm", "-cpu", "host", "-machine", "pc", "-m", "16",
                "-nodefaults", "-display", "none", "-monitor", "none", "-serial", "none", "-no-reboot",
                "-bios", rom.toString(), "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04");
    }

    /**
     * 64 KiB of firmware (QEMU wants a multiple of 64 KiB), mapped below 4 GiB so that its last 16 bytes hold the
     * reset vector (F000:FFF0): {@code mov al, 0x2A; out 0xF4, al; hlt; jmp $-3}.
     */
    static byte[] firmware() {
        byte[] rom = new byte[0x10000];
        Arrays.fill(rom, (byte) 0xFF);
        byte[] code = {(byte) 0xB0, PROBE_VALUE, (byte) 0xE6, (byte) 0xF4, (byte) 0xF4, (byte) 0xEB, (byte) 0xFD};
        System.arraycopy(code, 0, rom, 0xFFF0, code.length);
        return rom;
    }
}
