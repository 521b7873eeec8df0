package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The host side of a boot: which QEMU binary, which accelerator, where the firmware is. Built from explicit
 * inputs (the PATH value, the KVM device) so the caller decides what to read from the environment.
 */
public record QemuHost(Path qemu, Accelerator accelerator, OvmfLocator ovmf) {
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
        Objects.requireNonNull(ovmf, "ovmf");
    }

    /**
     * @param qemu      a binary name looked up on {@code pathVariable}, or a path to the binary
     * @param kvmDevice usually {@code /dev/kvm}
     */
    public static QemuHost discover(String qemu, String pathVariable, Path kvmDevice, OvmfLocator ovmf)
            throws BootImageException {
        return new QemuHost(findExecutable(qemu, pathVariable), Accelerator.detect(kvmDevice), ovmf);
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
