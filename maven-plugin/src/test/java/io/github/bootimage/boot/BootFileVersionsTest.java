package io.github.bootimage.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.testing.BootFixtures;
import io.github.bootimage.testing.DebianPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versions the build log names, read from Debian 12's real packages; {@code strings} shows the same. */
class BootFileVersionsTest {
    @TempDir
    Path tmp;

    @Test
    void kernelReleaseComesFromTheBootHeader() throws Exception {
        String release = BootFixtures.kernelRelease();
        assertThat(BootFileVersions.kernel(DebianPackages.kernel())).hasValueSatisfying(v -> assertThat(v)
                .startsWith(release + " (debian-kernel@lists.debian.org) #1 SMP"));
    }

    @Test
    void bootLoadersAndBusyBoxNameThemselves() throws Exception {
        assertThat(BootFileVersions.isolinux(DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isolinux.bin")))
                .hasValueSatisfying(v -> assertThat(v).matches("ISOLINUX 6\\.\\d+ \\d{8}"));
        assertThat(BootFileVersions.shim(DebianPackages.file("shim-signed", "usr/lib/shim/shimx64.efi.signed")))
                .hasValueSatisfying(v -> assertThat(v).matches("shim \\d+\\.\\d+"));
        assertThat(BootFileVersions.grub(DebianPackages.file("grub-efi-amd64-signed",
                "usr/lib/grub/x86_64-efi-signed/gcdx64.efi.signed")))
                .hasValueSatisfying(v -> assertThat(v).matches("GRUB 2\\.\\d+-\\S+ \\(Debian\\)"));
        assertThat(BootFileVersions.busybox(DebianPackages.busybox()))
                .hasValueSatisfying(v -> assertThat(v).matches("BusyBox v1\\.\\d+\\.\\d+ \\(Debian [^)]+\\)"));
    }

    @Test
    void filesWithoutAVersionGiveNone() throws Exception {
        Path junk = Files.write(tmp.resolve("junk"), new byte[4096]);
        assertThat(BootFileVersions.kernel(junk)).isEmpty();
        assertThat(BootFileVersions.isolinux(junk)).isEmpty();
        assertThat(BootFileVersions.shim(junk)).isEmpty();
        assertThat(BootFileVersions.grub(junk)).isEmpty();
        assertThat(BootFileVersions.busybox(Files.write(tmp.resolve("short"), new byte[3]))).isEmpty();
    }
}
