package io.github.bootimage.boot.grub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.boot.BootMenu;
import io.github.bootimage.boot.BootableIso;
import io.github.bootimage.boot.IsoContent;
import io.github.bootimage.boot.MenuEntry;
import io.github.bootimage.testing.BootFixtures;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostCommand;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ISO with GRUB for BIOS (and shim + GRUB for UEFI) from our writers, read by xorriso and compared with what
 * grub-mkrescue makes of the same tree. Booting it is the job of the invoker IT boot-grub-bios (five ways).
 */
class GrubIsoTest {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static Path iso;
    private static Path work;

    @BeforeAll
    static void buildIso(@TempDir Path dir) throws Exception {
        work = dir;
        iso = build(dir.resolve("a"));
    }

    static Path build(Path dir) throws Exception {
        Path overlay = Files.createDirectories(dir.resolve("overlay/boot/grub"));
        Files.writeString(overlay.resolve("grub.cfg"), "set timeout=0\nmenuentry Linux {\n  linux /boot/vmlinuz\n"
                + "  initrd /boot/initrd.img\n}\n");
        BootMenu menu = new BootMenu(List.of(new MenuEntry("linux", "Linux", "panic=-1", true)), 0, 0, true,
                "/boot/vmlinuz", "/boot/initrd.img");
        IsoContent content = new IsoContent(DebianPackages.kernel(), BootFixtures.initramfs("shell", BootFixtures.SHELL_INIT),
                Optional.of(new IsoContent.GrubPc(GrubPc.deb(), true)),
                Optional.of(new IsoContent.Uefi(DebianPackages.file("shim-signed", "usr/lib/shim/shimx64.efi.signed"),
                        DebianPackages.file("grub-efi-amd64-signed", "usr/lib/grub/x86_64-efi-signed/gcdx64.efi.signed"))),
                menu, Optional.of(dir.resolve("overlay")), "BOOTIMAGE test");
        Path out = dir.resolve("test.iso");
        BootableIso.write(new BootableIso.Request(content, "BOOTIMAGE_GRUB", "", "", EPOCH, out, dir));
        return out;
    }

    @Test
    void xorrisoSeesTheSameBiosBootAsInAGrubMkrescueImage() throws Exception {
        GrubPc.requireTool("xorriso");
        GrubPc.requireTool("grub-mkrescue");
        String ours = xorrisoReport(iso);
        Path tree = Files.createDirectories(work.resolve("mkrescue/boot/grub"));
        Files.copy(DebianPackages.kernel(), tree.resolve("../vmlinuz"));
        Files.writeString(tree.resolve("grub.cfg"), "set timeout=0\n");
        Path theirIso = work.resolve("mkrescue.iso");
        HostCommand.Result r = HostCommand.run("grub-mkrescue", "-d", GrubPc.directory().toString(), "-o",
                theirIso.toString(), tree.getParent().getParent().toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        String theirs = xorrisoReport(theirIso);
        for (String report : List.of(ours, theirs)) {
            assertThat(report).containsPattern("El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none\\s+0x0000\\s+0x00\\s+4\\s")
                    .contains("El Torito img path :   1  /boot/grub/i386-pc/eltorito.img")
                    .contains("El Torito img opts :   1  boot-info-table grub2-boot-info")
                    .containsPattern("System area summary: MBR .*grub2-mbr");
        }
        // Our partitions stay those of the ISOLINUX hybrid: the whole image, and the ESP as 0xEF and GPT entry 2.
        assertThat(ours).containsPattern("El Torito boot img :\\s+2\\s+UEFI\\s+y\\s+none")
                .containsPattern("System area summary: MBR .*grub2-mbr.* GPT")
                .containsPattern("MBR partition\\s+:\\s+1\\s+0x80\\s+0x00")
                .containsPattern("MBR partition\\s+:\\s+2\\s+0x00\\s+0xef")
                .contains("GPT partition path :   2  /boot/grub/efi.img");
    }

    @Test
    void theMbrAndTheBootFilePointAtDiskbootAndTheCoreAsXorrisoPatchesThem() throws Exception {
        byte[] image = Files.readAllBytes(iso);
        long lba = elToritoBiosLba(xorrisoReport(iso));
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getLong(0x1b0)).isEqualTo(lba * 4 + 4);
        byte[] bootHybrid = GrubPcFiles.fromArchive(GrubPc.deb()).get("boot_hybrid.img");
        assertThat(Arrays.copyOf(image, 432)).isEqualTo(Arrays.copyOf(bootHybrid, 432));
        int file = (int) (lba * 2048);
        assertThat(b.getLong(file + 2548)).isEqualTo(lba * 4 + 5);
        assertThat(b.getInt(file + 12)).as("boot-info-table: file LBA").isEqualTo((int) lba);
        int length = b.getInt(file + 16);
        int sum = 0;
        for (int i = 64; i < length; i += 4) {
            sum += b.getInt(file + i);
        }
        assertThat(b.getInt(file + 20)).as("boot-info-table: checksum over the patched file").isEqualTo(sum);
        // Apart from the two tables, the file is the eltorito.img we assembled, which decodes to the core.
        byte[] ours = GrubBios.build(GrubPcFiles.fromArchive(GrubPc.deb())).eltorito();
        byte[] onIso = Arrays.copyOfRange(image, file, file + length);
        Arrays.fill(onIso, 8, 64, (byte) 0);
        ByteBuffer.wrap(onIso).order(ByteOrder.LITTLE_ENDIAN).putLong(2548, 2);
        assertThat(onIso).isEqualTo(ours);
    }

    @Test
    void grubFindsItsModulesListsAndConfigOnTheIso() throws Exception {
        GrubPc.requireTool("xorriso");
        HostCommand.Result r = HostCommand.run("xorriso", "-indev", iso.toString(), "-find", "/", "-type", "f");
        assertThat(r.output()).contains("'/boot/grub/i386-pc/eltorito.img'", "'/boot/grub/i386-pc/normal.mod'",
                "'/boot/grub/i386-pc/regexp.mod'", "'/boot/grub/i386-pc/command.lst'", "'/boot/grub/i386-pc/moddep.lst'",
                "'/boot/grub/grub.cfg'", "'/.disk/info'", "'/boot/grub/efi.img'")
                .doesNotContain("isolinux", "kernel.img", "boot_hybrid.img");
    }

    @Test
    void sameBytesOnARebuildElsewhere(@TempDir Path other) throws Exception {
        assertThat(sha256(build(other))).isEqualTo(sha256(iso));
    }

    private static String xorrisoReport(Path image) throws Exception {
        GrubPc.requireTool("xorriso");
        HostCommand.Result r = HostCommand.run("xorriso", "-indev", image.toString(), "-report_el_torito", "plain",
                "-report_system_area", "plain");
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output();
    }

    private static long elToritoBiosLba(String report) {
        Matcher m = Pattern.compile("El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none\\s+\\S+\\s+\\S+\\s+4\\s+(\\d+)").matcher(report);
        assertThat(m.find()).as(report).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
