package io.github.bootimage.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.initramfs.InitramfsBuilder;
import io.github.bootimage.initramfs.InitramfsRequest;
import io.github.bootimage.qemu.BootResult;
import io.github.bootimage.qemu.BootScript;
import io.github.bootimage.qemu.BootTarget;
import io.github.bootimage.qemu.BootTestReport;
import io.github.bootimage.qemu.BootTestRequest;
import io.github.bootimage.qemu.BootTester;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import io.github.bootimage.qemu.QemuHost;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.QemuBoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole ISO path with real parts: Debian's kernel, BusyBox, ISOLINUX, shim and GRUB, our initramfs,
 * ESP and ISO writers; checked by xorriso and fsck.fat, booted in QEMU the five ways a user boots it.
 */
class BootableIsoTest {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static Path iso;
    private static Path work;

    @BeforeAll
    static void buildIso(@TempDir Path dir) throws Exception {
        work = dir;
        iso = build(dir.resolve("a"), "zeta", "alpha");
    }

    static Path build(Path dir, String... overlayFiles) throws Exception {
        Files.createDirectories(dir.resolve("overlay"));
        for (String name : overlayFiles) {
            Files.writeString(dir.resolve("overlay").resolve(name), name);
            Files.setLastModifiedTime(dir.resolve("overlay").resolve(name),
                    java.nio.file.attribute.FileTime.from(Instant.now()));
        }
        Path initrd = InitramfsBuilder.build(InitramfsRequest.of(DebianPackages.busybox(), EPOCH, dir.resolve("initrd.gz")));
        BootMenu menu = new BootMenu(List.of(new MenuEntry("linux", "Linux", "panic=-1", true)), 0, 0, true,
                "/boot/vmlinuz", "/boot/initrd.img");
        IsoContent content = new IsoContent(DebianPackages.kernel(), initrd,
                Optional.of(new IsoContent.Isolinux(DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isolinux.bin"),
                        DebianPackages.file("syslinux-common", "usr/lib/syslinux/modules/bios/ldlinux.c32"),
                        Optional.of(DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isohdpfx.bin")))),
                Optional.of(new IsoContent.Uefi(DebianPackages.file("shim-signed", "usr/lib/shim/shimx64.efi.signed"),
                        DebianPackages.file("grub-efi-amd64-signed", "usr/lib/grub/x86_64-efi-signed/gcdx64.efi.signed"))),
                menu, Optional.of(dir.resolve("overlay")), "BOOTIMAGE test");
        Path out = dir.resolve("test.iso");
        BootableIso.write(new BootableIso.Request(content, "BOOTIMAGE_TEST", "", "", EPOCH, out, dir));
        return out;
    }

    @Test
    void xorrisoSeesBiosAndUefiBootAndTheHybridLayout() throws Exception {
        String report = run("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain",
                "-report_system_area", "plain");
        assertThat(report).containsPattern("El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none")
                .containsPattern("El Torito boot img :\\s+2\\s+UEFI\\s+y\\s+none")
                .containsPattern("MBR partition\\s+:\\s+1\\s+0x80\\s+0x00")
                .containsPattern("MBR partition\\s+:\\s+2\\s+0x00\\s+0xef")
                .contains("GPT partition name :   1  490053004f00480079006200720069006400");
        String listing = run("xorriso", "-indev", iso.toString(), "-find", "/", "-type", "f");
        assertThat(listing).contains("'/boot/vmlinuz'", "'/boot/initrd.img'", "'/isolinux/isolinux.bin'",
                "'/boot/grub/efi.img'", "'/boot/grub/grub.cfg'", "'/.disk/info'", "'/alpha'", "'/zeta'");
    }

    @Test
    void theEspPassesFsckAndHoldsShimAndGrub() throws Exception {
        Path esp = work.resolve("a/efi.img");
        run("fsck.fat", "-n", esp.toString());
        assertThat(run("mdir", "-i", esp.toString(), "-b", "::/EFI/BOOT")).contains("BOOTX64.EFI", "grubx64.efi");
    }

    @Test
    void sameBytesFromAnotherDirectoryListingOrderAndMtimes(@TempDir Path other) throws Exception {
        Path second = build(other, "alpha", "zeta");
        assertThat(sha256(second)).isEqualTo(sha256(iso));
    }

    @Test
    void bootsOnBiosAndUefiAsCdAndAsDiskAndWithSecureBoot() throws Exception {
        QemuHost host = QemuBoot.host(Firmware.UEFI_SECUREBOOT);
        List<BootTarget> targets = List.of(new BootTarget(Firmware.BIOS, Medium.CDROM),
                new BootTarget(Firmware.UEFI, Medium.CDROM), new BootTarget(Firmware.UEFI_SECUREBOOT, Medium.CDROM),
                new BootTarget(Firmware.BIOS, Medium.DISK), new BootTarget(Firmware.UEFI, Medium.DISK));
        BootTestRequest request = new BootTestRequest(targets, Optional.of(iso), Optional.empty(), Optional.empty(),
                "", 512, 1, List.of(), BootScript.defaults(Optional.empty(), Duration.ofMinutes(4), Duration.ofMinutes(1)),
                work.resolve("reports"), "BootableIsoTest", 1);
        BootTestReport report = new BootTester(host, line -> { }).runAll(request);
        for (BootResult r : report.results()) {
            assertThat(r.passed()).as(r.target() + " boots:\n" + r.failure().map(Object::toString).orElse("")).isTrue();
        }
        BootResult secure = report.results().get(2);
        assertThat(secure.console()).contains("Secure boot enabled");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        command[0] = HostTools.require(command[0]).toString();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
