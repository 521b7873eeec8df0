package io.github.bootimage.squashfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.model.Entry;
import io.github.bootimage.model.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same tree gives the same bytes for any thread count and any order the entries were added in. */
class SquashfsReproducibleTest {
    @TempDir
    Path tmp;

    @Test
    void sameBytesForAnyThreadCountAndInsertionOrder() throws Exception {
        FileTree tree = TestTrees.rich();
        List<Entry> shuffled = new ArrayList<>(tree.entries());
        Collections.reverse(shuffled);
        FileTree reversed = new FileTree();
        for (Entry e : shuffled) {
            reversed.put(e);
        }
        for (SquashfsCompression c : SquashfsCompression.values()) {
            String one = sha256(write(SquashfsRequest.of(tree, SquashfsWriterTest.EPOCH).withCompression(c), 1));
            String four = sha256(write(SquashfsRequest.of(tree, SquashfsWriterTest.EPOCH).withCompression(c), 4));
            String other = sha256(write(SquashfsRequest.of(reversed, SquashfsWriterTest.EPOCH).withCompression(c), 3));
            assertThat(four).as(c.userName()).isEqualTo(one);
            assertThat(other).as(c.userName()).isEqualTo(one);
        }
    }

    @Test
    void theEpochIsTheOnlyTime() throws Exception {
        FileTree tree = TestTrees.rich();
        Path a = write(SquashfsRequest.of(tree, SquashfsWriterTest.EPOCH), 2);
        String first = sha256(a);
        Path b = write(SquashfsRequest.of(tree, SquashfsWriterTest.EPOCH.plusSeconds(1)), 2);
        assertThat(sha256(b)).isNotEqualTo(first);
        Superblock sb = Superblock.decode(Files.readAllBytes(b));
        assertThat(sb.mkfsTime()).isEqualTo(SquashfsWriterTest.EPOCH.getEpochSecond() + 1);
        assertThat(sb.bytesUsed()).isLessThanOrEqualTo(Files.size(b));
        assertThat(Files.size(b) % 4096).isZero();
    }

    private Path write(SquashfsRequest request, int threads) throws Exception {
        Path image = Files.createTempFile(tmp, "image", ".sqfs");
        SquashfsWriter.write(request, image, threads);
        return image;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
