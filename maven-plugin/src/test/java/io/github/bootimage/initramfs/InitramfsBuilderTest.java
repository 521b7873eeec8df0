package io.github.bootimage.initramfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bootimage.BootImageException;
import io.github.bootimage.compress.Compression;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitramfsBuilderTest {
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    static InitramfsRequest request(Path busybox, Path output) {
        return InitramfsRequest.of(busybox, EPOCH, output).withCompression(Compression.NONE);
    }

    static List<String> listing(Path cpio) throws Exception {
        return HostTools.run(cpio, "cpio", "-itv", "--numeric-uid-gid", "--quiet").lines()
                .map(l -> l.replaceAll(" +", " ")).toList();
    }

    @Test
    void layoutAsGnuCpioSeesIt(@TempDir Path dir) throws Exception {
        HostTools.require("cpio");
        Path overlay = Files.createDirectories(dir.resolve("overlay/etc"));
        Files.writeString(overlay.resolve("motd"), "hi\n");
        Path out = InitramfsBuilder.build(request(DebianPackages.busybox(), dir.resolve("out/i.cpio"))
                .withOverlay(dir.resolve("overlay")));
        List<String> list = listing(out);
        assertThat(list).contains(
                "-rwxr-xr-x 1 0 0 " + Files.size(DebianPackages.busybox()) + " Jan 1 2024 bin/busybox",
                "lrwxrwxrwx 1 0 0 7 Jan 1 2024 bin/sh -> busybox",
                "lrwxrwxrwx 1 0 0 14 Jan 1 2024 sbin/init -> ../bin/busybox",
                "lrwxrwxrwx 1 0 0 17 Jan 1 2024 usr/bin/setsid -> ../../bin/busybox",
                "lrwxrwxrwx 1 0 0 11 Jan 1 2024 init -> bin/busybox",
                "crw------- 1 0 0 5, 1 Jan 1 2024 dev/console",
                "crw-rw-rw- 1 0 0 1, 3 Jan 1 2024 dev/null",
                "drwxrwxrwt 2 0 0 0 Jan 1 2024 tmp",
                "drwx------ 2 0 0 0 Jan 1 2024 root",
                "-rw-r--r-- 1 0 0 3 Jan 1 2024 etc/motd");
        assertThat(list).contains("drwxr-xr-x 2 0 0 0 Jan 1 2024 proc", "drwxr-xr-x 2 0 0 0 Jan 1 2024 sys",
                "drwxr-xr-x 2 0 0 0 Jan 1 2024 run", "drwxr-xr-x 2 0 0 0 Jan 1 2024 usr/sbin");
        String inittab = HostTools.run(out, "cpio", "-i", "--to-stdout", "--quiet", "etc/inittab");
        assertThat(inittab).contains("::sysinit:/etc/init.d/rcS\n", "::respawn:/bin/cttyhack /bin/sh -l\n",
                "::ctrlaltdel:/sbin/reboot\n");
        assertThat(HostTools.run(out, "cpio", "-i", "--to-stdout", "--quiet", "etc/init.d/rcS"))
                .startsWith("#!/bin/sh\n").contains("/bin/mount -t devtmpfs devtmpfs /dev\n");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void userInitReplacesTheDefaultAndClassicLayoutPutsAppletsInBin(@TempDir Path dir) throws Exception {
        HostTools.require("bsdtar");
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(overlay.resolve("init"), "#!/bin/sh\nexec /bin/sh\n");
        Files.setPosixFilePermissions(overlay.resolve("init"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(overlay.resolve("linux"), Path.of("bin/busybox"));
        Path out = InitramfsBuilder.build(request(DebianPackages.busybox(), dir.resolve("i.cpio"))
                .withOverlay(overlay).withInit(InitSystem.BUSYBOX_INIT, AppletLayout.ALL_IN_BIN)
                .withApplets(List.of("/bin/sh", "sbin/init", "usr/bin/setsid", "cttyhack")));
        String list = HostTools.run(null, "bsdtar", "-tvf", out.toString(), "--numeric-owner").replaceAll(" +", " ");
        assertThat(list).contains("-rwxr-xr-x 1 0 0 23 Jan 1 2024 init\n", "bin/setsid -> busybox\n",
                "bin/init -> busybox\n", "bin/cttyhack -> busybox\n", "linux -> bin/busybox\n")
                .doesNotContain("usr/bin/setsid", "sbin/init");
    }

    @Test
    void sameBytesWhateverTheHostOrderTimesPermissionsAndThreads(@TempDir Path dir) throws Exception {
        String[] names = {"a.txt", "b/c.sh", "b/d", "z"};
        Path first = overlay(dir.resolve("one"), names, "rw-r--r--", "rwxr--r--", 1_000_000_000L);
        List<String> reversed = new java.util.ArrayList<>(List.of(names));
        java.util.Collections.reverse(reversed);
        Path second = overlay(dir.resolve("two"), reversed.toArray(String[]::new), "rw-rw----", "rwxrwx---",
                1_700_000_000L);
        Path busybox2 = Files.copy(DebianPackages.busybox(), dir.resolve("busybox"));
        Files.setLastModifiedTime(busybox2, FileTime.fromMillis(0));
        Path a = InitramfsBuilder.build(InitramfsRequest.of(DebianPackages.busybox(), EPOCH, dir.resolve("a.gz"))
                .withOverlay(first).withThreads(1));
        Path b = InitramfsBuilder.build(InitramfsRequest.of(busybox2, EPOCH, dir.resolve("b.gz"))
                .withOverlay(second).withThreads(2));
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        HostTools.run(null, "gzip", "-t", a.toString());
        System.out.println("initramfs.cpio.gz SHA-256 " + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(a))));
    }

    private static Path overlay(Path root, String[] names, String filePerms, String execPerms, long mtime)
            throws Exception {
        for (String name : names) {
            Path f = root.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "content of " + name + "\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(name.endsWith(".sh") ? execPerms
                    : filePerms));
            Files.setLastModifiedTime(f, FileTime.fromMillis(mtime * 1000));
            Files.setLastModifiedTime(f.getParent(), FileTime.fromMillis(mtime * 1000 + 5));
        }
        return root;
    }

    @Test
    void dynamicBusyBoxIsRefused(@TempDir Path dir) {
        assertFailsAndLeavesNothing(dir, request(Path.of("/bin/ls"), dir.resolve("out/i.cpio")),
                "dynamic BusyBox cannot run in an initramfs", "busybox-static");
    }

    @Test
    void wrongArchitectureIsRefused(@TempDir Path dir) throws Exception {
        byte[] elf = new byte[64];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[18] = (byte) 183; // EM_AARCH64
        Path fake = Files.write(dir.resolve("busybox-arm64"), elf);
        assertFailsAndLeavesNothing(dir, request(fake, dir.resolve("out/i.cpio")),
                "is built for aarch64 (64-bit), but the image is for x86_64");
        Path text = Files.writeString(dir.resolve("busybox.txt"), "not a binary");
        assertFailsAndLeavesNothing(dir, request(text, dir.resolve("out/i.cpio")), "is not an ELF executable");
    }

    @Test
    void overlaySymlinkOutsideIsRefused(@TempDir Path dir) throws Exception {
        Path overlay = Files.createDirectories(dir.resolve("overlay/etc"));
        Files.createSymbolicLink(overlay.resolve("passwd"), Path.of("../../../etc/passwd"));
        assertFailsAndLeavesNothing(dir, request(DebianPackages.busybox(), dir.resolve("out/i.cpio"))
                .withOverlay(dir.resolve("overlay")), "points outside the overlay directory");
    }

    @Test
    void unreadableOverlayFileIsRefused(@TempDir Path dir) throws Exception {
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        Path secret = Files.writeString(overlay.resolve("secret"), "x");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(secret), "running as root: every file is readable");
        assertFailsAndLeavesNothing(dir, request(DebianPackages.busybox(), dir.resolve("out/i.cpio"))
                .withOverlay(overlay), "is not readable");
    }

    @Test
    void fileOverTheNewcLimitLeavesNoFileBehind(@TempDir Path dir) throws Exception {
        Content huge = new Content() {
            @Override
            public long size() {
                return 5L << 30;
            }

            @Override
            public InputStream open() {
                throw new AssertionError("must fail before reading");
            }
        };
        assertFailsAndLeavesNothing(dir, request(DebianPackages.busybox(), dir.resolve("out/i.cpio"))
                .withCompression(Compression.GZIP)
                .withExtraEntries(List.of(new Entry.RegularFile(EntryPath.of("disk.img"), 0644, 0, 0, huge))),
                "/disk.img is 5368709120 bytes", "4 GiB - 1");
    }

    private static void assertFailsAndLeavesNothing(Path dir, InitramfsRequest request, String... message) {
        assertThatThrownBy(() -> InitramfsBuilder.build(request)).isInstanceOf(BootImageException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(message));
        Path outDir = request.output().getParent();
        if (Files.isDirectory(outDir)) {
            try (Stream<Path> files = Files.list(outDir)) {
                assertThat(files).as("files left in " + outDir).isEmpty();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aBaseArchiveThatIsNoArchiveIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<?xml version=\"1.0\"?><project/>");
        Path out = dir.resolve("out/i.cpio");
        assertThatThrownBy(() -> InitramfsBuilder.build(request(DebianPackages.busybox(), out)
                .withArchives(List.of(), pom)))
                .isInstanceOf(BootImageException.class).hasMessageContaining("<baseArchive> " + pom)
                .hasMessageContaining("starts with '<?xml versio'").hasMessageContaining("invalid magic");
        assertThat(out.getParent()).doesNotExist();
        Path text = Files.writeString(dir.resolve("ucode.txt"), "microcode");
        assertThatThrownBy(() -> InitramfsBuilder.build(request(DebianPackages.busybox(), out)
                .withArchives(List.of(text), null))).hasMessageContaining("<prefixArchives> " + text);
        // What the kernel does accept: a newc cpio (ours), and a compressed one after zero padding.
        Path base = InitramfsBuilder.build(request(DebianPackages.busybox(), dir.resolve("base.cpio")));
        Path gz = dir.resolve("padded.gz");
        Files.write(gz, new byte[] {0, 0, 0, 0, 0x1f, (byte) 0x8b, 8, 0});
        InitramfsBuilder.build(request(DebianPackages.busybox(), out).withArchives(List.of(gz), base));
        assertThat(out).exists();
    }

    @Test
    void anAppletTheBusyBoxDoesNotHaveIsRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("i.cpio");
        assertThatThrownBy(() -> InitramfsBuilder.build(request(DebianPackages.busybox(), out)
                .withApplets(List.of("sh", "/sbin/nosuchapplet", "ls"))))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("has no applet nosuchapplet").hasMessageContaining("busybox --list-full");
        assertThat(out).doesNotExist();
    }
}
