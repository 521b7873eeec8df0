package io.github.bootimage.cpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.testing.HostTools;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newc writer that writes its own headers gives the bytes Commons Compress gave ({@link
 * CommonsCompressNewcWriter}), whichever way the archive leaves: into a stream (an encoder), a file channel
 * (large files copied in the kernel) or another channel.
 */
class NewcWriterBytesTest {
    static final Instant EPOCH = Instant.parse("2024-01-02T03:04:05Z");

    /** Sizes around the 4-byte padding, the 64 KiB transfer threshold and the 256 KiB buffer. */
    static final int[] SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 9, 511, 512, 513, 4095, 4096, 4097, 65535, 65536, 65537,
        262143, 262144, 262147, 300001};

    static FileTree variedTree(Path dir) throws Exception {
        FileTree tree = new FileTree();
        Random random = new Random(42);
        for (int size : SIZES) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            Path host = Files.write(dir.resolve("f" + size), data);
            tree.add(new Entry.RegularFile(EntryPath.of("host/f" + size), 0644, 0, 0, new FileContent(host, size)));
            tree.add(new Entry.RegularFile(EntryPath.of("bytes/b" + size), 0600, 7, 8, new BytesContent(data)));
        }
        // names of every length mod 4, non-ASCII (2-, 3- and 4-byte UTF-8), spaces
        for (String name : List.of("a", "ab", "abc", "abcd", "abcde", "é", "éé", "日本", "\uD83D\uDE00 x", "with space")) {
            tree.add(new Entry.RegularFile(EntryPath.of("names/" + name), 0755, 0, 0, BytesContent.utf8(name)));
            tree.add(new Entry.Symlink(EntryPath.of("links/" + name), "../names/" + name, 0, 0));
        }
        tree.add(new Entry.Symlink(EntryPath.of("links/abs"), "/bin/busybox", 0, 0));
        // hard links: names before and after the target, two groups, one on a large host file
        tree.add(new Entry.HardLink(EntryPath.of("aaa/first"), EntryPath.of("host/f5")));
        tree.add(new Entry.HardLink(EntryPath.of("zzz/last"), EntryPath.of("host/f5")));
        tree.add(new Entry.HardLink(EntryPath.of("zzz/big"), EntryPath.of("host/f300001")));
        tree.add(new Entry.HardLink(EntryPath.of("bytes/b0-link"), EntryPath.of("bytes/b0")));
        tree.add(new Entry.DeviceNode(EntryPath.of("dev/console"), Entry.DeviceNode.Kind.CHARACTER, 5, 1, 0600, 0, 0));
        tree.add(new Entry.DeviceNode(EntryPath.of("dev/sda"), Entry.DeviceNode.Kind.BLOCK, 8, 0, 0660, 0, 6));
        tree.add(new Entry.DeviceNode(EntryPath.of("dev/big"), Entry.DeviceNode.Kind.BLOCK, 4095, 0xFFFFF, 0644, 1, 2));
        tree.add(new Entry.Directory(EntryPath.of("tmp"), 01777, 0, 0));
        tree.add(new Entry.Directory(EntryPath.of("home/user"), 0750, 1000, 100));
        tree.add(new Entry.Directory(EntryPath.of("deep/a/b/c/d"), 0700, 0, 0));
        return tree;
    }

    static byte[] reference(FileTree tree) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommonsCompressNewcWriter.write(tree, EPOCH, out);
        return out.toByteArray();
    }

    @Test
    void sameBytesAsCommonsCompressIntoAStream(@TempDir Path dir) throws Exception {
        FileTree tree = variedTree(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NewcWriter(EPOCH).write(tree, out);
        assertThat(out.toByteArray()).isEqualTo(reference(tree));
    }

    @Test
    void sameBytesAsCommonsCompressIntoAFileAfterOtherBytes(@TempDir Path dir) throws Exception {
        FileTree tree = variedTree(dir);
        Path archive = dir.resolve("a.cpio");
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
            new NewcWriter(EPOCH).write(tree, channel);
        }
        byte[] written = Files.readAllBytes(archive);
        byte[] expected = reference(tree);
        assertThat(written).hasSize(expected.length + 4);
        assertThat(java.util.Arrays.copyOfRange(written, 4, written.length)).isEqualTo(expected);
    }

    @Test
    void sameBytesAsCommonsCompressIntoAnotherChannel(@TempDir Path dir) throws Exception {
        FileTree tree = variedTree(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NewcWriter(EPOCH).write(tree, Channels.newChannel(out));
        assertThat(out.toByteArray()).isEqualTo(reference(tree));
    }

    @Test
    void gnuCpioAndBsdtarExtractTheVariedTree(@TempDir Path dir) throws Exception {
        HostTools.require("cpio", "bsdtar");
        FileTree tree = variedTree(dir);
        tree.remove(EntryPath.of("dev"));
        Path archive = dir.resolve("a.cpio");
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new NewcWriter(EPOCH).write(tree, channel);
        }
        for (String tool : List.of("cpio", "bsdtar")) {
            Path out = Files.createDirectory(dir.resolve("x-" + tool));
            if (tool.equals("cpio")) {
                HostTools.runIn(out, archive, "cpio", "-id", "--quiet");
            } else {
                HostTools.run(null, "bsdtar", "-xf", archive.toString(), "-C", out.toString());
            }
            for (int size : SIZES) {
                assertThat(out.resolve("host/f" + size)).as(tool).hasSameBinaryContentAs(dir.resolve("f" + size));
                assertThat(out.resolve("bytes/b" + size)).as(tool).hasSameBinaryContentAs(dir.resolve("f" + size));
            }
            assertThat(out.resolve("zzz/big")).as(tool).hasSameBinaryContentAs(dir.resolve("f300001"));
            assertThat(out.resolve("aaa/first")).as(tool).hasSameBinaryContentAs(dir.resolve("f5"));
            assertThat(Files.readString(out.resolve("names/\uD83D\uDE00 x"))).isEqualTo("\uD83D\uDE00 x");
            assertThat(Files.readSymbolicLink(out.resolve("links/日本"))).isEqualTo(Path.of("../names/日本"));
        }
    }

    @Test
    void inputsThatShrankOrGrewFailWithThePath(@TempDir Path dir) throws Exception {
        for (int size : new int[] {0, 10, 70_000, 300_001}) {
            Path host = Files.write(dir.resolve("g" + size), new byte[size]);
            for (long planned : new long[] {size - 1L, size + 1L}) {
                if (planned < 0) {
                    continue;
                }
                FileTree tree = new FileTree();
                tree.add(new Entry.RegularFile(EntryPath.of("etc/data"), 0644, 0, 0, new FileContent(host, planned)));
                for (int target = 0; target < 2; target++) {
                    Path archive = dir.resolve("out-" + size + "-" + planned + "-" + target);
                    assertThatThrownBy(() -> writeTo(tree, archive)).as(size + " planned " + planned)
                            .isInstanceOf(BootImageException.class)
                            .hasMessageContaining("/etc/data changed while the cpio archive was written: planned "
                                    + planned + " bytes, " + (planned > size ? "read " + size : "found more"))
                            .hasMessageContaining("Do not modify inputs during the build");
                    if (target == 1) {
                        continue;
                    }
                    assertThatThrownBy(() -> new NewcWriter(EPOCH).write(tree, new ByteArrayOutputStream()))
                            .isInstanceOf(BootImageException.class).hasMessageContaining("changed while");
                }
            }
        }
    }

    private static void writeTo(FileTree tree, Path archive) throws Exception {
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new NewcWriter(EPOCH).write(tree, channel);
        }
    }

    @Test
    void unreadableInputNamesTheEntryAndTheFix() throws Exception {
        Content denied = new Content() {
            @Override
            public long size() {
                return 3;
            }

            @Override
            public InputStream open() throws AccessDeniedException {
                throw new AccessDeniedException("/src/secret", null, "not readable by the build user. Fix its "
                        + "permissions (chmod a+r) or remove it");
            }

            @Override
            public ReadableByteChannel openChannel() throws AccessDeniedException {
                return Channels.newChannel(open());
            }
        };
        FileTree tree = new FileTree();
        tree.add(new Entry.RegularFile(EntryPath.of("etc/secret"), 0644, 0, 0, denied));
        assertThatThrownBy(() -> new NewcWriter(EPOCH).write(tree, new ByteArrayOutputStream()))
                .isInstanceOf(BootImageException.class).hasMessageContaining("Cannot read /etc/secret")
                .hasMessageContaining("/src/secret: not readable by the build user").hasMessageContaining("chmod a+r");
    }
}
