package io.github.bootimage.model;

import io.github.bootimage.BootImageException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The file tree of an image, shared by the initramfs and the ISO writers.
 *
 * <p>Entries iterate in bytewise order of their UTF-8 paths, so parents always come first and the order
 * never depends on how the host listed a directory. Missing parent directories are created implicitly
 * (0755, root:root); an explicit directory later replaces an implicit one.
 *
 * <p>Duplicates are explicit: {@link #add} accepts an identical entry again and refuses a conflicting
 * one; {@link #put} replaces on purpose (a user's {@code /init} over the default one).
 */
public final class FileTree {
    private final TreeMap<EntryPath, Entry> entries = new TreeMap<>();
    private final Set<EntryPath> implicit = new HashSet<>();
    /** A directory in the tree, the parent of the entry stored last; null when unknown. */
    private EntryPath lastParent;

    public FileTree() {
        entries.put(EntryPath.ROOT, Entry.Directory.of(EntryPath.ROOT));
        implicit.add(EntryPath.ROOT);
    }

    /** Adds an entry; an identical entry may be added twice, a different one at the same path may not. */
    public FileTree add(Entry entry) throws BootImageException {
        Entry existing = entries.get(entry.path());
        if (existing != null && !existing.equals(entry)
                && !(implicit.contains(entry.path()) && entry instanceof Entry.Directory)) {
            throw new BootImageException("Two different entries for " + entry.path() + ": " + describe(existing)
                    + " and " + describe(entry) + ". Remove one of them, or rename one.");
        }
        return store(entry);
    }

    /** Adds or replaces the entry at its path. */
    public FileTree put(Entry entry) throws BootImageException {
        EntryPath path = entry.path();
        ensureParent(path);
        // one tree walk for the common case (a new path); a refused replacement is undone
        Entry existing = entries.put(path, entry);
        if (existing instanceof Entry.Directory && !(entry instanceof Entry.Directory) && hasChildren(path)) {
            entries.put(path, existing);
            throw new BootImageException("Cannot replace the non-empty directory " + path + " with "
                    + describe(entry) + ".");
        }
        if (existing != null) {
            implicit.remove(path);
        }
        return this;
    }

    private FileTree store(Entry entry) throws BootImageException {
        ensureParent(entry.path());
        if (entries.put(entry.path(), entry) != null) {
            implicit.remove(entry.path());
        }
        return this;
    }

    /**
     * Makes sure the parent of {@code path} is a directory. Entries usually arrive by directory (an overlay, a
     * BusyBox applet list), so the parent checked last is remembered: siblings need no parent path and no lookup.
     */
    private void ensureParent(EntryPath path) throws BootImageException {
        if (path.isRoot() || lastParent != null && lastParent.isParentOf(path)) {
            return;
        }
        EntryPath parent = path.parent();
        ensureDirectory(parent);
        lastParent = parent;
    }

    private void ensureDirectory(EntryPath dir) throws BootImageException {
        Entry existing = entries.get(dir);
        if (existing == null) {
            if (!dir.isRoot()) {
                ensureDirectory(dir.parent());
            }
            entries.put(dir, Entry.Directory.of(dir));
            implicit.add(dir);
        } else if (!(existing instanceof Entry.Directory)) {
            throw new BootImageException(dir + " is " + describe(existing)
                    + ", but entries below it need it to be a directory.");
        }
    }

    public Optional<Entry> get(EntryPath path) {
        return Optional.ofNullable(entries.get(path));
    }

    public boolean contains(EntryPath path) {
        return entries.containsKey(path);
    }

    /** Removes an entry (and everything below it, for a directory). */
    public void remove(EntryPath path) {
        if (path.isRoot()) {
            throw new IllegalArgumentException("cannot remove the root");
        }
        below(path).clear();
        entries.remove(path);
        implicit.remove(path);
        lastParent = null;
    }

    /** All entries, root first, in bytewise path order (parents before children). */
    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** The direct children of a directory, in bytewise order of their names. */
    public List<Entry> children(EntryPath dir) {
        List<Entry> result = new ArrayList<>();
        for (Entry e : below(dir).values()) {
            if (e.path().parent().equals(dir)) {
                result.add(e);
            }
        }
        return result;
    }

    public int size() {
        return entries.size();
    }

    private boolean hasChildren(EntryPath dir) {
        return !below(dir).isEmpty();
    }

    private SortedMap<EntryPath, Entry> below(EntryPath dir) {
        if (dir.isRoot()) {
            return entries.tailMap(EntryPath.ROOT, false);
        }
        // Every path below "dir" lies in ["dir/\u0001", "dir0"): '0' is the byte after '/'.
        return entries.subMap(new EntryPath(dir.value() + "/\u0001"), true, new EntryPath(dir.value() + "0"), false);
    }

    static String describe(Entry e) {
        if (e instanceof Entry.RegularFile f) {
            return "a file (" + f.content() + ", mode 0" + Integer.toOctalString(f.mode()) + ")";
        } else if (e instanceof Entry.Symlink s) {
            return "a symlink to " + s.target();
        } else if (e instanceof Entry.HardLink h) {
            return "a hard link to " + h.target();
        } else if (e instanceof Entry.DeviceNode n) {
            return "a " + n.kind().name().toLowerCase(java.util.Locale.ROOT) + " device " + n.major() + ":" + n.minor();
        }
        return "a directory";
    }
}
