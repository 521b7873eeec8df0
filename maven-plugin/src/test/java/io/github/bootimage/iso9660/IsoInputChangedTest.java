package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A host file that no longer has its planned size fails the image, names the file and leaves no image behind. */
class IsoInputChangedTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1000, 200_000}) // read into the run buffer / sent by the kernel
    void aFileThatGrewOrShrankFailsTheImage(int size) throws Exception {
        Path grown = Files.write(dir.resolve("grown"), new byte[size + 10]);
        Path shrunk = Files.write(dir.resolve("shrunk"), new byte[size - 10]);
        for (Path file : new Path[] {grown, shrunk}) {
            FileTree tree = new FileTree();
            tree.add(new Entry.RegularFile(EntryPath.of("data/file"), 0644, 0, 0, new FileContent(file, size)));
            Path iso = dir.resolve("out.iso");
            assertThatThrownBy(() -> IsoImageWriter.write(IsoImageRequest.of(tree, "T", Instant.EPOCH), iso))
                    .hasMessageContaining("/data/file changed while the ISO image was written: planned " + size)
                    .hasMessageContaining("Do not modify inputs during the build");
            try (var left = Files.list(dir)) {
                assertThat(left).containsExactlyInAnyOrder(grown, shrunk);
            }
        }
    }
}
