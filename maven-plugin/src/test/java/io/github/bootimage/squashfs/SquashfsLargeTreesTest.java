package io.github.bootimage.squashfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes and counts beyond the everyday: a file over 4 GiB, 100,000 files, duplicates, and bad input. */
class SquashfsLargeTreesTest {
    @TempDir
    Path tmp;

    @Test
    void aFileOver4GiBWithHolesReadsBackByteForByte() throws Exception {
        long size = 5L * 1024 * 1024 * 1024 + 12345;
        long stride = 256L * 1024 * 1024;
        Content content = TestTrees.sparse(size, stride);
        FileTree tree = new FileTree();
        tree.add(new Entry.RegularFile(EntryPath.of("big/disk.img"), 0644, 0, 0, content));
        Path image = tmp.resolve("big.sqfs");
        SquashfsWriter.write(SquashfsRequest.of(tree, SquashfsWriterTest.EPOCH), image, 2);
        // holes take no room: 21 data blocks + metadata
        assertThat(Files.size(image)).isLessThan(4L * 1024 * 1024);
        assertThat(Unsquashfs.list(image)).containsEntry("/big/disk.img", "-rw-r--r-- 0/0 " + size);

        // unsquashfs writes holes with lseek: the extracted file is quick to write and to spot-check
        Path out = tmp.resolve("out");
        Unsquashfs.run("-no-progress", "-d", out.toString(), image.toString());
        Path extracted = out.resolve("big/disk.img");
        assertThat(Files.size(extracted)).isEqualTo(size);
        try (FileChannel ch = FileChannel.open(extracted)) {
            for (long region = 0; region < size; region += stride) {
                ByteBuffer data = ByteBuffer.allocate((int) Math.min(TestTrees.BLOCK, size - region));
                ch.read(data, region);
                for (int i = 0; i < data.limit(); i++) {
                    assertThat(data.get(i)).as("byte %d", region + i).isEqualTo(TestTrees.byteAt(region + i));
                }
                ByteBuffer hole = ByteBuffer.allocate(4096);
                if (region + stride / 2 < size) {
                    ch.read(hole, region + stride / 2);
                    assertThat(hole.array()).as("hole at %d", region + stride / 2).containsOnly(0);
                }
            }
        }
    }

    @Test
    void aHundredThousandSmallFiles() throws Exception {
        FileTree tree = new FileTree();
        for (int i = 0; i < 100_000; i++) {
            tree.add(new Entry.RegularFile(EntryPath.of(String.format("d%03d/file-%06d", i % 500, i)), 0644, i % 7,
                    0, BytesContent.utf8("content of file " + i + "\n")));
        }
        Path image = tmp.resolve("many.sqfs");
        SquashfsWriter.Summary summary = SquashfsWriter.write(SquashfsRequest.of(tree, SquashfsWriterTest.EPOCH),
                image, 2);
        assertThat(summary.inodes()).isEqualTo(100_501);
        assertThat(Unsquashfs.list(image)).containsExactlyEntriesOf(TestTrees.expectedListing(tree));
    }

    @Test
    void identicalFilesAreStoredOnce() throws Exception {
        byte[] big = TestTrees.random(7, 3 * TestTrees.BLOCK + 999);
        FileTree one = new FileTree();
        one.add(TestTrees.file("a", 0644, 0, 0, big));
        FileTree three = new FileTree();
        three.add(TestTrees.file("a", 0644, 0, 0, big));
        three.add(TestTrees.file("b/copy", 0600, 5, 5, big));
        three.add(TestTrees.file("c/copy", 0755, 0, 0, big));
        SquashfsWriter.write(SquashfsRequest.of(one, SquashfsWriterTest.EPOCH), tmp.resolve("one.sqfs"), 2);
        SquashfsWriter.write(SquashfsRequest.of(three, SquashfsWriterTest.EPOCH), tmp.resolve("three.sqfs"), 2);
        assertThat(Files.size(tmp.resolve("three.sqfs"))).isEqualTo(Files.size(tmp.resolve("one.sqfs")));
        Path out = tmp.resolve("out");
        Unsquashfs.run("-no-progress", "-d", out.toString(), tmp.resolve("three.sqfs").toString());
        assertThat(Files.readAllBytes(out.resolve("c/copy"))).isEqualTo(big);
    }

    @Test
    void badInputFailsBeforeWritingAndLeavesNothing() throws Exception {
        Path image = tmp.resolve("out/bad.sqfs");
        FileTree longName = new FileTree();
        longName.add(TestTrees.file("x".repeat(256), 0644, 0, 0, new byte[1]));
        assertThatThrownBy(() -> SquashfsWriter.write(SquashfsRequest.of(longName, SquashfsWriterTest.EPOCH), image))
                .isInstanceOf(BootImageException.class).hasMessageContaining("256 bytes long")
                .hasMessageContaining("at most 255");
        FileTree linkToDir = new FileTree();
        linkToDir.add(new Entry.Directory(EntryPath.of("d"), 0755, 0, 0));
        linkToDir.add(new Entry.HardLink(EntryPath.of("l"), EntryPath.of("d")));
        assertThatThrownBy(() -> SquashfsWriter.write(SquashfsRequest.of(linkToDir, SquashfsWriterTest.EPOCH), image))
                .isInstanceOf(BootImageException.class).hasMessageContaining("hard link /l points to /d");
        assertThatThrownBy(() -> SquashfsWriter.write(SquashfsRequest.of(new FileTree(), SquashfsWriterTest.EPOCH)
                .withBlockSize(100_000), image)).hasMessageContaining("power of two from 4096 to 1048576");

        Path grown = Files.write(tmp.resolve("grown"), new byte[10]);
        FileTree changed = new FileTree();
        changed.add(new Entry.RegularFile(EntryPath.of("etc/grown"), 0644, 0, 0, new FileContent(grown, 5)));
        assertThatThrownBy(() -> SquashfsWriter.write(SquashfsRequest.of(changed, SquashfsWriterTest.EPOCH), image))
                .isInstanceOf(BootImageException.class).hasMessageContaining("/etc/grown")
                .hasMessageContaining("changed while the squashfs image was written");
        try (var left = Files.list(image.getParent())) {
            assertThat(left.toList()).isEqualTo(List.of());
        }
    }
}
