package io.github.bootimage.squashfs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the inode and directory tables depth first, as mksquashfs does: a directory's children (and their
 * subtrees) before its listing, the listing before the directory's inode, so every reference is known when it
 * is written. Inode numbers follow the same order (the root's is the highest); a hard-linked file's one inode
 * is written where its first name is met.
 */
final class InodeTables {
    private final TreeIndex index;
    private final Map<EntryPath, FileData> data;
    private final long mtime;
    private final MetadataWriter inodes;
    private final DirectoryTable directories;
    private final Map<EntryPath, Integer> numbers = new HashMap<>();
    private final Map<EntryPath, Long> references = new HashMap<>();
    private long[] lookup;
    private int next = 1;

    InodeTables(TreeIndex index, Map<EntryPath, FileData> data, long mtime, BlockCodec codec) {
        this.index = index;
        this.data = data;
        this.mtime = mtime;
        this.inodes = new MetadataWriter(codec);
        this.directories = new DirectoryTable(codec);
    }

    /** Writes every inode; returns the root's reference. */
    long write() throws IOException, BootImageException {
        number(EntryPath.ROOT);
        lookup = new long[next - 1];
        return writeDirectory(EntryPath.ROOT, next);
    }

    int inodeCount() {
        return next - 1;
    }

    /** The export table: inode reference by inode number - 1. */
    long[] lookup() {
        return lookup;
    }

    byte[] inodeTable() throws IOException {
        return inodes.finish();
    }

    byte[] directoryTable() throws IOException {
        return directories.finish();
    }

    private void number(EntryPath dir) throws BootImageException {
        for (Entry child : index.children.get(dir)) {
            if (child instanceof Entry.Directory) {
                number(child.path());
            } else if (!numbers.containsKey(inodePath(child))) {
                numbers.put(inodePath(child), next++);
            }
        }
        numbers.put(dir, next++);
    }

    private EntryPath inodePath(Entry e) throws BootImageException {
        return e instanceof Entry.HardLink h ? index.target(h) : e.path();
    }

    private long writeDirectory(EntryPath dir, int parent) throws IOException, BootImageException {
        int number = numbers.get(dir);
        List<DirectoryTable.Entry> listing = new ArrayList<>();
        int subdirectories = 0;
        for (Entry child : index.children.get(dir)) {
            byte[] name = child.path().name().getBytes(StandardCharsets.UTF_8);
            if (child instanceof Entry.Directory) {
                subdirectories++;
                long ref = writeDirectory(child.path(), number);
                listing.add(new DirectoryTable.Entry(name, ref, numbers.get(child.path()), Inode.DIRECTORY));
                continue;
            }
            EntryPath target = inodePath(child);
            Entry entry = index.tree.get(target).orElseThrow();
            Long ref = references.get(target);
            int type;
            if (ref == null) {
                Inode inode = inode(entry);
                ref = writeInode(inode);
                type = inode.basicType();
                references.put(target, ref);
            } else {
                type = Inode.FILE;
            }
            listing.add(new DirectoryTable.Entry(name, ref, numbers.get(target), type));
        }
        DirectoryTable.Listing l = directories.write(listing);
        Entry self = index.tree.get(dir).orElseThrow();
        return writeInode(new Inode.Directory(header(self, 0040000, number), l.startBlock(), 2 + subdirectories,
                l.size() + 3, l.offset(), parent, l.index()));
    }

    private long writeInode(Inode inode) throws IOException {
        long ref = inodes.reference();
        inodes.write(inode.encode());
        lookup[inode.header().number() - 1] = ref;
        return ref;
    }

    private Inode inode(Entry e) {
        int number = numbers.get(e.path());
        if (e instanceof Entry.RegularFile) {
            FileData d = data.get(e.path());
            int nlink = 1 + index.links.getOrDefault(e.path(), 0);
            return new Inode.RegularFile(header(e, 0100000, number), d.startBlock(), d.size, d.sparse, nlink,
                    d.fragment, d.fragmentOffset, d.blocks);
        } else if (e instanceof Entry.Symlink s) {
            return new Inode.Symlink(header(e, 0120000, number), 1, s.target().getBytes(StandardCharsets.UTF_8));
        } else if (e instanceof Entry.DeviceNode n) {
            boolean block = n.kind() == Entry.DeviceNode.Kind.BLOCK;
            return new Inode.Device(header(e, block ? 0060000 : 0020000, number), block, 1, n.major(), n.minor());
        }
        throw new IllegalStateException("no inode for " + e);
    }

    private Inode.Header header(Entry e, int type, int number) {
        return new Inode.Header(type | e.mode(), index.idIndex(e.uid()), index.idIndex(e.gid()), mtime, number);
    }
}
