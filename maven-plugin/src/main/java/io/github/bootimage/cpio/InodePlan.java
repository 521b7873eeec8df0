package io.github.bootimage.cpio;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.util.HashMap;
import java.util.Map;

/**
 * Inode numbers and link counts, planned before writing: inodes 1, 2, ... in output order (a hard-link
 * group takes its number where its first name appears), nlink = number of names for files, 2 + number of
 * subdirectories for directories, 1 otherwise. The kernel links entries with equal ino and nlink &gt; 1, so
 * only real hard links may share a number.
 */
final class InodePlan {
    /** What the header of one name needs; one map entry per name (seven maps were a hot spot at 100,000 files). */
    private record Name(long inode, int links, Entry.RegularFile file, boolean carriesData) {
    }

    /** A hard-link group (keyed by the path of its file) or a directory, while planning. */
    private static final class Group {
        long inode;
        int names;
        int subdirs;
        EntryPath lastName;
    }

    private final Map<EntryPath, Name> names;

    private InodePlan(Map<EntryPath, Name> names) {
        this.names = names;
    }

    static InodePlan of(FileTree tree) throws BootImageException {
        Map<EntryPath, Group> groups = new HashMap<>(tree.size() * 2);
        long next = 1;
        for (Entry entry : tree.entries()) {
            EntryPath key = entry instanceof Entry.HardLink link ? target(tree, link).path() : entry.path();
            if (entry instanceof Entry.Directory && !entry.path().isRoot()) {
                groups.get(entry.path().parent()).subdirs++; // parents come first
            }
            Group group = groups.computeIfAbsent(key, k -> new Group());
            if (group.names == 0) {
                group.inode = next++;
            }
            group.names++;
            group.lastName = entry.path();
        }
        Map<EntryPath, Name> names = new HashMap<>(tree.size() * 2);
        for (Entry entry : tree.entries()) {
            Entry.RegularFile file = entry instanceof Entry.HardLink link ? target(tree, link)
                    : entry instanceof Entry.RegularFile f ? f : null;
            Group group = groups.get(file != null ? file.path() : entry.path());
            int links = entry instanceof Entry.Directory ? 2 + group.subdirs : group.names;
            names.put(entry.path(), new Name(group.inode, links, file, group.lastName.equals(entry.path())));
        }
        return new InodePlan(names);
    }

    private static Entry.RegularFile target(FileTree tree, Entry.HardLink link) throws BootImageException {
        Entry target = tree.get(link.target()).orElse(null);
        if (!(target instanceof Entry.RegularFile file)) {
            throw new BootImageException("Hard link " + link.path() + " points to " + link.target() + ", which is "
                    + (target == null ? "missing" : "not a regular file")
                    + ". A hard link needs a regular file in the image as its target.");
        }
        return file;
    }

    long inode(EntryPath path) {
        return names.get(path).inode();
    }

    int links(EntryPath path) {
        return names.get(path).links();
    }

    Entry.RegularFile file(EntryPath path) {
        return names.get(path).file();
    }

    /** True for the last name of a file in output order: the one newc stores the data with. */
    boolean carriesData(EntryPath path) {
        return names.get(path).carriesData();
    }
}
