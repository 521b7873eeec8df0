package io.github.bootimage.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.initramfs.InitramfsBuilder;
import io.github.bootimage.initramfs.InitramfsRequest;
import io.github.bootimage.initramfs.InitramfsTree;
import io.github.bootimage.io.Sha256;
import io.github.bootimage.iso9660.IsoImageRequest;
import io.github.bootimage.iso9660.IsoImageWriter;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.qemu.BootResult;
import io.github.bootimage.qemu.BootScript;
import io.github.bootimage.qemu.BootTarget;
import io.github.bootimage.qemu.BootTestRequest;
import io.github.bootimage.qemu.BootTester;
import io.github.bootimage.qemu.ExpectStep;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import io.github.bootimage.qemu.QemuHost;
import io.github.bootimage.squashfs.SquashfsRequest;
import io.github.bootimage.squashfs.SquashfsWriter;
import io.github.bootimage.testing.BootFixtures;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.QemuBoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live init in Debian's kernel: the medium is an ISO (our writer) on an IDE CD-ROM holding our squashfs;
 * the initramfs holds BusyBox, the generated /init and the drivers from the kernel package (modules.dep by
 * the host's depmod, standing in for the modules goal). One boot per scenario, many checks per boot.
 */
class LiveInitBootTest {
    static final Instant EPOCH = Instant.parse("2024-01-02T03:04:05Z");
    static final List<String> MODULE_FILES = List.of("drivers/block/loop.ko", "fs/squashfs/squashfs.ko",
            "fs/overlayfs/overlay.ko", "fs/isofs/isofs.ko", "drivers/cdrom/cdrom.ko", "drivers/scsi/sr_mod.ko",
            "drivers/scsi/scsi_mod.ko", "drivers/scsi/scsi_common.ko", "drivers/ata/libata.ko",
            "drivers/ata/ata_piix.ko", "drivers/ata/ata_generic.ko");

    @TempDir
    Path dir;

    @Test
    void bootsIntoTheOverlayOnTheSquashfsAndTheInitramfsIsGone() throws Exception {
        Path rootfs = rootfs();
        String id = Sha256.of(rootfs).substring(0, 32);
        Path iso = iso(rootfs, id, dir.resolve("live.iso"));
        Path other = iso(rootfs, "0123456789abcdef0123456789abcdef", dir.resolve("other.iso"));
        Path initrd = initramfs(id);
        // a second ISO first on the bus: the init must skip it by its id
        String console = boot(initrd, "", List.of("-drive", "file=" + other + ",media=cdrom,if=ide,index=0,readonly=on",
                "-drive", "file=" + iso + ",media=cdrom,if=ide,index=1,readonly=on"),
                "LIVE-ROOT-MARKER", "grep -E ' / |squashfs|/run/live' /proc/mounts; echo written > /etc/new-file;"
                        + " cat /etc/new-file; ls /init /live-init-was-here 2>&1; cat /etc/motd-live;"
                        + " echo CHECKS-$((6*7))-DONE", "CHECKS-42-DONE", "poweroff -f");
        assertThat(console).contains("bootimage-live: medium: /dev/sr1", "overlay / overlay",
                "/dev/loop0 /run/live/lower squashfs ro", "/dev/sr1 /run/live/medium iso9660 ro", "written",
                "ls: /init: No such file or directory", "ls: /live-init-was-here: No such file or directory",
                "hello from src/main/rootfs");
    }

    @Test
    void toramLetsTheMediumGoAndAMissingSquashfsGivesTheRescueShell() throws Exception {
        Path rootfs = rootfs();
        String id = Sha256.of(rootfs).substring(0, 32);
        Path iso = iso(rootfs, id, dir.resolve("live.iso"));
        Path initrd = initramfs(id);
        String console = boot(initrd, "bootimage.toram", List.of("-cdrom", iso.toString()), "LIVE-ROOT-MARKER",
                "grep -E ' / |/run/live' /proc/mounts; dd if=/dev/sr0 of=/dev/null bs=2048 count=1;"
                        + " cat /etc/motd-live; echo TORAM-$((6*7))-DONE", "TORAM-42-DONE", "poweroff -f");
        assertThat(console).contains("copying the root to RAM", "the medium can be removed",
                "/dev/loop0 /run/live/lower squashfs ro", "hello from src/main/rootfs")
                .doesNotContain("/run/live/medium iso9660");

        Path empty = iso(null, id, dir.resolve("empty.iso"));
        String rescue = boot(initrd, "bootimage.timeout=3", List.of("-cdrom", empty.toString()),
                "starting a rescue shell", "echo RESCUE-$((6*7))-SHELL; poweroff -f", "RESCUE-42-SHELL");
        assertThat(rescue).contains("has no /live/rootfs.squashfs");
    }

    private String boot(Path initrd, String append, List<String> drives, String... expectThenSend) throws Exception {
        List<ExpectStep> steps = new ArrayList<>();
        for (int i = 0; i < expectThenSend.length; i += 2) {
            steps.add(new ExpectStep("expect " + expectThenSend[i], Optional.of(Pattern.compile(
                    Pattern.quote(expectThenSend[i]))), QemuBoot.TIMEOUT,
                    i + 1 < expectThenSend.length ? Optional.of(expectThenSend[i + 1]) : Optional.empty(),
                    Optional.empty()));
        }
        QemuHost host = QemuBoot.host(Firmware.BIOS);
        BootTestRequest request = new BootTestRequest(List.of(new BootTarget(Firmware.BIOS, Medium.KERNEL)),
                Optional.empty(), Optional.of(DebianPackages.kernel()), Optional.of(initrd),
                "console=ttyS0 panic=-1 no_timer_check " + append, 512, 1, drives, new BootScript(steps, QemuBoot.TIMEOUT),
                Files.createTempDirectory(dir, "boot"), "live", 1);
        BootResult result = new BootTester(host, line -> { }).runAll(request).results().get(0);
        return QemuBoot.passedConsole(result);
    }

    /** The userland: BusyBox's layout with BusyBox init, no /init, plus what src/main/rootfs would add. */
    private Path rootfs() throws Exception {
        FileTree tree = InitramfsTree.of(InitramfsRequest.of(DebianPackages.busybox(), EPOCH, dir.resolve("x")));
        tree.remove(EntryPath.of("init"));
        tree.put(new Entry.RegularFile(EntryPath.of("etc/motd-live"), 0644, 0, 0,
                BytesContent.utf8("hello from src/main/rootfs\n")));
        tree.put(new Entry.RegularFile(EntryPath.of("etc/init.d/S50marker.sh"), 0644, 0, 0,
                BytesContent.utf8("echo LIVE-ROOT-MARKER\n")));
        Path out = dir.resolve("rootfs.squashfs");
        SquashfsWriter.write(SquashfsRequest.of(tree, EPOCH), out, 2);
        return out;
    }

    private Path iso(Path rootfs, String id, Path out) throws Exception {
        FileTree tree = new FileTree();
        if (rootfs != null) {
            tree.add(new Entry.RegularFile(EntryPath.of(LiveInit.SQUASHFS), 0644, 0, 0, FileContent.of(rootfs)));
        }
        tree.add(new Entry.RegularFile(EntryPath.of(LiveInit.ID_FILE), 0644, 0, 0, BytesContent.utf8(id + "\n")));
        IsoImageWriter.write(IsoImageRequest.of(tree, "LIVE", EPOCH), out);
        return out;
    }

    private Path initramfs(String id) throws Exception {
        Path stage = Files.createDirectories(dir.resolve("stage"));
        String release = BootFixtures.kernelRelease();
        // one look-up in the package (each resolves linux-image-amd64 with apt-cache), the rest relative to it
        Path kernelDir = DebianPackages.file("linux-image-amd64", "lib/modules/*/kernel/" + MODULE_FILES.get(0))
                .getParent().getParent().getParent();
        for (String m : MODULE_FILES) {
            Path to = stage.resolve("lib/modules/" + release + "/kernel/" + m);
            Files.createDirectories(to.getParent());
            Files.copy(kernelDir.resolve(m), to);
        }
        HostTools.run(null, "depmod", "-b", stage.toString(), release);
        Files.writeString(stage.resolve("live-init-was-here"), "initramfs only\n");
        Path init = Files.writeString(dir.resolve("init.sh"), new LiveInit(id, 10, LiveInit.DEFAULT_MODULES).script());
        Path out = dir.resolve("initrd.gz");
        InitramfsRequest request = InitramfsRequest.of(DebianPackages.busybox(), EPOCH, out).withOverlay(stage);
        request = request.withExtraEntries(List.of(new Entry.RegularFile(EntryPath.of("init"), 0755, 0, 0,
                FileContent.of(init))));
        InitramfsBuilder.build(request);
        return out;
    }
}
