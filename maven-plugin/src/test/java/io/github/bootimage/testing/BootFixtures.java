package io.github.bootimage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bootable fixtures made with independent tools, not with our own writers: an initramfs by GNU cpio + gzip
 * holding Debian's static BusyBox, and a hybrid ISO by xorriso with ISOLINUX (BIOS) and shim + GRUB (UEFI,
 * Secure Boot) as in DESIGN.md's reference command. Cached under {@code target/boot-fixtures}.
 */
public final class BootFixtures {
    /** Printed by the fixture init just before it starts the shell. */
    public static final String MARKER = "BOOTIMAGE-FIXTURE-READY";
    /** An init that mounts the usual file systems, prints the marker and becomes a shell. */
    public static final String SHELL_INIT = String.join("\n",
            "#!/bin/busybox sh",
            "/bin/busybox mkdir -p /proc /sys /dev /sbin /usr/bin /usr/sbin",
            "/bin/busybox mount -t proc proc /proc",
            "/bin/busybox mount -t sysfs sysfs /sys",
            "/bin/busybox mount -t devtmpfs devtmpfs /dev",
            "/bin/busybox --install -s",
            "echo " + MARKER,
            "exec /bin/sh",
            "");
    /** An init that stays silent and never offers a shell. */
    public static final String SILENT_INIT = "#!/bin/busybox sh\necho 'fixture init: sleeping'\n"
            + "exec /bin/busybox sleep 100000\n";
    /** An init that exits: the kernel panics with "Attempted to kill init!". */
    public static final String EXITING_INIT = "#!/bin/busybox sh\necho 'fixture init: exiting'\nexit 3\n";

    private static final Path DIR = Path.of("target", "boot-fixtures").toAbsolutePath();

    private BootFixtures() {
    }

    /** The release of {@link DebianPackages#kernel()}, as {@code uname -r} prints it. */
    public static String kernelRelease() throws IOException {
        return DebianPackages.kernel().getFileName().toString().substring("vmlinuz-".length());
    }

    /** A gzip-compressed newc initramfs with BusyBox and the given {@code /init}. */
    public static synchronized Path initramfs(String name, String init) throws IOException {
        Path out = DIR.resolve(name + ".cpio.gz");
        if (Files.exists(out)) {
            return out;
        }
        Path stage = freshDir(name + ".stage");
        Files.createDirectories(stage.resolve("bin"));
        Files.copy(DebianPackages.busybox(), stage.resolve("bin/busybox"));
        Files.createSymbolicLink(stage.resolve("bin/sh"), Path.of("busybox"));
        Path initFile = Files.writeString(stage.resolve("init"), init, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(initFile, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(stage.resolve("bin/busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tmp = DIR.resolve(name + ".cpio.gz.tmp");
        sh(stage, "find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -9n > " + quote(tmp));
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(stage);
        return out;
    }

    /** The hybrid ISO (BIOS + UEFI + Secure Boot, CD and disk) booting the Debian kernel into the shell init. */
    public static synchronized Path hybridIso() throws IOException {
        Path out = DIR.resolve("hybrid.iso");
        if (Files.exists(out)) {
            return out;
        }
        Path root = freshDir("iso.root");
        Path boot = Files.createDirectories(root.resolve("boot/grub"));
        Files.copy(DebianPackages.kernel(), root.resolve("boot/vmlinuz"));
        Files.copy(initramfs("shell", SHELL_INIT), root.resolve("boot/initrd.gz"));
        Path isolinux = Files.createDirectories(root.resolve("isolinux"));
        Files.copy(DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isolinux.bin"), isolinux.resolve("isolinux.bin"));
        Files.copy(DebianPackages.file("syslinux-common", "usr/lib/syslinux/modules/bios/ldlinux.c32"),
                isolinux.resolve("ldlinux.c32"));
        Files.writeString(isolinux.resolve("isolinux.cfg"), String.join("\n", "SERIAL 0 115200", "DEFAULT linux",
                "PROMPT 0", "TIMEOUT 1", "LABEL linux", "  KERNEL /boot/vmlinuz", "  INITRD /boot/initrd.gz",
                "  APPEND console=ttyS0", ""));
        Files.createDirectories(root.resolve(".disk"));
        // gcdx64.efi's embedded config searches for this file to find the ISO's root.
        Files.writeString(root.resolve(".disk/info"), "bootimage test fixture\n");
        Files.writeString(boot.resolve("grub.cfg"), String.join("\n",
                "serial --unit=0 --speed=115200", "terminal_input serial console", "terminal_output serial console",
                "set timeout=0", "menuentry 'fixture' {", "  linux /boot/vmlinuz console=ttyS0",
                "  initrd /boot/initrd.gz", "}", ""));
        efiImage(boot.resolve("efi.img"));
        Path mbr = DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isohdpfx.bin");
        Path tmp = DIR.resolve("hybrid.iso.tmp");
        run(root, "xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-isohybrid-mbr", mbr.toString(),
                "-b", "isolinux/isolinux.bin", "-c", "isolinux/boot.cat", "-no-emul-boot", "-boot-load-size", "4",
                "-boot-info-table", "-eltorito-alt-boot", "-e", "boot/grub/efi.img", "-no-emul-boot",
                "-isohybrid-gpt-basdat", "-o", tmp.toString(), root.toString());
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(root);
        return out;
    }

    /** The ESP: a FAT image by mkfs.vfat with shim as the removable-media loader and GRUB next to it. */
    private static void efiImage(Path img) throws IOException {
        Path shim = DebianPackages.file("shim-signed", "usr/lib/shim/shimx64.efi.signed");
        Path grub = DebianPackages.file("grub-efi-amd64-signed", "usr/lib/grub/x86_64-efi-signed/gcdx64.efi.signed");
        run(img.getParent(), "mkfs.vfat", "-C", img.toString(), "10240");
        run(img.getParent(), "mmd", "-i", img.toString(), "::/EFI", "::/EFI/BOOT");
        run(img.getParent(), "mcopy", "-i", img.toString(), shim.toString(), "::/EFI/BOOT/BOOTX64.EFI");
        run(img.getParent(), "mcopy", "-i", img.toString(), grub.toString(), "::/EFI/BOOT/grubx64.efi");
    }

    private static Path freshDir(String name) throws IOException {
        Path d = DIR.resolve(name);
        deleteTree(d);
        return Files.createDirectories(d);
    }

    private static void deleteTree(Path d) throws IOException {
        if (Files.exists(d)) {
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String quote(Path p) {
        return "'" + p.toString().replace("'", "'\\''") + "'";
    }

    private static void sh(Path dir, String script) throws IOException {
        run(dir, "sh", "-c", script);
    }

    private static void run(Path dir, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, HostTools.require(cmd.get(0)).toString()); // also finds mkfs.vfat in /usr/sbin
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
