package io.github.bootimage.squashfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.model.Entry;
import io.github.bootimage.model.FileTree;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writes images and reads them back with squashfs-tools' unsquashfs. */
class SquashfsWriterTest {
    static final Instant EPOCH = Instant.parse("2024-01-02T03:04:05Z");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(SquashfsCompression.class)
    void unsquashfsListsAndExtractsExactlyTheTree(SquashfsCompression compression) throws Exception {
        FileTree tree = TestTrees.rich();
        Path image = tmp.resolve("root.squashfs");
        SquashfsWriter.write(SquashfsRequest.of(tree, EPOCH).withCompression(compression), image, 2);

        Map<String, String> listed = Unsquashfs.list(image);
        assertThat(listed).containsExactlyEntriesOf(TestTrees.expectedListing(tree));

        Path out = tmp.resolve("out");
        Unsquashfs.run("-no-progress", "-d", out.toString(), image.toString());
        for (Entry e : tree.entries()) {
            Path p = out.resolve(e.path().value());
            if (e instanceof Entry.RegularFile f) {
                try (var in = f.content().open()) {
                    assertThat(Files.readAllBytes(p)).as(e.path().value()).isEqualTo(in.readAllBytes());
                }
                assertThat(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant()).isEqualTo(EPOCH);
            } else if (e instanceof Entry.HardLink h) {
                assertThat(Files.getAttribute(p, "unix:ino"))
                        .isEqualTo(Files.getAttribute(out.resolve(h.target().value()), "unix:ino"));
                assertThat(Files.getAttribute(p, "unix:nlink")).isEqualTo(3);
            }
        }
        String stat = Unsquashfs.run("-s", image.toString());
        assertThat(stat).contains("Compression " + compression.userName(), "Block size 131072",
                "Filesystem is exportable via NFS", "Duplicates are removed",
                "Number of ids 8", "Number of inodes " + (tree.size() - 2));
    }
}
