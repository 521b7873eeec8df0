package io.github.bootimage.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.boot.BootMenu;
import io.github.bootimage.boot.BootableIso;
import io.github.bootimage.boot.IsoContent;
import io.github.bootimage.boot.MenuEntry;
import io.github.bootimage.initramfs.InitramfsBuilder;
import io.github.bootimage.initramfs.InitramfsRequest;
import io.github.bootimage.qemu.BootScript;
import io.github.bootimage.qemu.ExpectStep;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.KernelModuleTrees;
import io.github.bootimage.testing.Qmp;
import io.github.bootimage.testing.QemuBoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One boot of a BIOS CD whose initramfs has the rescue sets (the archetype's default), on a q35 machine with an
 * ext4 disk on each of virtio-blk, virtio-scsi, AHCI, NVMe and USB (xhci + usb-storage) and a virtio-net NIC.
 * The shell mounts every disk with no modprobe typed (coldplug; the kernel loads ext4 itself for mount), lsmod
 * lists the drivers, eth0 exists, BusyBox modprobe agrees with modules.dep, and a USB disk and a PCIe NIC added
 * through QMP after boot get their drivers and nodes (hotplug through uevent + mdev).
 */
class ModulesBootTest {
    private static final List<String> DISKS = List.of("vblk", "vscsi", "sata", "nvme", "usb");
    private static final Duration STEP = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @Test
    void disksNetworkAndHotplugWorkWithoutManualModprobe() throws Exception {
        HostTools.require("mkfs.ext4", "qemu-system-x86_64");
        ModuleSelection selection = ModuleSelector.select(ModuleSelectorTest.debian(), ModuleSelectorTest.RESCUE);
        Path initrd = InitramfsBuilder.build(InitramfsRequest.of(DebianPackages.busybox(), Instant.EPOCH,
                tmp.resolve("initrd.gz")).withModules(new KernelModules(selection, io.github.bootimage.kmod.Firmware.none())));
        Path iso = iso(initrd);
        List<String> args = new ArrayList<>(List.of("-machine", "q35"));
        for (String d : DISKS) {
            args.addAll(List.of("-drive", "if=none,format=raw,id=" + d + ",file=" + disk(d)));
        }
        args.addAll(List.of("-device", "virtio-blk-pci,drive=vblk", "-device", "virtio-scsi-pci,id=scsi0",
                "-device", "scsi-hd,bus=scsi0.0,drive=vscsi", "-device", "ide-hd,bus=ide.1,drive=sata",
                "-device", "nvme,serial=bootimage,drive=nvme", "-device", "qemu-xhci,id=xhci",
                "-device", "usb-storage,bus=xhci.0,drive=usb", "-nic", "user,model=virtio-net-pci,restrict=on",
                "-drive", "if=none,format=raw,id=hot,file=" + disk("hot"),
                "-device", "pcie-root-port,id=rp1,chassis=1", "-qmp", "unix:" + tmp.resolve("qmp") + ",server=on,wait=off"));
        // under target/, so that the console log outlives a failure
        Path reports = Path.of("target", "modules-boot").toAbsolutePath();
        if (Files.isDirectory(reports)) {
            // the watcher below must not find the last run's console log
            try (Stream<Path> old = Files.list(reports)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        CompletableFuture<String> hotplug = CompletableFuture.supplyAsync(() -> hotplugWhenAsked(reports));

        String console = QemuBoot.passedConsole(QemuBoot.image(Firmware.BIOS, Medium.CDROM, iso, 1024, args,
                script(selection.release()), reports));

        for (String d : DISKS) {
            assertThat(console).contains("MARKER-" + d + "-OK");
        }
        assertThat(console).containsPattern("(?m)^virtio_blk ").containsPattern("(?m)^virtio_scsi ")
                .containsPattern("(?m)^ahci ").containsPattern("(?m)^nvme ").containsPattern("(?m)^usb_storage ")
                .containsPattern("(?m)^xhci_pci ").containsPattern("(?m)^virtio_net ").containsPattern("(?m)^ext4 ");
        assertThat(console).contains("NET eth0 52:54:00:12:34:56");
        assertThat(console).contains("insmod /lib/modules/" + selection.release() + "/kernel/fs/jbd2/jbd2.ko",
                "insmod /lib/modules/" + selection.release() + "/kernel/fs/ext4/ext4.ko");
        assertThat(hotplug.join()).doesNotContain("error");
        assertThat(console).contains("MARKER-hot-OK").contains("NET eth1 ").containsPattern("(?m)^e1000e ");
    }

    private Path iso(Path initrd) throws Exception {
        BootMenu menu = new BootMenu(List.of(new MenuEntry("linux", "Linux", "panic=-1", true)), 0, 0, true,
                "/boot/vmlinuz", "/boot/initrd.img");
        IsoContent content = new IsoContent(DebianPackages.kernel(), initrd,
                Optional.of(new IsoContent.Isolinux(DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isolinux.bin"),
                        DebianPackages.file("syslinux-common", "usr/lib/syslinux/modules/bios/ldlinux.c32"),
                        Optional.empty())), Optional.empty(), menu, Optional.empty(), "modules test");
        Path out = tmp.resolve("modules.iso");
        BootableIso.write(new BootableIso.Request(content, "MODULES", "", "", Instant.EPOCH, out, tmp));
        return out;
    }

    /** An 8 MiB ext4 image labelled {@code name} holding a marker file, made without root (mkfs.ext4 -d). */
    private Path disk(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("disk-" + name));
        Files.writeString(dir.resolve("marker"), "MARKER-" + name + "-OK\n");
        Path img = tmp.resolve(name + ".img");
        HostTools.run(null, mkfs(), "-q", "-F", "-L", name, "-d", dir.toString(), img.toString(), "8M");
        return img;
    }

    private static String mkfs() {
        return HostTools.require("mkfs.ext4").toString();
    }

    private static BootScript script(String release) {
        List<ExpectStep> steps = new ArrayList<>();
        // each disk: wait (bounded) until its label is known, mount it as ext4 (the kernel loads ext4), read the marker
        step(steps, BootScript.PROMPT, "for d in " + String.join(" ", DISKS) + "; do mkdir -p /mnt/$d; i=0; "
                + "until mount -t ext4 \"$(findfs LABEL=$d)\" /mnt/$d 2>/dev/null; do i=$((i+1)); "
                + "[ $i -gt 60 ] && break; sleep 1; done; echo \"WAITED $d $i s\"; cat /mnt/$d/marker; done");
        step(steps, "MARKER-usb-OK", "lsmod");
        step(steps, "(?m)^ext4 ", "for n in /sys/class/net/eth*; do echo \"NET ${n##*/} $(cat $n/address)\"; done");
        step(steps, "NET eth0", "modprobe -D ext4");
        step(steps, "kernel/fs/ext4/ext4.ko", "echo HOTPLUG-$((40+2))");
        // the test's QMP thread adds a USB disk and a PCIe e1000e NIC when it sees HOTPLUG-42
        step(steps, "HOTPLUG-42", "mkdir -p /mnt/hot; i=0; until mount -t ext4 \"$(findfs LABEL=hot)\" /mnt/hot "
                + "2>/dev/null && [ -e /sys/class/net/eth1 ]; do i=$((i+1)); [ $i -gt 90 ] && break; sleep 1; done; "
                + "echo \"WAITED hot $i s\"; cat /mnt/hot/marker; echo \"NET eth1 $(cat /sys/class/net/eth1/address)\"; lsmod");
        step(steps, "(?m)^e1000e ", BootScript.POWEROFF);
        return new BootScript(steps, STEP);
    }

    private static void step(List<ExpectStep> steps, String regex, String send) {
        steps.add(new ExpectStep("expect /" + regex + "/, then send '" + send + "'", Optional.of(Pattern.compile(regex)),
                STEP, Optional.of(send), Optional.empty()));
    }

    /** Watches the console log for HOTPLUG-42, then adds the USB disk and the NIC through QMP. */
    private String hotplugWhenAsked(Path reports) {
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.isDirectory(reports)) {
                    try (Stream<Path> logs = Files.list(reports)) {
                        for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                            // ISO-8859-1: the console log may hold bytes that are not UTF-8 (firmware output)
                            String text = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1);
                            if (text.contains("HOTPLUG-42")) {
                                try (Qmp qmp = Qmp.connect(tmp.resolve("qmp"))) {
                                    String answers = qmp.execute("{\"execute\":\"device_add\",\"arguments\":{\"driver\":"
                                            + "\"usb-storage\",\"bus\":\"xhci.0\",\"drive\":\"hot\",\"id\":\"hotdisk\"}}")
                                            + qmp.execute("{\"execute\":\"device_add\",\"arguments\":{\"driver\":"
                                            + "\"e1000e\",\"bus\":\"rp1\",\"id\":\"hotnic\"}}");
                                    Files.writeString(reports.resolve("qmp-answers.txt"), answers);
                                    return answers;
                                }
                            }
                        }
                    }
                }
                Thread.sleep(500);
            }
            return "error: the guest never printed HOTPLUG-42";
        } catch (Exception e) {
            try {
                Files.writeString(reports.resolve("qmp-answers.txt"), "error: " + e);
            } catch (java.io.IOException ignored) {
                // the answer is returned too
            }
            return "error: " + e;
        }
    }
}
