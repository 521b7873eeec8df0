package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.iso9660.eltorito.BootEntry;
import io.github.bootimage.iso9660.eltorito.ElToritoConfig;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.QemuBoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots a BIOS no-emulation ISO with Debian's ISOLINUX and kernel in QEMU (the real consumer of our bytes). */
class IsoBootTest {
    private static final String MARKER = "ISO9660-BOOT-MARKER-OK";

    @TempDir
    Path tmp;

    @Test
    void isolinuxBootsTheKernelFromOurImage() throws Exception {
        HostTools.require("cpio");
        Path initrd = initramfs();
        FileTree tree = new FileTree();
        tree.add(file("isolinux/isolinux.bin", DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isolinux.bin")));
        tree.add(file("isolinux/ldlinux.c32",
                DebianPackages.file("syslinux-common", "usr/lib/syslinux/modules/bios/ldlinux.c32")));
        tree.add(new Entry.RegularFile(EntryPath.of("isolinux/isolinux.cfg"), 0644, 0, 0, BytesContent.utf8(
                "SERIAL 0 115200\nDEFAULT linux\nLABEL linux\n  KERNEL /boot/vmlinuz\n"
                        + "  APPEND initrd=/boot/initrd.img console=ttyS0 panic=-1\n")));
        tree.add(file("boot/vmlinuz", DebianPackages.kernel()));
        tree.add(file("boot/initrd.img", initrd));
        IsoImageRequest request = IsoImageRequest.of(tree, "BOOTTEST", Instant.parse("2024-05-01T00:00:00Z"))
                .withElTorito(ElToritoConfig.of(EntryPath.of("isolinux/boot.cat"),
                        BootEntry.isolinux(EntryPath.of("isolinux/isolinux.bin"))));
        Path iso = tmp.resolve("boot.iso");
        IsoImageWriter.write(request, iso);

        // The init prints the marker and powers off: the tester also checks that QEMU then exits cleanly.
        String console = QemuBoot.passedConsole(QemuBoot.image(Firmware.BIOS, Medium.CDROM, iso,
                QemuBoot.untilPoweroff(MARKER), tmp.resolve("boot")));

        assertThat(console).contains(MARKER);
    }

    private Path initramfs() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("initramfs"));
        Files.createDirectories(root.resolve("bin"));
        Files.copy(DebianPackages.busybox(), root.resolve("bin/busybox"));
        Path init = root.resolve("init");
        Files.writeString(init, "#!/bin/busybox sh\n/bin/busybox echo " + MARKER + "\n/bin/busybox poweroff -f\n");
        init.toFile().setExecutable(true);
        Path out = tmp.resolve("initrd.img");
        Process p = new ProcessBuilder("sh", "-c", "find . | LC_ALL=C sort | cpio -o -H newc --quiet > " + out)
                .directory(root.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    private static Entry file(String path, Path source) throws Exception {
        return new Entry.RegularFile(EntryPath.of(path), 0644, 0, 0, FileContent.of(source));
    }
}
