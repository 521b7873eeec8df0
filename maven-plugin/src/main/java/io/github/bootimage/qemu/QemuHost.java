package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The host side of a boot: which QEMU binary, which accelerator (and the log line saying why), where the
 * firmware is. Built from explicit inputs (the PATH value, the user's accelerator choice, the KVM probe) so the
 * caller decides what to read from the environment.
 */
public record QemuHost(Path qemu, Accelerator accelerator, String acceleratorNote, OvmfLocator ovmf) {
    public static final String INSTALL_HINT_QEMU = "Install QEMU: Debian/Ubuntu 'sudo apt-get install "
            + "qemu-system-x86', Fedora 'sudo dnf install qemu-system-x86', Arch 'sudo pacman -S qemu-full' "
            + "(or qemu-system-x86).";
    public static final String INSTALL_HINT_OVMF = "Install OVMF: Debian/Ubuntu 'sudo apt-get install ovmf', "
            + "Fedora 'sudo dnf install edk2-ovmf', Arch 'sudo pacman -S edk2-ovmf'";
    public static final String SKIP_HINT = "To skip the boot test: mvn ... -Dbootimage.bootTest.skip "
            + "(or -DskipITs / -DskipTests, or <skip>true</skip> in the plugin's boot-test configuration).";

    public QemuHost {
        Objects.requireNonNull(qemu, "qemu");
        Objects.requireNonNull(accelerator, "accelerator");
        Objects.requireNonNull(acceleratorNote, "acceleratorNote");
        Objects.requireNonNull(ovmf, "ovmf");
    }

    /** A host with a known accelerator (tests, fakes). */
    public QemuHost(Path qemu, Accelerator accelerator, OvmfLocator ovmf) {
        this(qemu, accelerator, "QEMU accelerator: " + accelerator.description() + " (given)", ovmf);
    }

    /**
     * Finds QEMU and applies the accelerator choice with this host's shared {@link KvmProbe}: every boot of the
     * project, in production and in tests, chooses its accelerator here.
     *
     * @param qemu a binary name looked up on {@code pathVariable}, or a path to the binary
     */
    public static QemuHost discover(String qemu, String pathVariable, AcceleratorChoice accel, OvmfLocator ovmf)
            throws BootImageException {
        return discover(qemu, pathVariable, accel, KvmProbe.host(), ovmf);
    }

    /** As above with another probe (a fake KVM device in tests). */
    public static QemuHost discover(String qemu, String pathVariable, AcceleratorChoice accel, KvmProbe probe,
                                    OvmfLocator ovmf) throws BootImageException {
        Path binary = findExecutable(qemu, pathVariable);
        KvmProbe.Decision d = probe.decide(accel, binary);
        return new QemuHost(binary, d.accelerator(), d.note(), ovmf);
    }

    static Path findExecutable(String name, String pathVariable) throws BootImageException {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            if (Files.isExecutable(p) && Files.isRegularFile(p)) {
                return p;
            }
            throw new BootImageException("QEMU binary " + p + " does not exist or is not executable. "
                    + INSTALL_HINT_QEMU + "\n" + SKIP_HINT);
        }
        for (String dir : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p) && Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new BootImageException(name + " not found on the PATH (" + pathVariable + "). " + INSTALL_HINT_QEMU
                + "\n" + SKIP_HINT);
    }
}
