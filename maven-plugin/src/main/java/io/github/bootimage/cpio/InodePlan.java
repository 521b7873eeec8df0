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
    private final Map<EntryPath, Long> inodes = new HashMap<>();
    private final Map<EntryPath, Integer> links = new HashMap<>();
    private final Map<EntryPath, Entry.RegularFile> files = new HashMap<>();
    private final Map<EntryPath, EntryPath> lastName = new HashMap<>();

    private InodePlan() {
    }

    static InodePlan of(FileTree tree) throws BootImageException {
        InodePlan plan = new InodePlan();
        Map<EntryPath, Long> groupInode = new HashMap<>();
        Map<EntryPath, Integer> groupLinks = new HashMap<>();
        Map<EntryPath, Integer> subdirs = new HashMap<>();
        long next = 1;
        for (Entry entry : tree.entries()) {
            EntryPath key = entry.path();
            if (entry instanceof Entry.HardLink link) {
                key = link.target();
                Entry target = tree.get(key).orElse(null);
                if (!(target instanceof Entry.RegularFile file)) {
                    throw new BootImageException("Hard link " + link.path() + " points to " + key + ", which is "
                            + (target == null ? "missing" : "not a regular file")
                            + ". A hard link needs a regular file in the image as its target.");
                }
                plan.files.put(link.path(), file);
            } else if (entry instanceof Entry.RegularFile file) {
                plan.files.put(key, file);
            }
            if (entry instanceof Entry.Directory && !entry.path().isRoot()) {
                subdirs.merge(entry.path().parent(), 1, Integer::sum);
            }
            Long inode = groupInode.get(key);
            if (inode == null) {
                inode = next++;
                groupInode.put(key, inode);
            }
            plan.inodes.put(entry.path(), inode);
            groupLinks.merge(key, 1, Integer::sum);
            plan.lastName.put(key, entry.path());
        }
        for (Entry entry : tree.entries()) {
            EntryPath key = entry instanceof Entry.HardLink h ? h.target() : entry.path();
            int n = entry instanceof Entry.Directory ? 2 + subdirs.getOrDefault(entry.path(), 0)
                    : groupLinks.get(key);
            plan.links.put(entry.path(), n);
        }
        return plan;
    }

    long inode(EntryPath path) {
        return inodes.get(path);
    }

    int links(EntryPath path) {
        return links.get(path);
    }

    Entry.RegularFile file(EntryPath path) {
        return files.get(path);
    }

    /** True for the last name of a file in output order: the one newc stores the data with. */
    boolean carriesData(EntryPath path) {
        EntryPath key = files.get(path).path();
        return lastName.get(key).equals(path);
    }
}
