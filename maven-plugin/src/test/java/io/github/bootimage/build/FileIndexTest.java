package io.github.bootimage.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIndexTest {
    private static final long SHORT = 1_000_000;

    @TempDir
    Path dir;

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
    }

    private int hashes(Path index, long racy, Path... files) throws Exception {
        try (FileIndex i = FileIndex.open(index, racy)) {
            for (Path f : files) {
                assertThat(i.sha256(f)).isEqualTo(sha256(Files.readString(f)));
            }
            i.save();
            return i.hashed();
        }
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "alpha");
        Path b = Files.writeString(dir.resolve("b"), "beta");
        Path index = dir.resolve("state/x.index");
        Thread.sleep(30);
        assertThat(hashes(index, SHORT, a, b)).isEqualTo(2);
        assertThat(hashes(index, SHORT, a, b)).isZero();
        FileTime mtime = Files.getLastModifiedTime(b);
        Files.writeString(b, "BETA");
        Files.setLastModifiedTime(b, mtime);
        assertThat(hashes(index, SHORT, a, b)).as("ctime moved").isEqualTo(1);
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files).as("no temporary file left").containsExactly(index);
        }
    }

    @Test
    void aRacilyCleanFileIsReadAgain() throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "alpha");
        Path index = dir.resolve("x.index");
        // Written within the margin before the index was opened: the same tick may hold a later edit.
        assertThat(hashes(index, FileIndex.RACY_NANOS, a)).isEqualTo(1);
        assertThat(hashes(index, FileIndex.RACY_NANOS, a)).isEqualTo(1);
    }

    @Test
    void aDamagedIndexCostsARehashNotAWrongAnswer() throws Exception {
        Path a = Files.writeString(dir.resolve("a\nb"), "alpha");
        Path index = dir.resolve("x.index");
        Thread.sleep(30);
        assertThat(hashes(index, SHORT, a)).isEqualTo(1);
        assertThat(hashes(index, SHORT, a)).as("a name with a newline round-trips").isZero();
        Files.writeString(index, Files.readString(index).replace(sha256("alpha").substring(0, 20), "zz"));
        Files.writeString(index, Files.readString(index) + "garbage\n");
        assertThat(hashes(index, SHORT, a)).isEqualTo(1);
        Files.writeString(index, "something else entirely");
        assertThat(hashes(index, SHORT, a)).isEqualTo(1);
    }

    @Test
    void withoutAnIndexEveryFileIsRead() throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "alpha");
        try (FileIndex none = FileIndex.none()) {
            none.sha256(a);
            none.sha256(a);
            none.save();
            assertThat(none.hashed()).isEqualTo(2);
        }
    }
}
