package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to boot and with how much machine. {@code image} is used by the {@code cdrom} and {@code disk} media,
 * {@code kernel}, {@code initrd} and {@code cmdline} by the {@code kernel} medium.
 */
public record QemuLaunch(BootTarget target, Optional<Path> image, Optional<Path> kernel, Optional<Path> initrd,
                         String cmdline, int memoryMib, int cpus, List<String> extraArgs) {
    /** Serial console and "reboot means stop" (with QEMU's -no-reboot) for the direct kernel medium. */

    public QemuLaunch {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(initrd, "initrd");
        Objects.requireNonNull(cmdline, "cmdline");
        extraArgs = List.copyOf(extraArgs);
        if (memoryMib < 16) {
            throw new IllegalArgumentException("memory must be at least 16 MiB: " + memoryMib);
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1: " + cpus);
        }
    }

    /**
     * The kernel command line for the direct kernel medium: the serial console and {@code panic=-1} (a panic
     * ends QEMU at once instead of hanging until the timeout) are added unless the line sets them.
     */
    public String effectiveCmdline() {
        String c = cmdline.trim();
        if (!c.matches("(^|.*\\s)panic=.*")) {
            c = (c + " panic=-1").trim();
        }
        return c.matches("(^|.*\\s)console=.*") ? c : "console=ttyS0 " + c;
    }

    /** Checks that the files the medium needs exist, before QEMU is started. */
    public void validate() throws BootImageException {
        if (target.medium() == Medium.KERNEL) {
            requireFile(kernel, "kernelFile", "the kernel image (bzImage) for medium 'kernel'",
                    "fix <kernelFile> (-Dbootimage.kernelFile); a kernel you built is arch/x86/boot/bzImage of its tree");
            if (initrd.isPresent()) {
                requireFile(initrd, "initrdFile", "the initramfs for medium 'kernel'",
                        "fix <initrdFile> (-Dbootimage.initrdFile), or leave it unset to boot the initramfs goal's output");
            }
        } else {
            requireFile(image, "image", "the image to boot for medium '" + target.medium().id() + "'",
                    "build it first (mvn package) or set <image>");
        }
    }

    private void requireFile(Optional<Path> file, String parameter, String what, String fix)
            throws BootImageException {
        if (file.isEmpty()) {
            throw new BootImageException("target " + target.name() + " needs " + what + ": set <" + parameter
                    + "> in the plugin configuration");
        }
        if (!Files.isRegularFile(file.get())) {
            throw new BootImageException("target " + target.name() + ": " + what + " " + file.get()
                    + " does not exist; " + fix);
        }
    }
}
