package io.github.bootimage.busybox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTarballTest {
    @TempDir
    Path tmp;

    @Test
    void wrongSha256IsRefusedBeforeAnythingIsUnpacked() throws Exception {
        Path tar = tarGz("busybox-9.9/Makefile", "all:\n");
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        String wrong = "0".repeat(64);
        BusyboxRequest request = BusyboxRequest.of(tar, wrong, 1, java.time.Instant.EPOCH, cache, s -> { });
        assertThatThrownBy(() -> new BusyboxBuild(request).build()).isInstanceOf(BootImageException.class)
                .hasMessageContaining(SourceTarball.sha256(tar)).hasMessageContaining(wrong)
                .hasMessageContaining("nothing was unpacked");
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void unpacksGzipStrippingTheTopDirectoryAndKeepingExecutableBits() throws Exception {
        Path tar = tarGz("busybox-9.9/scripts/gen.sh", "#!/bin/sh\n");
        Path out = Files.createDirectories(tmp.resolve("out"));
        SourceTarball source = new SourceTarball(tar, SourceTarball.sha256(tar));
        source.verify();
        source.unpackTo(out);
        Path script = out.resolve("scripts/gen.sh");
        assertThat(script).hasContent("#!/bin/sh");
        assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void entriesEscapingTheBuildDirectoryAreRefused() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path dotdot = tarGz("busybox-9.9/../../evil", "x");
        assertThatThrownBy(() -> new SourceTarball(dotdot, "").unpackTo(out))
                .isInstanceOf(BootImageException.class).hasMessageContaining("outside the build directory");
        assertThat(tmp.resolve("evil")).doesNotExist();

        Path link = tmp.resolve("link.tar.gz");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(Files.newOutputStream(link)))) {
            TarArchiveEntry e = new TarArchiveEntry("busybox-9.9/up", TarArchiveEntry.LF_SYMLINK);
            e.setLinkName("../../..");
            t.putArchiveEntry(e);
            t.closeArchiveEntry();
        }
        assertThatThrownBy(() -> new SourceTarball(link, "").unpackTo(out))
                .isInstanceOf(BootImageException.class).hasMessageContaining("outside the build directory");
    }

    private Path tarGz(String name, String content) throws IOException {
        Path file = tmp.resolve(Math.abs(name.hashCode()) + ".tar.gz");
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        try (OutputStream raw = Files.newOutputStream(file);
                TarArchiveOutputStream t = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(data.length);
            e.setMode(0100755);
            t.putArchiveEntry(e);
            t.write(data);
            t.closeArchiveEntry();
        }
        return file;
    }
}
