package io.github.bootimage.squashfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.QemuBoot;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One boot of Debian's kernel that loop-mounts an image of each compression (squashfs.ko and loop.ko from the
 * kernel package, BusyBox tools) and prints a digest of what the kernel sees: every path's mode, owner, link
 * count, size, device numbers and mtime, every file's SHA-256 and every symlink's target. The test computes
 * the same text from the tree.
 */
class SquashfsKernelMountTest {
    private static final String STAT_DIRS = "find . -type d -exec stat -c '%n %f %u %g %h %Y' {} +";
    private static final String STAT_OTHERS = "find . ! -type d -exec stat -c '%n %f %u %g %h %Y %s %t:%T' {} +";

    @Test
    void theKernelMountsEveryCompressionAndSeesTheTree(@TempDir Path dir) throws Exception {
        FileTree tree = TestTrees.rich();
        // numbers beyond unsquashfs's listing: 12-bit major, 20-bit minor
        tree.add(new Entry.DeviceNode(EntryPath.of("dev/big"), Entry.DeviceNode.Kind.CHARACTER, 4095, 1048575, 0600,
                0, 0));
        Path stage = Files.createDirectories(dir.resolve("stage"));
        StringBuilder init = new StringBuilder(String.join("\n", "#!/bin/busybox sh",
                "/bin/busybox --install -s /bin",
                "mount -t proc proc /proc", "mount -t devtmpfs devtmpfs /dev",
                "insmod /lib/loop.ko", "insmod /lib/squashfs.ko", ""));
        for (SquashfsCompression c : SquashfsCompression.values()) {
            String name = c.userName();
            SquashfsWriter.write(SquashfsRequest.of(tree, SquashfsWriterTest.EPOCH).withCompression(c),
                    stage.resolve("img/" + name + ".sqfs"), 2);
            init.append(String.join("\n", "mkdir -p /mnt/" + name,
                    "mount -t squashfs -o loop,ro /img/" + name + ".sqfs /mnt/" + name + " && cd /mnt/" + name
                            + " && { " + STAT_DIRS + "; " + STAT_OTHERS + "; } | sort > /tmp/" + name + ".stat"
                            + " && find . -type f -exec sha256sum {} + | sort > /tmp/" + name + ".sum"
                            + " && for l in $(find . -type l | sort); do echo \"$l $(readlink $l)\"; done > /tmp/"
                            + name + ".links"
                            + " && echo DIGEST-" + name + "-$(cat /tmp/" + name + ".stat /tmp/" + name + ".sum /tmp/"
                            + name + ".links | sha256sum | cut -c1-64)-END",
                    "cd /", ""));
        }
        init.append("echo MOUNT-TEST-DONE\npoweroff -f\n");
        Files.createDirectories(stage.resolve("bin"));
        Files.createDirectories(stage.resolve("lib"));
        Files.copy(DebianPackages.busybox(), stage.resolve("bin/busybox"));
        Files.copy(DebianPackages.file("linux-image-amd64", "lib/modules/*/kernel/fs/squashfs/squashfs.ko"),
                stage.resolve("lib/squashfs.ko"));
        Files.copy(DebianPackages.file("linux-image-amd64", "lib/modules/*/kernel/drivers/block/loop.ko"),
                stage.resolve("lib/loop.ko"));
        Files.writeString(stage.resolve("init"), init, StandardCharsets.US_ASCII);
        for (String exe : List.of("init", "bin/busybox")) {
            Files.setPosixFilePermissions(stage.resolve(exe), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String d : List.of("proc", "dev", "mnt", "tmp")) {
            Files.createDirectories(stage.resolve(d));
        }
        Path initrd = dir.resolve("initrd.cpio");
        HostTools.runIn(stage, null, "sh", "-c", "find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet > "
                + initrd);

        String console = QemuBoot.passedConsole(QemuBoot.kernel(DebianPackages.kernel(), initrd,
                "console=ttyS0 panic=-1", QemuBoot.untilPoweroff("MOUNT-TEST-DONE"), dir.resolve("boot")));
        String expected = digest(expectedText(tree));
        for (SquashfsCompression c : SquashfsCompression.values()) {
            assertThat(console).as("%s\nexpected listing:\n%s", c, expectedText(tree))
                    .contains("DIGEST-" + c.userName() + "-" + expected + "-END");
        }
    }

    /** What the guest's stat, sha256sum and readlink print, sorted like BusyBox sort (bytes). */
    static String expectedText(FileTree tree) throws Exception {
        List<String> stats = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Entry e : tree.entries()) {
            String name = e.path().isRoot() ? "." : "./" + e.path().value();
            Entry shown = e instanceof Entry.HardLink h ? tree.get(h.target()).orElseThrow() : e;
            String common = " " + shown.uid() + " " + shown.gid() + " ";
            long mtime = SquashfsWriterTest.EPOCH.getEpochSecond();
            if (shown instanceof Entry.Directory d) {
                long subdirs = tree.children(d.path()).stream().filter(c -> c instanceof Entry.Directory).count();
                stats.add(name + " " + hex(0040000 | d.mode()) + common + (2 + subdirs) + " " + mtime);
            } else if (shown instanceof Entry.RegularFile f) {
                long nlink = tree.entries().stream().filter(x -> x instanceof Entry.HardLink h
                        && h.target().equals(f.path())).count() + 1;
                stats.add(name + " " + hex(0100000 | f.mode()) + common + nlink + " " + mtime + " "
                        + f.content().size() + " 0:0");
                try (InputStream in = f.content().open()) {
                    sums.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()))
                            + "  " + name);
                }
            } else if (shown instanceof Entry.Symlink s) {
                stats.add(name + " " + hex(0120777) + common + "1 " + mtime + " "
                        + s.target().getBytes(StandardCharsets.UTF_8).length + " 0:0");
                links.add(name + " " + s.target());
            } else if (shown instanceof Entry.DeviceNode n) {
                int type = n.kind() == Entry.DeviceNode.Kind.BLOCK ? 0060000 : 0020000;
                stats.add(name + " " + hex(type | n.mode()) + common + "1 " + mtime + " 0 "
                        + hex(n.major()) + ":" + hex(n.minor()));
            }
        }
        return sorted(stats) + sorted(sums) + sorted(links);
    }

    private static String sorted(List<String> lines) {
        byte[][] bytes = lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        Arrays.sort(bytes, Arrays::compareUnsigned);
        StringBuilder s = new StringBuilder();
        for (byte[] b : bytes) {
            s.append(new String(b, StandardCharsets.UTF_8)).append('\n');
        }
        return s.toString();
    }

    private static String hex(long v) {
        return Long.toHexString(v);
    }

    private static String digest(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
