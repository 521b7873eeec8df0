package io.github.bootimage.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debian kind against the real archive: apt-get download, metapackages, the lock. */
class DebianInputTest {
    /** Shared across runs: the kernel .deb is 70 MB; the cache is content-addressed and safe to share. */
    private static final Path SHARED_CACHE =
            Path.of(System.getProperty("user.home"), ".cache", "bootimage-tests", "inputs-cache");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsApt() {
        HostTools.require("apt-get");
    }

    InputResolver resolver(Path cache, boolean offline, LockMode mode) throws BootImageException {
        return new InputResolver(new InputSettings(cache, offline, mode, dir.resolve("bootimage.lock"),
                null, null, null, InputLog.silent()));
    }

    static Input busybox() {
        return new Input("busybox", Source.DebianPackage.parse("busybox-static"), "bin/busybox", null);
    }

    @Test
    void busyboxFromAptIsLockedAndReused() throws Exception {
        Path cache = dir.resolve("cache");
        ResolvedInput r = resolver(cache, false, LockMode.NORMAL).resolve(busybox());
        // Independent reader: dpkg-deb unpacked the same package.
        assertThat(r.file()).hasSameBinaryContentAs(DebianPackages.busybox());
        assertThat(r.fileName()).isEqualTo("busybox");
        Path deb = DebianPackages.deb("busybox-static");
        LockEntry e = LockFile.load(dir.resolve("bootimage.lock")).get("deb busybox-static").orElseThrow();
        assertThat(e.packageName()).isEqualTo("busybox-static");
        assertThat(e.sha256()).isEqualTo(Sha256.of(deb));
        assertThat(e.size()).isEqualTo(Files.size(deb));
        assertThat(e.fileName()).startsWith("busybox-static_").endsWith("_amd64.deb");
        assertThat(e.source()).isEqualTo("apt-get download busybox-static=" + e.version());

        // Offline and frozen: served from the cache through the lock, no apt at all.
        assertThat(resolver(cache, true, LockMode.FROZEN).resolve(busybox()).file()).isEqualTo(r.file());
    }

    @Test
    void aDownloadAndACacheHitThroughTheArchiveIndexWriteTheSameLock() throws Exception {
        Path cache = dir.resolve("cache");
        resolver(cache, false, LockMode.NORMAL).resolve(busybox());
        String downloaded = Files.readString(dir.resolve("bootimage.lock"));
        // Another project, no lock yet, same cache: the index's SHA256 finds the .deb without apt-get download.
        Path other = dir.resolve("other.lock");
        new InputResolver(new InputSettings(cache, false, LockMode.NORMAL, other, null, null, null, InputLog.silent()))
                .resolve(busybox());
        assertThat(Files.readString(other)).isEqualTo(downloaded);
    }

    @Test
    void lockedVersionGoneFromTheArchiveSaysHowToUpdate() throws Exception {
        resolver(dir.resolve("cache"), false, LockMode.NORMAL).resolve(busybox());
        Path lock = dir.resolve("bootimage.lock");
        String text = Files.readString(lock);
        String version = LockFile.load(lock).get("deb busybox-static").orElseThrow().version();
        Files.writeString(lock, text.replace("busybox-static=" + version, "busybox-static=1:0.1-gone")
                .replace("version = " + version, "version = 1:0.1-gone").replaceAll("sha256 = \\w+", "sha256 = " + "0".repeat(64)));
        Path freshCache = dir.resolve("fresh");
        assertThatThrownBy(() -> resolver(freshCache, false, LockMode.NORMAL).resolve(busybox()))
                .hasMessageContaining("busybox: Debian package busybox-static=1:0.1-gone (pinned in bootimage.lock) "
                        + "is no longer in the apt archive")
                .hasMessageContaining("-Dbootimage.lock.update");
        resolver(freshCache, false, LockMode.UPDATE).resolve(busybox());
        assertThat(Files.readString(lock)).isEqualTo(text);
    }

    @Test
    void unknownPackageAndMissingPath() throws Exception {
        Input unknown = new Input("busybox", Source.DebianPackage.parse("no-such-package-bootimage"), null, null);
        assertThatThrownBy(() -> resolver(dir.resolve("cache"), false, LockMode.NORMAL).resolve(unknown))
                .hasMessageContaining("'no-such-package-bootimage' is not in the apt archive");
        Input noPath = new Input("busybox", Source.DebianPackage.parse("busybox-static"), "bin/no-such-file", null);
        assertThatThrownBy(() -> resolver(dir.resolve("cache"), false, LockMode.NORMAL).resolve(noPath))
                .hasMessageContaining("no file 'bin/no-such-file'").hasMessageContaining("bin/busybox");
    }

    @Test
    void metapackageResolvesToTheRealKernelPackage() throws Exception {
        Input kernel = new Input("kernel", Source.DebianPackage.parse("linux-image-amd64"), "boot/vmlinuz-*", null);
        ResolvedInput r = resolver(SHARED_CACHE, false, LockMode.NORMAL).resolve(kernel);
        LockEntry e = LockFile.load(dir.resolve("bootimage.lock")).get("deb linux-image-amd64").orElseThrow();
        assertThat(e.packageName()).startsWith("linux-image-6.").endsWith("-amd64").isNotEqualTo("linux-image-amd64");
        assertThat(r.fileName()).startsWith("vmlinuz-6.");
        assertThat(r.file()).hasSameBinaryContentAs(DebianPackages.kernel());
    }

    @Test
    void aPackageWithFilesIsNotAMetapackageEvenWhenItPinsOnePackageOfItsSource() throws Exception {
        // grub-pc-bin depends on grub-common (= its own version) as a metapackage would, but holds GRUB's files.
        Input grubPc = new Input("grubPc", Source.DebianPackage.parse("grub-pc-bin"), null, null);
        ResolvedInput r = resolver(SHARED_CACHE, false, LockMode.NORMAL).resolve(grubPc);
        LockEntry e = LockFile.load(dir.resolve("bootimage.lock")).get("deb grub-pc-bin").orElseThrow();
        assertThat(e.packageName()).isEqualTo("grub-pc-bin");
        assertThat(r.fileName()).startsWith("grub-pc-bin_");
    }
}
