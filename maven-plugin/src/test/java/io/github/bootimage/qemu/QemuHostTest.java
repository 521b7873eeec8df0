package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuHostTest {
    @TempDir
    Path dir;

    @Test
    void findsQemuOnThePath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path qemu = Files.writeString(bin.resolve("qemu-system-x86_64"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwxr-xr-x"));
        QemuHost host = QemuHost.discover("qemu-system-x86_64", dir.resolve("nothing") + ":" + bin,
                dir.resolve("no-kvm"), new OvmfLocator(dir, Optional.empty(), Optional.empty()));
        assertThat(host.qemu()).isEqualTo(qemu);
        assertThat(host.accelerator()).isEqualTo(Accelerator.TCG);
    }

    @Test
    void missingQemuNamesThePackagesAndHowToSkip() {
        assertThatThrownBy(() -> QemuHost.discover("qemu-system-x86_64", dir.toString(), dir.resolve("kvm"),
                new OvmfLocator(dir, Optional.empty(), Optional.empty())))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("qemu-system-x86_64 not found")
                .hasMessageContaining("apt-get install qemu-system-x86")
                .hasMessageContaining("dnf install qemu-system-x86")
                .hasMessageContaining("pacman -S qemu-full")
                .hasMessageContaining("-Dbootimage.bootTest.skip");
    }

    @Test
    void kvmOnlyWhenTheDeviceIsUsable() throws Exception {
        Path kvm = Files.writeString(dir.resolve("kvm"), "");
        assertThat(Accelerator.detect(kvm)).isEqualTo(Accelerator.KVM);
        assertThat(Accelerator.detect(dir.resolve("absent"))).isEqualTo(Accelerator.TCG);
        Files.setPosixFilePermissions(kvm, PosixFilePermissions.fromString("r--------"));
        // root opens any file for writing, so the permission case only shows for a normal user
        Assumptions.assumeFalse(Files.isWritable(kvm), "running as root");
        assertThat(Accelerator.detect(kvm)).isEqualTo(Accelerator.TCG);
    }
}
