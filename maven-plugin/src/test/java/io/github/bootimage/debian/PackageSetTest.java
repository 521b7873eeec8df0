package io.github.bootimage.debian;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.compress.Compression;
import io.github.bootimage.initramfs.InitramfsBuilder;
import io.github.bootimage.initramfs.InitramfsRequest;
import io.github.bootimage.inputs.InputLog;
import io.github.bootimage.inputs.InputResolver;
import io.github.bootimage.inputs.InputSettings;
import io.github.bootimage.inputs.LockMode;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real packages from the archive into a real initramfs, read back by GNU cpio and checked against
 * {@code dpkg-deb -x} of the same .debs; the programs run from the unpacked image under chroot, with the
 * image's own dynamic loader and libraries.
 */
class PackageSetTest {
    static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "bootimage-tests", "cache");
    static final List<String> SET = List.of("e2fsprogs", "dosfstools", "parted", "gdisk");

    static InputResolver resolver(Path lock, LockMode mode) throws Exception {
        return new InputResolver(new InputSettings(CACHE, false, mode, lock, null, null, null, InputLog.silent()));
    }

    static Userland userland(InputResolver r, List<String> specs, List<String> log) throws Exception {
        PackageRequest req = new PackageRequest(specs, false, PackageRequest.DEFAULT_OMITTED, "amd64");
        return new Userland(PackageSet.prepare(req, r, new AptIndex(), InputLog.silent(), 2), PathFilter.defaults(),
                log::add);
    }

    @Test
    void packagesRunFromTheImageAndMatchDpkgDeb(@TempDir Path dir) throws Exception {
        HostTools.require("cpio", "dpkg-deb", "apt-get");
        Path lock = dir.resolve("bootimage.lock");
        List<String> log = new ArrayList<>();
        Userland u = userland(resolver(lock, LockMode.NORMAL), SET, log);
        Path cpio = InitramfsBuilder.build(InitramfsRequest.of(DebianPackages.busybox(), Instant.EPOCH,
                dir.resolve("a.cpio")).withCompression(Compression.NONE).withPackages(u));
        Path root = Files.createDirectories(dir.resolve("root"));
        HostTools.runIn(root, cpio, "cpio", "-id", "--quiet", "--no-absolute-filenames");

        assertThat(Files.readSymbolicLink(root.resolve("bin"))).hasToString("usr/bin");
        assertThat(Files.readSymbolicLink(root.resolve("lib64"))).hasToString("usr/lib64");
        assertThat(Files.readSymbolicLink(root.resolve("etc/mtab"))).hasToString("../proc/self/mounts");
        assertThat(root.resolve("usr/share/doc/e2fsprogs/copyright")).exists();
        assertThat(root.resolve("usr/share/man/man8")).doesNotExist(); // "/usr/share/man/*" keeps only the directory
        assertThat(root.resolve("usr/share/locale/de")).doesNotExist();
        assertThat(log).anyMatch(l -> l.startsWith("packages: BusyBox applets replaced by package programs:")
                && l.contains(" mkdosfs") && l.contains(" mke2fs"));
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/sh"))).hasToString("busybox");
        for (UnpackedPackage p : u.packages()) {
            sameAsDpkgDeb(CACHE.resolve("sha256").resolve(p.pkg().sha256().substring(0, 2)).resolve(p.pkg().sha256()),
                    root, dir.resolve("x-" + p.pkg().name()));
        }
        if (System.getProperty("user.name").equals("root")) {
            assertThat(HostTools.run(null, "chroot", root.toString(), "/sbin/mke2fs", "-V")).isEmpty();
            assertThat(HostTools.run(null, "chroot", root.toString(), "/sbin/parted", "--version"))
                    .startsWith("parted (GNU parted) 3.5");
            assertThat(HostTools.run(null, "chroot", root.toString(), "/bin/sh", "-c", "sgdisk --version"))
                    .contains("GPT fdisk (sgdisk) version 1.0.9");
            assertThat(HostTools.run(null, "chroot", root.toString(), "/bin/sh", "-c", "mkfs.vfat --help 2>&1; true"))
                    .contains("mkfs.fat 4.2");
        }
    }

    /** Every file dpkg-deb unpacks (and the filter keeps) is in the image, merged-/usr, with the same bytes. */
    private static void sameAsDpkgDeb(Path deb, Path root, Path x) throws Exception {
        HostTools.run(null, "dpkg-deb", "-x", deb.toString(), x.toString());
        PathFilter filter = PathFilter.defaults();
        try (Stream<Path> s = Files.walk(x)) {
            for (Path f : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String rel = x.relativize(f).toString();
                if (!filter.keeps(rel)) {
                    continue;
                }
                Path in = root.resolve(MergedUsr.map(new io.github.bootimage.model.EntryPath(rel)).value());
                assertThat(in).as(rel).exists();
                assertThat(Files.mismatch(f, in)).as(rel).isEqualTo(-1L);
                assertThat(Files.getPosixFilePermissions(in)).as(rel).isEqualTo(Files.getPosixFilePermissions(f));
            }
        }
    }

    @Test
    void sameBytesAndSameLockOnEveryBuild(@TempDir Path dir) throws Exception {
        Path lock = dir.resolve("bootimage.lock");
        List<String> log = new ArrayList<>();
        Path a = InitramfsBuilder.build(InitramfsRequest.of(DebianPackages.busybox(), Instant.EPOCH, dir.resolve("a.cpio"))
                .withPackages(userland(resolver(lock, LockMode.NORMAL), SET, log)));
        String lockText = Files.readString(lock);
        Path b = InitramfsBuilder.build(InitramfsRequest.of(DebianPackages.busybox(), Instant.EPOCH, dir.resolve("b.cpio"))
                .withPackages(userland(resolver(lock, LockMode.FROZEN), SET, log)));
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        assertThat(Files.readString(lock)).isEqualTo(lockText);
        assertThat(lockText).contains("[package libc6]\nfile = libc6_", "[packages]\n", "kind = package\n");
        List<String> keys = lockText.lines().filter(l -> l.startsWith("[")).toList();
        assertThat(keys).isSorted().contains("[package e2fsprogs]", "[package libext2fs2]", "[package libparted2]");
    }
}
