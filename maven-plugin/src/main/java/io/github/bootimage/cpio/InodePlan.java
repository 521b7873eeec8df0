package io.github.bootimage.cpio;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.util.HashMap;
import java.util.Map;

/**
 * Inode numbers and link counts: inodes 1, 2, ... in output order (a hard-link group takes its number where
 * its first name appears), nlink = number of names for files, 2 + number of subdirectories for directories,
 * 1 otherwise. The kernel links entries with equal ino and nlink &gt; 1, so only real hard links may share a
 * number.
 *
 * <p>Only directories and hard-link groups are planned ahead (their counts precede their names); every other
 * entry takes the next number as it is written, so 100,000 files need no map entry each.
 */
final class InodePlan {
    /** A regular file with hard links: its names, the last of them in output order, its inode once written. */
    private static final class Group {
        final Entry.RegularFile file;
        int names = 1;
        EntryPath lastName;
        long inode;

        Group(Entry.RegularFile file) {
            this.file = file;
            this.lastName = file.path();
        }
    }

    private final Map<EntryPath, Integer> subdirs;
    private final Map<EntryPath, Group> groups;
    private long next = 1;

    private InodePlan(Map<EntryPath, Integer> subdirs, Map<EntryPath, Group> groups) {
        this.subdirs = subdirs;
        this.groups = groups;
    }

    static InodePlan of(FileTree tree) throws BootImageException {
        Map<EntryPath, Integer> subdirs = new HashMap<>();
        Map<EntryPath, Group> groups = new HashMap<>();
        for (Entry entry : tree.entries()) {
            if (entry instanceof Entry.Directory && !entry.path().isRoot()) {
                subdirs.merge(entry.path().parent(), 1, Integer::sum);
            } else if (entry instanceof Entry.HardLink link) {
                Group group = groups.get(link.target());
                if (group == null) {
                    group = new Group(target(tree, link));
                    groups.put(link.target(), group);
                }
                group.names++;
                if (link.path().compareTo(group.lastName) > 0) {
                    group.lastName = link.path(); // output order is the tree's order
                }
            }
        }
        return new InodePlan(subdirs, groups);
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

    /** The group of a file or hard link, or null for a file without hard links. */
    private Group group(Entry entry) {
        if (groups.isEmpty()) {
            return null;
        }
        return groups.get(entry instanceof Entry.HardLink link ? link.target() : entry.path());
    }

    /** The inode of {@code entry}; call once per entry, in output order. */
    long inode(Entry entry) {
        Group group = entry instanceof Entry.RegularFile || entry instanceof Entry.HardLink ? group(entry) : null;
        if (group == null) {
            return next++;
        }
        if (group.inode == 0) {
            group.inode = next++;
        }
        return group.inode;
    }

    int links(Entry entry) {
        if (entry instanceof Entry.Directory) {
            return 2 + subdirs.getOrDefault(entry.path(), 0);
        }
        Group group = entry instanceof Entry.RegularFile || entry instanceof Entry.HardLink ? group(entry) : null;
        return group == null ? 1 : group.names;
    }

    /** The file a regular file or hard link names. */
    Entry.RegularFile file(Entry entry) {
        return entry instanceof Entry.HardLink ? group(entry).file : (Entry.RegularFile) entry;
    }

    /** True for the last name of a file in output order: the one newc stores the data with. */
    boolean carriesData(Entry entry) {
        Group group = group(entry);
        return group == null || group.lastName.equals(entry.path());
    }
}
