package io.github.bootimage.initramfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.compress.Compression;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.QemuBoot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Boots the Debian kernel with our initramfs in QEMU: one boot per compression, plus the classic init. */
class InitramfsBootTest {
    static final String APPEND = "console=ttyS0 panic=-1";

    @ParameterizedTest
    @EnumSource(Compression.class)
    void bootsToAShellAndPowersOff(Compression compression, @TempDir Path dir) throws Exception {
        // The login shell reads /etc/profile: its marker says that init, rcS and the shell all ran.
        InitramfsRequest request = InitramfsRequest.of(DebianPackages.busybox(), Instant.parse("2024-01-01T00:00:00Z"),
                dir.resolve("initramfs.cpio" + compression.extension()))
                .withCompression(compression)
                // xz level 0: 1 MiB blocks, so the kernel's unxz has to read several blocks.
                .withCompressionLevel(compression == Compression.XZ ? 0 : null)
                .withExtraEntries(List.of(new Entry.RegularFile(EntryPath.of("etc/profile"), 0644, 0, 0,
                        BytesContent.utf8("echo BOOTIMAGE-$((40+2))-READY\n"))));
        Path initrd = InitramfsBuilder.build(request);
        String console = QemuBoot.passedConsole(QemuBoot.kernel(DebianPackages.kernel(), initrd, APPEND,
                QemuBoot.untilPoweroff("BOOTIMAGE-42-READY", "cat /proc/mounts; echo CMD-$((6*7))-OK",
                        "CMD-42-OK", "poweroff"), dir.resolve("boot")));
        assertThat(console).contains("devtmpfs /dev devtmpfs", "devpts /dev/pts devpts", "proc /proc proc",
                "reboot: Power down");
    }

    @Test
    void classicMinimalInitGivesAShellAsPid1(@TempDir Path dir) throws Exception {
        InitramfsRequest request = InitramfsRequest.of(DebianPackages.busybox(), Instant.parse("2024-01-01T00:00:00Z"),
                dir.resolve("initramfs.cpio")).withCompression(Compression.NONE)
                .withInit(InitSystem.MINIMAL_SCRIPT, AppletLayout.ALL_IN_BIN);
        Path initrd = InitramfsBuilder.build(request);
        // The classic recipe's shell has no controlling tty, as ash says; type only once it runs.
        String console = QemuBoot.passedConsole(QemuBoot.kernel(DebianPackages.kernel(), initrd, APPEND,
                QemuBoot.untilPoweroff("job control turned off", "echo PID-$$-$((6*7))",
                        "PID-1-42", "ls /sbin | wc -l; poweroff -f"), dir.resolve("boot")));
        assertThat(console.substring(console.lastIndexOf("PID-1-42"))).contains("\n0");
    }
}
