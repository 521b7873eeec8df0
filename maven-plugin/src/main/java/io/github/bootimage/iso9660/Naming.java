package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.NameMangler;
import io.github.bootimage.iso9660.joliet.JolietNames;
import io.github.bootimage.iso9660.rockridge.RockRidge;
import io.github.bootimage.iso9660.rockridge.SuspEntry;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Part of {@link LayoutPlanner}: the identifiers of both namespaces (ECMA-119 §7.5, §9.3; Joliet) and the sizes of
 * the Rock Ridge System Use fields, which together fix every directory record's length.
 */
final class Naming {
    /** Trees of at least this many entries get their Joliet names on a second thread. */
    static final int PARALLEL_NAMING = 20_000;
    private final IsoImageRequest request;
    private final Map<EntryPath, Node> byPath;
    private final int trees;
    private volatile Throwable jolietFailure;

    Naming(IsoImageRequest request, Map<EntryPath, Node> byPath, int trees) {
        this.request = request;
        this.byPath = byPath;
        this.trees = trees;
    }

    /**
     * Both namespaces' identifiers of every child, sorted per directory (§9.3), and the Rock Ridge sizes. In a big
     * tree the Joliet names are made on a second thread: the trees are independent (each thread writes only its
     * own tree's slots), so the result is the same on any number of cores.
     */
    void name() {
        List<Node> dirs = new ArrayList<>();
        for (Node n : byPath.values()) {
            if (n.isDirectory() && !n.children.isEmpty()) {
                dirs.add(n);
            }
        }
        boolean apart = trees > 1 && byPath.size() >= PARALLEL_NAMING;
        Thread joliet = apart ? startJoliet(dirs) : null;
        for (Node dir : dirs) {
            String[] names = names(dir);
            name(dir.children, names, Node.PRIMARY);
            if (trees > 1 && !apart) {
                name(dir.children, names, Node.JOLIET);
            }
            if (request.rockRidge()) {
                for (int i = 0; i < names.length; i++) {
                    rockRidge(dir.children.get(i), names[i]);
                }
            }
        }
        if (joliet != null) {
            join(joliet);
        }
        if (request.rockRidge()) {
            rockRidgeSelfAndParent();
        }
    }

    private Thread startJoliet(List<Node> dirs) {
        Thread t = new Thread(() -> {
            try {
                for (Node dir : dirs) {
                    name(dir.children, names(dir), Node.JOLIET);
                }
            } catch (RuntimeException | Error e) {
                jolietFailure = e;
            }
        }, "iso-joliet-names");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void join(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (jolietFailure instanceof RuntimeException e) {
            throw e;
        } else if (jolietFailure instanceof Error e) {
            throw e;
        }
    }

    private static String[] names(Node dir) {
        String[] names = new String[dir.children.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = dir.children.get(i).entry.path().name();
        }
        return names;
    }

    private void name(List<Node> children, String[] names, int tree) {
        List<NameMangler.Candidate> candidates = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            boolean dir = children.get(i).isDirectory();
            candidates.add(tree == Node.PRIMARY ? (dir ? IsoNames.directory(names[i]) : IsoNames.file(names[i]))
                    : JolietNames.candidate(names[i], dir));
        }
        List<String> resolved = NameMangler.resolve(candidates);
        Node[] sorted = children.toArray(new Node[0]);
        for (int i = 0; i < sorted.length; i++) {
            boolean dir = sorted[i].isDirectory();
            sorted[i].ids[tree] = tree == Node.PRIMARY ? IsoNames.identifier(resolved.get(i), dir)
                    : JolietNames.identifier(resolved.get(i), dir);
        }
        Arrays.sort(sorted, (a, b) -> Arrays.compareUnsigned(a.ids[tree], b.ids[tree]));
        children.get(0).parent.sorted[tree] = sorted;
    }

    /** Measures a record's Rock Ridge entries; packs them only when they need continuation areas. */
    private void rockRidge(Node n, String name) {
        Entry shown = n.owner.entry;
        int max = 254 - DirectoryRecord.systemUseOffset(n.identifier(Node.PRIMARY).length);
        int length = RockRidge.length(shown, name);
        if (length <= max) {
            n.suLength = length;
        } else {
            n.systemUse = SystemUse.pack(RockRidge.entries(shown, n.owner.links, n.owner.ino, request.epoch(), name),
                    max);
            n.suLength = n.systemUse.inlineLength();
        }
    }

    /** The "." and ".." records of every directory. */
    private void rockRidgeSelfAndParent() {
        for (Node n : byPath.values()) {
            if (n.isDirectory()) {
                int max = 254 - DirectoryRecord.systemUseOffset(1);
                List<SuspEntry> self = new ArrayList<>();
                if (n.parent == null) {
                    self.add(new SuspEntry.SP(0));
                }
                self.addAll(RockRidge.entries(n.entry, n.links, n.ino, request.epoch(), null));
                if (n.parent == null) {
                    self.add(RockRidge.EXTENSION);
                }
                n.selfUse = SystemUse.pack(self, max);
                Node p = n.parent == null ? n : n.parent;
                n.parentUse = SystemUse.pack(RockRidge.entries(p.entry, p.links, p.ino, request.epoch(), null), max);
            }
        }
    }
}
