package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Trees with the awkward cases: long, mixed-case, UTF-8 and deep names, clashes, links, devices. */
final class TestTrees {
    static final String LONG_NAME = "x".repeat(120) + "-\u00e9\u00e8-" + "y".repeat(100) + ".txt";
    static final String LONG_TARGET = "../" + "directory-name-that-is-long/".repeat(12) + "end";
    static final String LONG_DIR = "Directory With A Rather Long Name \u00c4\u00d6\u00dc ".repeat(6).trim();
    static final String DEEP = "a/b/c/d/e/f/g/h/i/j/k/deep file.txt";

    private TestTrees() {
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The entries; {@code shuffle} only changes the order they are added in. */
    static List<Entry> entries(long shuffle) {
        List<Entry> e = new ArrayList<>();
        e.add(file("isolinux/isolinux.bin", bytes(24 * 1024 + 3, 1)));
        e.add(file("isolinux/ldlinux.c32", bytes(5000, 2)));
        e.add(file("boot/grub/efi.img", bytes(64 * 1024, 3)));
        e.add(file("boot/grub/grub.cfg", "set timeout=1\n".getBytes()));
        e.add(file("LongMixedCaseName-with.many.dots.txt", "y\n".getBytes()));
        e.add(file("verylongname1.txt", "one\n".getBytes()));
        e.add(file("verylongname2.txt", "two\n".getBytes()));
        e.add(file("VeryLongName3.TXT", "three\n".getBytes()));
        e.add(file("\u00fcml\u00e4ut-\u65e5\u672c-\uD83D\uDE00.txt", "utf8\n".getBytes()));
        e.add(file(LONG_NAME, "long\n".getBytes()));
        e.add(file(DEEP, "deep\n".getBytes()));
        e.add(file(LONG_DIR + "/inside.txt", "inside\n".getBytes()));
        e.add(file("empty", new byte[0]));
        e.add(file("big/data.bin", bytes(3 * 2048 + 17, 4)));
        e.add(new Entry.RegularFile(EntryPath.of("bin/tool"), 0755, 1000, 100, new BytesContent(bytes(100, 5))));
        e.add(new Entry.Symlink(EntryPath.of("bin/short"), "tool", 0, 0));
        e.add(new Entry.Symlink(EntryPath.of("bin/abs"), "/usr/bin/../lib/./x", 0, 0));
        e.add(new Entry.Symlink(EntryPath.of("bin/long"), LONG_TARGET, 0, 0));
        e.add(new Entry.HardLink(EntryPath.of("bin/tool-link"), EntryPath.of("bin/tool")));
        e.add(new Entry.DeviceNode(EntryPath.of("dev/console"), Entry.DeviceNode.Kind.CHARACTER, 5, 1, 0600, 0, 0));
        e.add(new Entry.DeviceNode(EntryPath.of("dev/sda"), Entry.DeviceNode.Kind.BLOCK, 8, 0, 0660, 0, 6));
        e.add(new Entry.Directory(EntryPath.of("private"), 0700, 0, 0));
        if (shuffle != 0) {
            Collections.shuffle(e, new Random(shuffle));
        }
        return e;
    }

    static FileTree tree(long shuffle) throws BootImageException {
        FileTree tree = new FileTree();
        for (Entry entry : entries(shuffle)) {
            tree.add(entry);
        }
        return tree;
    }

    static Entry.RegularFile file(String path, byte[] data) {
        return new Entry.RegularFile(EntryPath.of(path), 0644, 0, 0, new BytesContent(data));
    }
}
