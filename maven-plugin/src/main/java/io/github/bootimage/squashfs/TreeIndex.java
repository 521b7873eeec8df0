package io.github.bootimage.squashfs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One pass over the tree before writing: each directory's children (in the tree's bytewise order, which is
 * strcmp order), the link count of hard-linked files, how many files share each size (duplicate candidates)
 * and the sorted id table. Checks what squashfs cannot hold before any byte is written.
 */
final class TreeIndex {
    /** NAME_MAX on Linux; squashfs itself would take 256. */
    private static final int NAME_MAX = 255;

    final Map<EntryPath, List<Entry>> children = new HashMap<>();
    final Map<EntryPath, Integer> links = new HashMap<>();
    final Map<Long, Integer> sizes = new HashMap<>();
    final int[] ids;
    final FileTree tree;

    TreeIndex(FileTree tree) throws BootImageException {
        this.tree = tree;
        TreeSet<Integer> idSet = new TreeSet<>();
        for (Entry e : tree.entries()) {
            if (e instanceof Entry.Directory) {
                children.put(e.path(), new ArrayList<>());
            }
            if (e.path().isRoot()) {
                idSet.add(e.uid());
                idSet.add(e.gid());
                continue;
            }
            children.get(e.path().parent()).add(e);
            checkName(e.path());
            if (e instanceof Entry.HardLink h) {
                EntryPath target = target(h);
                links.merge(target, 1, Integer::sum);
                continue;
            }
            if (e instanceof Entry.RegularFile f) {
                sizes.merge(f.content().size(), 1, Integer::sum);
            }
            idSet.add(e.uid());
            idSet.add(e.gid());
        }
        if (idSet.size() > 65536) {
            throw new BootImageException("The tree has " + idSet.size() + " different uids and gids; squashfs holds"
                    + " at most 65,536. Map owners to fewer ids.");
        }
        ids = idSet.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The regular file a hard link names (following links to links). */
    EntryPath target(Entry.HardLink link) throws BootImageException {
        Entry e = link;
        for (int hops = 0; e instanceof Entry.HardLink h && hops < 64; hops++) {
            e = tree.get(h.target()).orElse(null);
        }
        if (!(e instanceof Entry.RegularFile)) {
            throw new BootImageException("The hard link " + link.path() + " points to " + link.target()
                    + ", which is not a regular file in the tree. Point it at a file, or make it a symlink.");
        }
        return e.path();
    }

    int idIndex(int id) {
        return java.util.Arrays.binarySearch(ids, id);
    }

    private static void checkName(EntryPath path) throws BootImageException {
        int length = path.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (length > NAME_MAX) {
            throw new BootImageException("The name of " + path + " is " + length + " bytes long; Linux file names"
                    + " have at most " + NAME_MAX + " bytes. Shorten it.");
        }
    }
}
