package io.github.bootimage.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apt side of {@code <deb>} inputs over recorded {@code apt-cache show} answers (src/test/resources/apt/):
 * Debian's and Ubuntu's kernel metapackages, the three reasons a package cannot be fetched, and the download
 * progress. {@link DebianInputTest} runs the real apt.
 */
class AptArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void debianMetapackageFollowsItsPinnedKernel() throws Exception {
        AptArchive.Candidate c = archive("debian-12", lists()).resolve("kernel",
                new Source.DebianPackage("linux-image-amd64", null));
        assertThat(c.pkg()).matches("linux-image-6\\.1\\.0-\\d+-amd64");
        assertThat(c.fileName()).startsWith(c.pkg() + "_").endsWith("_amd64.deb");
        assertThat(c.sha256()).hasSize(64);
        assertThat(c.size()).isGreaterThan(50_000_000L);
    }

    @Test
    void ubuntuMetapackageFollowsItsUnversionedKernel() throws Exception {
        AptArchive.Candidate c = archive("ubuntu-20.04", lists()).resolve("kernel",
                new Source.DebianPackage("linux-image-generic", null));
        assertThat(c.pkg()).isEqualTo("linux-image-5.4.0-144-generic");
        assertThat(c.version()).isEqualTo("5.4.0-144.161");
        assertThat(c.fileName()).isEqualTo("linux-image-5.4.0-144-generic_5.4.0-144.161_amd64.deb");
    }

    @Test
    void debianDefaultOnUbuntuSaysTheDefaultsAreDebiansNotAptGetUpdate() throws Exception {
        assertThatThrownBy(() -> archive("ubuntu-20.04", lists()).resolve("kernel",
                new Source.DebianPackage("linux-image-amd64", null)))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("kernel: Debian package 'linux-image-amd64' cannot be fetched: the apt archive of "
                        + "this machine has no package of that name")
                .hasMessageContaining("The default inputs are Debian 12 packages")
                .hasMessageContaining("docs/inputs.md")
                .hasMessageNotContaining("apt-get update")
                .hasMessageEndingWith("E: No packages found");
    }

    @Test
    void withoutPackageListsTheAnswerIsAptGetUpdate() throws Exception {
        assertThatThrownBy(() -> archive("debian-12", tmp.resolve("empty-lists")).resolve("busybox",
                new Source.DebianPackage("busybox-static", null)))
                .hasMessageContaining("apt has no package lists on this machine")
                .hasMessageContaining("Run 'apt-get update' as root (sudo apt-get update)")
                .hasMessageNotContaining("Debian 12 packages");
    }

    @Test
    void anUnknownVersionOfAKnownPackageSaysSo() throws Exception {
        assertThatThrownBy(() -> archive("debian-12", lists()).resolve("kernel",
                new Source.DebianPackage("linux-image-amd64", "1.0")))
                .hasMessageContaining("has package linux-image-amd64, but not this version")
                .hasMessageContaining("apt-cache policy linux-image-amd64");
    }

    @Test
    void aLargeDownloadReportsProgress() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("download"));
        // apt-get download writes the .deb in place as it arrives: 5 x 1 MiB, a pause after each
        AptArchive.Apt writer = (d, command) -> new ProcessBuilder("sh", "-c",
                "for i in 1 2 3 4 5; do head -c 1048576 /dev/zero >> p_1_amd64.deb; sleep 0.3; done")
                .directory(d.toFile()).redirectErrorStream(true).start();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Path deb = new AptArchive(writer, lists(), Duration.ofMillis(50)).download("kernel", "p", "1", 5L << 20, dir,
                false, new InputLog() {
                    @Override
                    public void info(String message) {
                        log.add(message);
                    }

                    @Override
                    public void warn(String message) {
                        log.add("WARN " + message);
                    }
                });
        assertThat(deb).hasSize(5L << 20);
        assertThat(log.get(0)).isEqualTo("kernel: downloading p=1 (5 MB)");
        assertThat(log.subList(1, log.size())).isNotEmpty()
                .allMatch(l -> l.matches("kernel: \\d0 % of p=1 \\(\\d of 5 MB\\)"), "a progress line");
    }

    /** An apt whose {@code apt-cache show} answers from the recorded stanzas of one distribution. */
    private AptArchive archive(String distribution, Path lists) throws URISyntaxException {
        Path recorded = Path.of(getClass().getResource("/apt/" + distribution + "/README.md").toURI()).getParent();
        AptArchive.Apt apt = (dir, command) -> {
            String spec = command.get(command.size() - 1);
            String[] nameVersion = spec.split("=", 2);
            Path stanza = recorded.resolve(nameVersion[0]);
            boolean found = Files.isRegularFile(stanza) && (nameVersion.length == 1
                    || Files.readString(stanza).contains("\nVersion: " + nameVersion[1] + "\n"));
            // What apt-cache does (recorded with LC_ALL=C): exit 100 for an unknown name, exit 0 and no output for
            // an unknown version of a known one.
            String script = !Files.isRegularFile(stanza) ? "echo 'E: No packages found'; exit 100"
                    : found ? "cat \"$0\"" : "exit 0";
            return new ProcessBuilder("sh", "-c", script, stanza.toString()).redirectErrorStream(true).start();
        };
        return new AptArchive(apt, lists, Duration.ofMillis(50));
    }

    private Path lists() throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4"), "");
        return lists;
    }
}
