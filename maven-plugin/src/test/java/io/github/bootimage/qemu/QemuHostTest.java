package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
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
                AcceleratorChoice.AUTO, new KvmProbe(dir.resolve("no-kvm"), Duration.ofSeconds(5)),
                new OvmfLocator(dir, Optional.empty(), Optional.empty()));
        assertThat(host.qemu()).isEqualTo(qemu);
        assertThat(host.accelerator()).isEqualTo(Accelerator.TCG);
        assertThat(host.acceleratorNote()).contains("no " + dir.resolve("no-kvm"));
    }

    @Test
    void missingQemuNamesThePackagesAndHowToSkip() {
        assertThatThrownBy(() -> QemuHost.discover("qemu-system-x86_64", dir.toString(), AcceleratorChoice.TCG,
                new OvmfLocator(dir, Optional.empty(), Optional.empty())))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("qemu-system-x86_64 not found")
                .hasMessageContaining("apt-get install qemu-system-x86")
                .hasMessageContaining("dnf install qemu-system-x86")
                .hasMessageContaining("pacman -S qemu-full")
                .hasMessageContaining("-Dbootimage.bootTest.skip");
    }
}
