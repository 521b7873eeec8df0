package io.github.bootimage.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.fat.FatImage;
import io.github.bootimage.fat.FatImageWriter;
import io.github.bootimage.fat.FatOptions;
import io.github.bootimage.iso9660.IsoLayout;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostCommand;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.QemuBoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real boots under QEMU: our ESP (shim + Debian's signed CD GRUB) inside an ISO made by xorriso boots under
 * OVMF as a CD-ROM; the same ISO with our hybrid system area and trailer boots as a disk, under OVMF
 * (through our GPT/MBR ESP partition) and under SeaBIOS (through isohdpfx.bin and our isolinux LBA).
 */
class HybridBootTest {
    static final String GRUB_MARKER = "BOOTIMAGE-GRUB-REACHED";
    static final String ISOLINUX_MARKER = "BOOTIMAGE-ISOLINUX-REACHED";

    @TempDir
    static Path dir;
    static Path cdIso;
    static Path hybridIso;

    @BeforeAll
    static void build() throws Exception {
        HostTools.require("qemu-system-x86_64", "xorriso");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("isolinux"));
        Files.createDirectories(tree.resolve("boot/grub"));
        Files.createDirectories(tree.resolve(".disk"));
        Files.copy(DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isolinux.bin"), tree.resolve("isolinux/isolinux.bin"));
        Files.copy(DebianPackages.file("syslinux-common", "usr/lib/syslinux/modules/bios/ldlinux.c32"),
                tree.resolve("isolinux/ldlinux.c32"));
        Files.writeString(tree.resolve("isolinux/isolinux.cfg"),
                "SERIAL 0 115200\nPROMPT 0\nDEFAULT " + ISOLINUX_MARKER + "\n");
        Files.writeString(tree.resolve(".disk/info"), "bootimage test\n");
        Files.writeString(tree.resolve("boot/grub/grub.cfg"), "serial --unit=0 --speed=115200\n"
                + "terminal_input serial console\nterminal_output serial console\necho " + GRUB_MARKER + "\nsleep 60\n");
        FileTree esp = new FileTree()
                .add(file("EFI/BOOT/BOOTX64.EFI", DebianPackages.file("shim-signed", "usr/lib/shim/shimx64.efi.signed")))
                .add(file("EFI/BOOT/grubx64.efi",
                        DebianPackages.file("grub-efi-amd64-signed", "usr/lib/grub/x86_64-efi-signed/gcdx64.efi.signed")));
        FatImage image = FatImageWriter.write(esp, FatOptions.of(Instant.parse("2024-01-01T00:00:00Z")),
                tree.resolve("boot/grub/efi.img"));
        assertThat(image.sizeBytes()).isLessThan(6L << 20);
        Path isohdpfx = DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isohdpfx.bin");
        cdIso = dir.resolve("xorriso.iso");
        HostCommand.Result r = HostCommand.run("xorriso", "-as", "mkisofs", "-R", "-J", "-isohybrid-mbr",
                isohdpfx.toString(), "-b", "isolinux/isolinux.bin", "-c", "isolinux/boot.cat", "-no-emul-boot",
                "-boot-load-size", "4", "-boot-info-table", "-eltorito-alt-boot", "-e", "boot/grub/efi.img",
                "-no-emul-boot", "-isohybrid-gpt-basdat", "-o", cdIso.toString(), tree.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        hybridIso = withOurSystemArea(cdIso, Files.readAllBytes(isohdpfx));
    }

    static Entry file(String path, Path source) throws IOException {
        return new Entry.RegularFile(EntryPath.of(path), 0644, 0, 0, FileContent.of(source));
    }

    /** The xorriso image with its first 32 KiB and last 32 KiB replaced by ours. */
    static Path withOurSystemArea(Path iso, byte[] isohdpfx) throws Exception {
        Map<EntryPath, long[]> files = new HashMap<>();
        Matcher m = IsoHybridTest.LBA_LINE.matcher(HostCommand.run("xorriso", "-indev", iso.toString(), "-find", "/",
                "-exec", "report_lba").output());
        while (m.find()) {
            files.put(EntryPath.of(m.group(3)), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        IsoLayout layout = new IsoHybridTest.Layout(Files.size(iso) / 2048 - IsoHybrid.TRAILER_SIZE / 2048, files);
        IsoHybrid hybrid = new IsoHybrid(isohdpfx, IsoHybridTest.ISOLINUX, IsoHybridTest.EFI_IMG, "boot-test");
        Path out = dir.resolve("hybrid.iso");
        Files.copy(iso, out);
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(hybrid.systemArea(layout)), 0);
            ch.write(ByteBuffer.wrap(hybrid.trailer(layout)), layout.volumeSectors() * 2048);
        }
        return out;
    }

    @Test
    void uefiCdromBootsShimAndGrubFromOurEsp() {
        assertThat(boot(Firmware.UEFI, Medium.CDROM, cdIso, GRUB_MARKER)).contains(GRUB_MARKER);
    }

    @Test
    void uefiDiskBootsThroughOurGpt() {
        assertThat(boot(Firmware.UEFI, Medium.DISK, hybridIso, GRUB_MARKER)).contains(GRUB_MARKER);
    }

    @Test
    void biosDiskBootsThroughOurMbr() {
        // ISOLINUX, loaded by isohdpfx.bin from the LBA we wrote, read its config from the ISO: it tries the DEFAULT.
        String loading = "Loading " + ISOLINUX_MARKER;
        assertThat(boot(Firmware.BIOS, Medium.DISK, hybridIso, loading)).contains(loading);
    }

    /** GRUB and ISOLINUX never power off: the boot passes at the marker and QEMU is stopped there. */
    private static String boot(Firmware firmware, Medium medium, Path iso, String marker) {
        return QemuBoot.passedConsole(QemuBoot.image(firmware, medium, iso, QemuBoot.untilText(marker),
                dir.resolve("boot")));
    }
}
