package io.github.bootimage.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.testing.HostTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256SumsTest {
    @TempDir
    Path dir;

    private Map<String, Path> files() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("b-1.0.iso", Files.writeString(dir.resolve("b-1.0.iso"), "iso"));
        files.put("b-1.0-initramfs.cpio.gz", Files.writeString(dir.resolve("b-1.0-initramfs.cpio.gz"), ""));
        files.put("B-upper.txt", Files.writeString(dir.resolve("B-upper.txt"), "abc"));
        return files;
    }

    @Test
    void writesSortedCoreutilsFormat() throws Exception {
        Path sums = dir.resolve("SHA256SUMS");
        Sha256Sums.write(sums, files());
        assertThat(Files.readString(sums, StandardCharsets.UTF_8)).isEqualTo(""
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  B-upper.txt\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  b-1.0-initramfs.cpio.gz\n"
                + Sha256Sums.sha256Hex(dir.resolve("b-1.0.iso")) + "  b-1.0.iso\n");
    }

    @Test
    void sha256sumChecksIt() throws Exception {
        Path sums = dir.resolve("SHA256SUMS");
        Sha256Sums.write(sums, files());
        Process check = startOrSkip(sums);
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(out).isZero();
        assertThat(out).contains("b-1.0.iso: OK", "B-upper.txt: OK", "b-1.0-initramfs.cpio.gz: OK");

        Files.writeString(dir.resolve("b-1.0.iso"), "changed");
        Process again = startOrSkip(sums);
        again.getInputStream().readAllBytes();
        assertThat(again.waitFor()).isNotZero();
    }

    private Process startOrSkip(Path sums) {
        HostTools.require("sha256sum");
        try {
            return new ProcessBuilder("sha256sum", "-c", "--strict", sums.getFileName().toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesNamesSha256sumWouldEscape() throws Exception {
        Path file = Files.writeString(dir.resolve("x"), "x");
        assertThatThrownBy(() -> Sha256Sums.write(dir.resolve("SHA256SUMS"), Map.of("a\nb", file)))
                .isInstanceOf(BootImageException.class).hasMessageContaining("line break");
        assertThat(dir.resolve("SHA256SUMS")).doesNotExist();
    }
}
