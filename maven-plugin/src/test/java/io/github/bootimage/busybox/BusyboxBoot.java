package io.github.bootimage.busybox;


import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.QemuBoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boots a built BusyBox in QEMU: an initramfs made by GNU cpio (an independent writer) with the applet
 * links from {@code busybox.links} and an init that reports which applets exist, then powers off.
 */
final class BusyboxBoot {
    static final String END = "BOOTIMAGE-BUSYBOX-END";
    private static final String INIT = """
            #!/bin/sh
            export PATH=/bin:/sbin:/usr/bin:/usr/sbin
            mount -t devtmpfs dev /dev
            exec </dev/console >/dev/console 2>&1
            mount -t proc proc /proc
            echo BOOTIMAGE-BUSYBOX-OK
            for a in ls bbconfig vi; do
              if command -v $a >/dev/null; then echo HAVE-$a; else echo MISSING-$a; fi
            done
            bbconfig | grep -e '^CONFIG_STATIC=' -e 'CONFIG_VI is'
            echo BOOTIMAGE-BUSYBOX-END
            poweroff -f
            """;

    private BusyboxBoot() {
    }

    /** The serial console output of a boot that reached the end marker and powered off. */
    static String boot(BusyboxResult busybox, Path dir) throws Exception {
        HostTools.require("cpio", "sh");
        Path kernel = DebianPackages.kernel();
        Path root = stage(busybox, dir.resolve("root"));
        Path initrd = dir.resolve("initrd.cpio");
        Process cpio = new ProcessBuilder("sh", "-c", "find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc"
                + " -R 0:0 --quiet > " + initrd).directory(root.toFile()).inheritIO().start();
        if (!cpio.waitFor(1, TimeUnit.MINUTES) || cpio.exitValue() != 0) {
            cpio.destroyForcibly();
            throw new IOException("cpio failed");
        }
        return QemuBoot.passedConsole(QemuBoot.kernel(kernel, initrd, "console=ttyS0 panic=-1",
                QemuBoot.untilPoweroff(END), dir.resolve("qemu")));
    }

    private static Path stage(BusyboxResult busybox, Path root) throws IOException {
        for (String d : List.of("bin", "sbin", "usr/bin", "usr/sbin", "dev", "proc")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.copy(busybox.binary(), root.resolve("bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String link : Files.readAllLines(busybox.links())) {
            Path p = root.resolve(link.substring(1));
            if (!Files.exists(p)) {
                Files.createSymbolicLink(p, Path.of("/bin/busybox"));
            }
        }
        Path init = root.resolve("init");
        Files.writeString(init, INIT);
        Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }
}
