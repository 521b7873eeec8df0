package io.github.bootimage.debian;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts unpacked packages into a userland tree (the initramfs, or a live root), the way dpkg would unpack them
 * on a merged-/usr system, without running maintainer scripts. The tree turns merged-/usr first; a package's
 * program replaces a BusyBox applet link of the same name in any {@code bin}/{@code sbin} directory; then
 * what scripts would have made and programs need: {@code /etc/mtab}, {@code /etc/passwd} and
 * {@code /etc/group} for the owners the files name (only where the tree has none).
 */
public final class PackageInstaller {
    private static final List<String> PROGRAM_DIRS = List.of("usr/bin", "usr/sbin");

    /**
     * What an install did.
     *
     * @param replacedApplets BusyBox applets that a package's program replaced, sorted
     * @param files           regular files added
     * @param bytes           their total size
     */
    public record Report(SortedSet<String> replacedApplets, int files, long bytes) {
    }

    private final FileTree tree;
    private final EntryPath busybox;
    private final Map<EntryPath, String> owners = new HashMap<>();
    private final SortedSet<String> replaced = new TreeSet<>();
    private final Map<Integer, String> groups = new TreeMap<>();
    private int files;
    private long bytes;

    private PackageInstaller(FileTree tree, EntryPath busybox) {
        this.tree = tree;
        this.busybox = busybox == null ? null : MergedUsr.map(busybox);
    }

    /**
     * Installs {@code packages} (in the given order) into {@code tree}.
     *
     * @param busybox the BusyBox binary in the tree (its applet links may be replaced), or null
     */
    public static Report install(FileTree tree, List<UnpackedPackage> packages, PathFilter filter, EntryPath busybox)
            throws BootImageException {
        PackageInstaller in = new PackageInstaller(tree, busybox);
        MergedUsr.apply(tree);
        for (UnpackedPackage p : packages) {
            for (DataEntry e : p.entries()) {
                if (filter.keeps(e.path())) {
                    in.add(p, e);
                }
            }
        }
        in.replaceShadowedApplets();
        in.runtimeFiles();
        return new Report(in.replaced, in.files, in.bytes);
    }

    private void add(UnpackedPackage p, DataEntry d) throws BootImageException {
        EntryPath original = new EntryPath(d.path());
        EntryPath path = MergedUsr.map(original);
        Entry entry = switch (d.type()) {
            case 'd' -> new Entry.Directory(path, d.mode(), d.uid(), d.gid());
            case 'f' -> new Entry.RegularFile(path, d.mode(), d.uid(), d.gid(),
                    new FileContent(p.blobs().file(d.value()), d.size()));
            case 'l' -> new Entry.Symlink(path, MergedUsr.target(original, d.value()), d.uid(), d.gid());
            case 'h' -> new Entry.HardLink(path, MergedUsr.map(new EntryPath(d.value())));
            default -> new Entry.DeviceNode(path, d.type() == 'c' ? Entry.DeviceNode.Kind.CHARACTER
                    : Entry.DeviceNode.Kind.BLOCK, (int) (d.size() >> 20), (int) (d.size() & 0xfffff), d.mode(),
                    d.uid(), d.gid());
        };
        if (d.gid() != 0 && !"-".equals(d.group())) {
            groups.put(d.gid(), d.group());
        }
        Optional<Entry> existing = tree.get(path);
        if (entry instanceof Entry.Directory) {
            if (existing.isEmpty() || !(existing.get() instanceof Entry.Directory)) {
                tree.put(entry); // an existing directory keeps its mode (e.g. /tmp 1777)
            }
            return;
        }
        if (existing.isPresent() && !existing.get().equals(entry)) {
            String other = owners.get(path);
            if (other != null) {
                throw new BootImageException("<packages>: " + p.pkg().name() + " and " + other + " both ship /"
                        + path + " with different contents. Leave one of them out of <packages>.");
            }
            if (isApplet(existing.get())) {
                replaced.add(path.name());
            }
        }
        tree.put(entry);
        owners.put(path, p.pkg().name());
        if (entry instanceof Entry.RegularFile f) {
            files++;
            bytes += f.content().size();
        }
    }

    /** Applet links in the other program directory would come first in PATH (sbin before bin) or hide the program. */
    private void replaceShadowedApplets() {
        SortedSet<String> programs = new TreeSet<>();
        for (EntryPath p : owners.keySet()) {
            if (PROGRAM_DIRS.contains(p.parent().value())) {
                programs.add(p.name());
            }
        }
        for (String dir : PROGRAM_DIRS) {
            for (String name : programs) {
                EntryPath p = new EntryPath(dir + "/" + name);
                Optional<Entry> e = tree.get(p);
                if (e.isPresent() && !owners.containsKey(p) && isApplet(e.get())) {
                    tree.remove(p);
                    replaced.add(name);
                }
            }
        }
    }

    private boolean isApplet(Entry e) {
        if (busybox == null || !(e instanceof Entry.Symlink s)) {
            return false;
        }
        EntryPath target = s.target().startsWith("/") ? EntryPath.of(s.target())
                : MergedUsr.resolve(e.path().parent(), s.target());
        return target != null && MergedUsr.map(target).equals(busybox);
    }

    private void runtimeFiles() throws BootImageException {
        // util-linux and e2fsprogs read the mount table from /etc/mtab; systemd-less Debian links it like this.
        put(new Entry.Symlink(EntryPath.of("etc/mtab"), "../proc/self/mounts", 0, 0));
        StringBuilder group = new StringBuilder("root:x:0:\n");
        groups.forEach((gid, name) -> group.append(name).append(":x:").append(gid).append(":\n"));
        put(new Entry.RegularFile(EntryPath.of("etc/group"), 0644, 0, 0, BytesContent.utf8(group.toString())));
        put(new Entry.RegularFile(EntryPath.of("etc/passwd"), 0644, 0, 0,
                BytesContent.utf8("root:x:0:0:root:/root:/bin/sh\n")));
    }

    private void put(Entry e) throws BootImageException {
        if (!tree.contains(e.path())) {
            tree.put(e);
        }
    }
}
