package io.github.bootimage.debian;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Debian's merged-/usr layout (the default since Debian 12, {@code usrmerge}): {@code /bin}, {@code /sbin},
 * {@code /lib} and {@code /lib64} are symbolic links into {@code /usr}, so a package's {@code /bin/x} lands in
 * {@code usr/bin/x}. Relative link targets are rewritten for their new place, so that they still name the same file.
 */
public final class MergedUsr {
    /** The top-level directories that move, for amd64 as usrmerge makes them (plus the other multilib names). */
    static final Set<String> MERGED = Set.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    /** The links every merged-/usr system has (lib32/libx32 only where something lives there). */
    private static final List<String> ALWAYS = List.of("bin", "lib", "lib64", "sbin");

    private MergedUsr() {
    }

    /** Where a path lives in the merged layout: {@code bin/x} is {@code usr/bin/x}. */
    public static EntryPath map(EntryPath p) {
        if (p.isRoot()) {
            return p;
        }
        String v = p.value();
        int slash = v.indexOf('/');
        String top = slash < 0 ? v : v.substring(0, slash);
        return MERGED.contains(top) ? new EntryPath("usr/" + v) : p;
    }

    /** A symlink's target for its new place: relative targets are resolved from the old place and mapped. */
    public static String target(EntryPath oldPath, String target) {
        if (target.startsWith("/")) {
            return target; // absolute targets go through the /bin -> usr/bin links
        }
        EntryPath resolved = resolve(oldPath.parent(), target);
        if (resolved == null) {
            return target;
        }
        return relative(map(oldPath).parent(), map(resolved));
    }

    /** {@code target} as seen from directory {@code dir}, normalised; null if it climbs above the root. */
    static EntryPath resolve(EntryPath dir, String target) {
        List<String> parts = new ArrayList<>();
        if (!dir.isRoot()) {
            parts.addAll(List.of(dir.value().split("/")));
        }
        for (String seg : target.split("/")) {
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                parts.add(seg);
            }
        }
        return new EntryPath(String.join("/", parts));
    }

    /** The relative path from directory {@code from} to {@code to}. */
    static String relative(EntryPath from, EntryPath to) {
        List<String> a = from.isRoot() ? List.of() : List.of(from.value().split("/"));
        List<String> b = to.isRoot() ? List.of() : List.of(to.value().split("/"));
        int common = 0;
        while (common < a.size() && common < b.size() && a.get(common).equals(b.get(common))) {
            common++;
        }
        StringBuilder sb = new StringBuilder("../".repeat(a.size() - common));
        sb.append(String.join("/", b.subList(common, b.size())));
        String s = sb.toString();
        return s.isEmpty() ? "." : s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Turns a tree into the merged layout: what lies below {@code bin}, {@code sbin}, {@code lib*} moves below
     * {@code usr}, and the top-level names become links ({@code bin -> usr/bin}). A tree already merged is left as is.
     */
    public static void apply(FileTree tree) throws BootImageException {
        List<Entry> moved = new ArrayList<>();
        for (String top : MERGED) {
            EntryPath dir = new EntryPath(top);
            Entry e = tree.get(dir).orElse(null);
            if (e instanceof Entry.Directory) {
                for (Entry child : tree.entries()) {
                    if (child.path().value().startsWith(top + "/")) {
                        moved.add(child);
                    }
                }
                tree.remove(dir);
            } else if (e != null && !(e instanceof Entry.Symlink s && s.target().equals("usr/" + top))) {
                throw new BootImageException("/" + top + " is " + e + ", but Debian packages need the merged-/usr "
                        + "layout where /" + top + " links to usr/" + top + ". Remove /" + top + " from the image's files.");
            }
        }
        for (Entry e : moved) {
            tree.add(moved(e));
        }
        for (String top : MERGED) {
            boolean used = tree.contains(new EntryPath("usr/" + top));
            if (ALWAYS.contains(top) || used) {
                tree.add(new Entry.Directory(new EntryPath("usr/" + top), 0755, 0, 0));
                tree.add(new Entry.Symlink(new EntryPath(top), "usr/" + top, 0, 0));
            }
        }
    }

    /** The same entry at its merged path (a directory keeps its mode, a link gets its target rewritten). */
    static Entry moved(Entry e) {
        EntryPath p = map(e.path());
        if (e instanceof Entry.Directory d) {
            return new Entry.Directory(p, d.mode(), d.uid(), d.gid());
        } else if (e instanceof Entry.RegularFile f) {
            return new Entry.RegularFile(p, f.mode(), f.uid(), f.gid(), f.content());
        } else if (e instanceof Entry.Symlink s) {
            return new Entry.Symlink(p, target(e.path(), s.target()), s.uid(), s.gid());
        } else if (e instanceof Entry.HardLink h) {
            return new Entry.HardLink(p, map(h.target()));
        }
        Entry.DeviceNode n = (Entry.DeviceNode) e;
        return new Entry.DeviceNode(p, n.kind(), n.major(), n.minor(), n.mode(), n.uid(), n.gid());
    }
}
