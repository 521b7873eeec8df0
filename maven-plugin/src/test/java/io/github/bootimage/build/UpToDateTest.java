package io.github.bootimage.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateTest {
    @TempDir
    Path dir;

    @Test
    void changesToConfigurationFilesOrTreesAreNoticed() throws Exception {
        Path input = Files.writeString(dir.resolve("kernel"), "k");
        Path tree = Files.createDirectories(dir.resolve("overlay"));
        Files.writeString(tree.resolve("motd"), "hi");
        Path output = Files.writeString(dir.resolve("out.iso"), "iso");
        Path stamp = dir.resolve("stamps/iso.sha256");

        String first = fingerprint(input, tree, "zstd");
        assertThat(UpToDate.check(stamp, first, output)).isFalse();
        UpToDate.record(stamp, first);
        assertThat(UpToDate.check(stamp, fingerprint(input, tree, "zstd"), output)).isTrue();

        assertThat(fingerprint(input, tree, "gzip")).isNotEqualTo(first);
        Files.setLastModifiedTime(input, FileTime.fromMillis(0));
        assertThat(fingerprint(input, tree, "zstd")).isNotEqualTo(first);
        String second = fingerprint(input, tree, "zstd");
        Files.writeString(tree.resolve("new"), "");
        assertThat(fingerprint(input, tree, "zstd")).isNotEqualTo(second);

        Files.delete(output);
        assertThat(UpToDate.check(stamp, first, output)).isFalse();
        UpToDate.invalidate(stamp);
        assertThat(stamp).doesNotExist();
    }

    private static String fingerprint(Path input, Path tree, String compression) throws Exception {
        return new Fingerprint().addFile("kernel", input).addTree("overlay", tree).add("compression", compression).hex();
    }
}
