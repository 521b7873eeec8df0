package io.github.bootimage.squashfs;

import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Trees that exercise every squashfs structure, and what unsquashfs -lln must say about them. */
final class TestTrees {
    static final int BLOCK = SquashfsRequest.DEFAULT_BLOCK_SIZE;

    private TestTrees() {
    }

    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        // half compressible: text-like runs
        for (int i = 0; i < size / 2; i++) {
            b[i] = (byte) ('a' + (b[i] & 7));
        }
        return b;
    }

    static FileTree rich() throws Exception {
        FileTree t = new FileTree();
        t.add(new Entry.Directory(EntryPath.of("etc"), 0755, 0, 0));
        t.add(file("etc/hostname", 0644, 0, 0, "live\n".getBytes()));
        t.add(file("etc/empty", 0600, 0, 0, new byte[0]));
        t.add(file("etc/shadow", 0640, 0, 42, "root:*:1::::::\n".getBytes()));
        t.add(new Entry.Directory(EntryPath.of("home/user"), 0700, 1000, 1000));
        t.add(file("home/user/exact-block", 0644, 1000, 1000, random(1, BLOCK)));
        t.add(file("home/user/three-and-tail", 0644, 1000, 1000, random(2, 3 * BLOCK + 100)));
        t.add(file("home/user/copy-of-three", 0600, 1000, 100, random(2, 3 * BLOCK + 100)));
        t.add(file("home/user/small-a", 0644, 1000, 1000, "same small\n".getBytes()));
        t.add(file("home/user/small-b", 0644, 1000, 1000, "same small\n".getBytes()));
        byte[] holes = new byte[4 * BLOCK + 7];
        holes[2 * BLOCK + 5] = 1;
        holes[holes.length - 1] = 2;
        t.add(file("var/holes", 0644, 0, 0, holes));
        t.add(file("usr/bin/su", 04755, 0, 0, random(3, 5000)));
        t.add(file("usr/bin/wall", 02755, 0, 5, random(4, 6000)));
        t.add(new Entry.Directory(EntryPath.of("tmp"), 01777, 0, 0));
        t.add(new Entry.HardLink(EntryPath.of("usr/bin/sudo"), EntryPath.of("usr/bin/su")));
        t.add(new Entry.HardLink(EntryPath.of("bin/su-again"), EntryPath.of("usr/bin/su")));
        t.add(new Entry.Symlink(EntryPath.of("bin/sh"), "busybox", 0, 0));
        t.add(new Entry.Symlink(EntryPath.of("lib"), "usr/lib", 0, 0));
        t.add(new Entry.Symlink(EntryPath.of("etc/mtab"), "/proc/self/mounts", 0, 0));
        t.add(new Entry.DeviceNode(EntryPath.of("dev/console"), Entry.DeviceNode.Kind.CHARACTER, 5, 1, 0600, 0, 0));
        t.add(new Entry.DeviceNode(EntryPath.of("dev/sda1"), Entry.DeviceNode.Kind.BLOCK, 8, 1, 0660, 0, 6));
        // unsquashfs -lln prints rdev in the old 8:8 split; larger numbers are checked by the kernel test
        t.add(new Entry.DeviceNode(EntryPath.of("dev/dm-0"), Entry.DeviceNode.Kind.BLOCK, 253, 255, 0600, 0, 0));
        t.add(new Entry.Directory(EntryPath.of("empty-dir"), 0755, 0, 0));
        // a directory whose listing spans metadata blocks: extended inode with indexes
        for (int i = 0; i < 1500; i++) {
            t.add(file(String.format("many/entry-with-a-longer-name-%05d", i), 0644, i % 3, 0,
                    ("file " + i + "\n").getBytes()));
        }
        // deep and long names
        StringBuilder deep = new StringBuilder("deep");
        for (int i = 0; i < 60; i++) {
            deep.append("/d").append(i);
        }
        t.add(file(deep + "/leaf", 0644, 0, 0, "deep\n".getBytes()));
        t.add(file("long/" + "n".repeat(250) + ".txt", 0644, 0, 0, "long\n".getBytes()));
        t.add(file("long/\u00e9t\u00e9-\u65e5\u672c", 0644, 0, 0, "utf-8\n".getBytes()));
        return t;
    }

    static Entry.RegularFile file(String path, int mode, int uid, int gid, byte[] bytes) {
        return new Entry.RegularFile(EntryPath.of(path), mode, uid, gid, new BytesContent(bytes));
    }

    /** What unsquashfs -lln shows for each path of the tree, in the form {@link Unsquashfs#list} gives. */
    static Map<String, String> expectedListing(FileTree tree) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Entry e : tree.entries()) {
            String path = "/" + e.path().value();
            Entry shown = e;
            if (e instanceof Entry.HardLink h) {
                shown = tree.get(h.target()).orElseThrow();
            }
            String owner = " " + shown.uid() + "/" + shown.gid() + " ";
            if (shown instanceof Entry.Directory d) {
                result.put(path, ls('d', d.mode()) + owner + "-");
            } else if (shown instanceof Entry.RegularFile f) {
                result.put(path, ls('-', f.mode()) + owner + f.content().size());
            } else if (shown instanceof Entry.Symlink s) {
                result.put(path, ls('l', 0777) + owner + s.target().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        .length + " -> " + s.target());
            } else if (shown instanceof Entry.DeviceNode n) {
                char type = n.kind() == Entry.DeviceNode.Kind.BLOCK ? 'b' : 'c';
                result.put(path, ls(type, n.mode()) + owner + n.major() + "," + n.minor());
            }
        }
        return result;
    }

    static String ls(char type, int mode) {
        StringBuilder s = new StringBuilder().append(type);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-');
        }
        special(s, 3, (mode & 04000) != 0, 's');
        special(s, 6, (mode & 02000) != 0, 's');
        special(s, 9, (mode & 01000) != 0, 't');
        return s.toString();
    }

    private static void special(StringBuilder s, int at, boolean set, char letter) {
        if (set) {
            s.setCharAt(at, s.charAt(at) == 'x' ? letter : Character.toUpperCase(letter));
        }
    }

    /** The byte at {@code p} of a data region of {@link #sparse}. */
    static byte byteAt(long p) {
        return (byte) (p * 31 >>> 7);
    }

    /** Bytes generated on the fly: {@code size} bytes, zero except one non-zero block every {@code stride}. */
    static Content sparse(long size, long stride) {
        return new Content() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return new InputStream() {
                    private long position;

                    @Override
                    public int read() {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (position >= size) {
                            return -1;
                        }
                        int n = (int) Math.min(len, size - position);
                        for (int i = 0; i < n; ) {
                            long p = position + i;
                            long inStride = p % stride;
                            int run = (int) Math.min(n - i, inStride < BLOCK ? BLOCK - inStride : stride - inStride);
                            if (inStride < BLOCK) {
                                for (int k = 0; k < run; k++) {
                                    b[off + i + k] = byteAt(p + k);
                                }
                            } else {
                                java.util.Arrays.fill(b, off + i, off + i + run, (byte) 0);
                            }
                            i += run;
                        }
                        position += n;
                        return n;
                    }
                };
            }
        };
    }
}
