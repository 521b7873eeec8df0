package io.github.bootimage.initramfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bootimage.compress.Compression;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.QemuConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Boots the Debian kernel with our initramfs in QEMU: one boot per compression, plus the classic init. */
class InitramfsBootTest {
    static final Duration BOOT = Duration.ofSeconds(90);
    static final String APPEND = "console=ttyS0 panic=-1";

    @ParameterizedTest
    @EnumSource(Compression.class)
    void bootsToAShellAndPowersOff(Compression compression, @TempDir Path dir) throws Exception {
        assumeTrue(HostTools.has("qemu-system-x86_64"), "qemu-system-x86_64 not installed");
        // The login shell reads /etc/profile: its marker says that init, rcS and the shell all ran.
        InitramfsRequest request = InitramfsRequest.of(DebianPackages.busybox(), Instant.parse("2024-01-01T00:00:00Z"),
                dir.resolve("initramfs.cpio" + compression.extension()))
                .withCompression(compression)
                // xz level 0: 1 MiB blocks, so the kernel's unxz has to read several blocks.
                .withCompressionLevel(compression == Compression.XZ ? 0 : null)
                .withExtraEntries(List.of(new Entry.RegularFile(EntryPath.of("etc/profile"), 0644, 0, 0,
                        BytesContent.utf8("echo BOOTIMAGE-$((40+2))-READY\n"))));
        Path initrd = InitramfsBuilder.build(request);
        try (QemuConsole qemu = QemuConsole.bootKernel(DebianPackages.kernel(), initrd, APPEND)) {
            int at = qemu.expect("BOOTIMAGE-42-READY", 0, BOOT);
            qemu.type("cat /proc/mounts; echo CMD-$((6*7))-OK");
            at = qemu.expect("CMD-42-OK", at, BOOT);
            assertThat(qemu.tail()).contains("devtmpfs /dev devtmpfs", "devpts /dev/pts devpts",
                    "proc /proc proc");
            qemu.type("poweroff");
            assertThat(qemu.waitForExit(BOOT)).as("QEMU powered off. Console:\n%s", qemu.tail()).isTrue();
            assertThat(qemu.tail()).contains("reboot: Power down");
        }
    }

    @Test
    void classicMinimalInitGivesAShellAsPid1(@TempDir Path dir) throws Exception {
        assumeTrue(HostTools.has("qemu-system-x86_64"), "qemu-system-x86_64 not installed");
        InitramfsRequest request = InitramfsRequest.of(DebianPackages.busybox(), Instant.parse("2024-01-01T00:00:00Z"),
                dir.resolve("initramfs.cpio")).withCompression(Compression.NONE)
                .withInit(InitSystem.MINIMAL_SCRIPT, AppletLayout.ALL_IN_BIN);
        Path initrd = InitramfsBuilder.build(request);
        try (QemuConsole qemu = QemuConsole.bootKernel(DebianPackages.kernel(), initrd, APPEND)) {
            // The classic recipe's shell has no controlling tty, as ash says; type only once it runs.
            int at = qemu.expect("job control turned off", 0, BOOT);
            qemu.type("echo PID-$$-$((6*7))");
            at = qemu.expect("PID-1-42", at, BOOT);
            qemu.type("ls /sbin | wc -l; poweroff -f");
            assertThat(qemu.waitForExit(BOOT)).as("QEMU powered off. Console:\n%s", qemu.tail()).isTrue();
            assertThat(qemu.console().substring(at)).contains("\n0");
        }
    }
}
