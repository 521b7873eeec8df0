package io.github.bootimage.cpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.testing.HostTools;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewcWriterTest {
    static final Instant EPOCH = Instant.parse("2024-01-02T03:04:05Z");

    static List<Entry> sample() {
        return List.of(
                new Entry.Directory(EntryPath.of("tmp"), 01777, 0, 0),
                new Entry.Directory(EntryPath.of("home/user"), 0750, 1000, 100),
                new Entry.RegularFile(EntryPath.of("home/user/notes.txt"), 0640, 1000, 100, BytesContent.utf8("hello\n")),
                new Entry.RegularFile(EntryPath.of("bin/tool"), 0755, 0, 0, BytesContent.utf8("#!/bin/sh\necho tool\n")),
                new Entry.HardLink(EntryPath.of("bin/alias"), EntryPath.of("bin/tool")),
                new Entry.HardLink(EntryPath.of("sbin/zz-alias"), EntryPath.of("bin/tool")),
                new Entry.Symlink(EntryPath.of("bin/sh"), "busybox", 0, 0),
                new Entry.DeviceNode(EntryPath.of("dev/console"), Entry.DeviceNode.Kind.CHARACTER, 5, 1, 0600, 0, 0),
                new Entry.DeviceNode(EntryPath.of("dev/sda"), Entry.DeviceNode.Kind.BLOCK, 8, 0, 0660, 0, 6));
    }

    static byte[] write(List<Entry> entries) throws Exception {
        FileTree tree = new FileTree();
        for (Entry e : entries) {
            tree.add(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NewcWriter(EPOCH).write(tree, out);
        return out.toByteArray();
    }

    @Test
    void gnuCpioListsModesOwnersLinksAndDevices(@TempDir Path dir) throws Exception {
        HostTools.require("cpio");
        Path archive = dir.resolve("a.cpio");
        Files.write(archive, write(sample()));
        String list = HostTools.run(archive, "cpio", "-itv", "--numeric-uid-gid", "--quiet");
        assertThat(list.lines().map(l -> l.replaceAll(" +", " ")).toList()).containsExactly(
                "drwxr-xr-x 7 0 0 0 Jan 2 2024 .",
                "drwxr-xr-x 2 0 0 0 Jan 2 2024 bin",
                "-rwxr-xr-x 3 0 0 0 Jan 2 2024 bin/alias",
                "lrwxrwxrwx 1 0 0 7 Jan 2 2024 bin/sh -> busybox",
                "-rwxr-xr-x 3 0 0 0 Jan 2 2024 bin/tool",
                "drwxr-xr-x 2 0 0 0 Jan 2 2024 dev",
                "crw------- 1 0 0 5, 1 Jan 2 2024 dev/console",
                "brw-rw---- 1 0 6 8, 0 Jan 2 2024 dev/sda",
                "drwxr-xr-x 3 0 0 0 Jan 2 2024 home",
                "drwxr-x--- 2 1000 100 0 Jan 2 2024 home/user",
                "-rw-r----- 1 1000 100 6 Jan 2 2024 home/user/notes.txt",
                "drwxr-xr-x 2 0 0 0 Jan 2 2024 sbin",
                "-rwxr-xr-x 3 0 0 20 Jan 2 2024 sbin/zz-alias",
                "drwxrwxrwt 2 0 0 0 Jan 2 2024 tmp");
        assertThat(archive.toFile().length() % 512).isZero();
    }

    @Test
    void bsdtarReadsTheSameArchive(@TempDir Path dir) throws Exception {
        HostTools.require("bsdtar");
        Path archive = dir.resolve("a.cpio");
        Files.write(archive, write(sample()));
        String list = HostTools.run(null, "bsdtar", "-tvf", archive.toString(), "--numeric-owner")
                .replaceAll(" +", " ");
        assertThat(list).contains("crw------- 1 0 0 5,1 Jan 2 2024 dev/console\n",
                "brw-rw---- 1 0 6 8,0 Jan 2 2024 dev/sda\n", "bin/sh -> busybox\n",
                "drwxrwxrwt 2 0 0 0 Jan 2 2024 tmp\n", "-rw-r----- 1 1000 100 6 Jan 2 2024 home/user/notes.txt\n",
                "-rwxr-xr-x 3 0 0 0 Jan 2 2024 bin/tool link to bin/alias\n",
                "-rwxr-xr-x 3 0 0 20 Jan 2 2024 sbin/zz-alias link to bin/alias\n");
    }

    @Test
    void gnuCpioExtractsHardLinksAsOneFileWithTheData(@TempDir Path dir) throws Exception {
        HostTools.require("cpio");
        Path archive = dir.resolve("a.cpio");
        Files.write(archive, write(sample().stream().filter(e -> !(e instanceof Entry.DeviceNode)).toList()));
        Path out = Files.createDirectory(dir.resolve("x"));
        HostTools.runIn(out, archive, "cpio", "-id", "--quiet");
        Object ino = Files.readAttributes(out.resolve("bin/tool"), BasicFileAttributes.class).fileKey();
        for (String name : List.of("bin/tool", "bin/alias", "sbin/zz-alias")) {
            assertThat(Files.readString(out.resolve(name))).isEqualTo("#!/bin/sh\necho tool\n");
            assertThat(Files.readAttributes(out.resolve(name), BasicFileAttributes.class).fileKey()).isEqualTo(ino);
        }
    }

    /** Straight into every encoder: the writer must neither close nor flush it (the .lzma encoder cannot flush). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(io.github.bootimage.compress.Compression.class)
    void writesIntoEveryEncoderWithoutFlushingIt(io.github.bootimage.compress.Compression c) throws Exception {
        FileTree tree = new FileTree();
        for (Entry e : sample()) {
            tree.add(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.io.OutputStream encoder = c.encoder(out, 1)) {
            new NewcWriter(EPOCH).write(tree, encoder);
        }
        assertThat(out.size()).isPositive();
    }

    @Test
    void sameBytesWhateverTheInsertionOrder() throws Exception {
        List<Entry> entries = new java.util.ArrayList<>(sample());
        byte[] first = write(entries);
        java.util.Collections.reverse(entries);
        assertThat(write(entries)).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.US_ASCII)).doesNotContain("./").contains("TRAILER!!!");
    }

    @Test
    void inodesAreSequentialInOutputOrderAndHardLinksShareOne() throws Exception {
        byte[] a = write(sample());
        // newc header: magic(6) ino(8) mode(8) uid gid nlink mtime filesize devmaj devmin rdevmaj rdevmin namesize check
        String s = new String(a, StandardCharsets.US_ASCII);
        int inoOfTool = inodeOf(s, "bin/tool");
        assertThat(inodeOf(s, ".")).isEqualTo(1);
        assertThat(inodeOf(s, "bin")).isEqualTo(2);
        assertThat(inodeOf(s, "bin/alias")).isEqualTo(3).isEqualTo(inoOfTool);
        assertThat(inodeOf(s, "sbin/zz-alias")).isEqualTo(inoOfTool);
        assertThat(inodeOf(s, "bin/sh")).isEqualTo(4);
    }

    private static int inodeOf(String archive, String name) {
        int at = archive.indexOf(name + "\0");
        while (at >= 0) {
            int header = at - 110;
            if (header >= 0 && archive.startsWith("070701", header)) {
                return Integer.parseInt(archive.substring(header + 6, header + 14), 16);
            }
            at = archive.indexOf(name + "\0", at + 1);
        }
        throw new AssertionError("no entry " + name);
    }

    @Test
    void refusesFilesOverTheNewcLimit() throws Exception {
        Content huge = new Content() {
            @Override
            public long size() {
                return 0x1_0000_0000L;
            }

            @Override
            public InputStream open() {
                throw new AssertionError("must fail before reading");
            }
        };
        FileTree tree = new FileTree();
        tree.add(new Entry.RegularFile(EntryPath.of("big.img"), 0644, 0, 0, huge));
        assertThatThrownBy(() -> new NewcWriter(EPOCH).write(tree, new ByteArrayOutputStream()))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("/big.img is 4294967296 bytes").hasMessageContaining("4 GiB - 1");
    }
}
