package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.eltorito.BootEntry;
import io.github.bootimage.iso9660.eltorito.BootInfoTable;
import io.github.bootimage.iso9660.encoding.IsoBytes;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 1: turns a request into a {@link Layout}. Sizes come first (names, records, System Use fields,
 * directory extents do not depend on LBAs), then LBAs are handed out in one deterministic sweep.
 */
final class LayoutPlanner {
    final IsoImageRequest request;
    final Map<EntryPath, Node> byPath;
    final List<List<Node>> directories = new ArrayList<>();
    final long[] pathTableL = new long[2];
    final long[] pathTableM = new long[2];
    final long[] pathTableSize = new long[2];
    final List<Node> files = new ArrayList<>();
    final Map<Node, BootInfoTable> bootInfo = new HashMap<>();
    Node root;
    long bootRecordLba = -1;
    long jolietLba = -1;
    long terminatorLba;
    long catalogLba = -1;
    long volumeSectors;
    private final int trees;

    private LayoutPlanner(IsoImageRequest request) {
        this.request = request;
        this.trees = request.joliet() ? 2 : 1;
        this.byPath = new LinkedHashMap<>(request.tree().size() * 4 / 3 + 16);
    }

    static Layout plan(IsoImageRequest request) throws BootImageException {
        request.validate();
        LayoutPlanner p = new LayoutPlanner(request);
        p.buildNodes();
        new NodeLinker(p.byPath, request).link();
        new Naming(request, p.byPath, p.trees).name();
        p.allocate();
        p.bootInfoTables();
        return new Layout(p);
    }

    private void buildNodes() {
        ArrayDeque<Node> open = new ArrayDeque<>();
        for (Entry e : request.tree().entries()) {
            Node parent = e.path().isRoot() ? null : parentOf(e.path(), open);
            Node n = new Node(e, parent);
            if (parent != null) {
                parent.children.add(n);
            } else {
                root = n;
            }
            byPath.put(e.path(), n);
            if (n.isDirectory()) {
                open.push(n);
            }
        }
    }

    /**
     * Entries come in bytewise path order, so the parent of an entry is almost always on the stack of directories
     * opened before it (no new path and no hash lookup per entry); the map answers the rest ("a", "a-b", "a/x").
     */
    private Node parentOf(EntryPath path, ArrayDeque<Node> open) {
        String p = path.value();
        while (!open.isEmpty()) {
            String d = open.peek().entry.path().value();
            if (d.isEmpty() || p.length() > d.length() && p.charAt(d.length()) == '/' && p.startsWith(d)) {
                if (p.indexOf('/', d.isEmpty() ? 0 : d.length() + 1) < 0) {
                    return open.peek();
                }
                break;
            }
            open.pop();
        }
        return byPath.get(path.parent());
    }

    private void allocate() throws BootImageException {
        long lba = Layout.PVD_LBA + 1;
        if (request.elTorito().isPresent()) {
            bootRecordLba = lba++;
        }
        if (request.joliet()) {
            jolietLba = lba++;
        }
        terminatorLba = lba++;
        for (int t = 0; t < trees; t++) {
            directories.add(breadthFirst(t));
            pathTableSize[t] = PathTableWriter.size(directories.get(t), t);
            pathTableL[t] = lba;
            lba += IsoBytes.sectors(pathTableSize[t]);
            pathTableM[t] = lba;
            lba += IsoBytes.sectors(pathTableSize[t]);
        }
        if (request.elTorito().isPresent()) {
            catalogLba = lba++;
        }
        for (int t = 0; t < trees; t++) {
            for (Node dir : directories.get(t)) {
                dir.dirLba[t] = lba;
                dir.dirSize[t] = DirectoryWriter.size(dir, t);
                lba += dir.dirSize[t] / IsoBytes.SECTOR;
                if (t == Node.PRIMARY) {
                    lba = placeContinuations(dir, lba);
                }
            }
        }
        for (Node n : byPath.values()) {
            if (n.catalog) {
                n.dataLba = catalogLba;
            } else if (!n.isDirectory() && n.size() == 0) {
                // Like libisofs: empty files, links and devices point at the start of the data area. libarchive
                // refuses a Rock Ridge CE that does not lie before the record's extent, so LBA 0 would lose them.
                n.dataLba = lba;
            } else if (n.owner == n && n.entry instanceof Entry.RegularFile f) {
                n.dataLba = lba;
                lba += IsoBytes.sectors(f.content().size());
                files.add(n);
            }
        }
        volumeSectors = lba;
        if (volumeSectors > 0xFFFF_FFFFL) {
            throw new BootImageException("The ISO image would have " + volumeSectors + " sectors, more than ISO 9660 "
                    + "can address (2^32). Make the payload smaller.");
        }
    }

    /** Directories in path table order (ECMA-119 §9.4: by level, then parent, then identifier). */
    private List<Node> breadthFirst(int tree) {
        List<Node> order = new ArrayList<>();
        ArrayDeque<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node dir = queue.removeFirst();
            order.add(dir);
            dir.dirNumber[tree] = order.size();
            for (Node c : dir.sorted[tree]) {
                if (c.isDirectory()) {
                    queue.addLast(c);
                }
            }
        }
        return order;
    }

    /**
     * Packs the continuation pieces of a directory's records into the sectors right after its extent, as
     * libisofs does: libarchive reads a CE area only when it lies where the directory's extent ends.
     * A piece never crosses a sector (SUSP §5.1).
     */
    private long placeContinuations(Node dir, long start) {
        long lba = start;
        int offset = 0;
        List<SystemUse> uses = new ArrayList<>(List.of(dir.selfUse, dir.parentUse));
        for (Node c : dir.sorted[Node.PRIMARY]) {
            if (c.systemUse != null) {
                uses.add(c.systemUse);
            }
        }
        for (SystemUse use : uses) {
            for (SystemUse.Piece piece : use.pieces()) {
                if (offset + piece.length > IsoBytes.SECTOR) {
                    lba++;
                    offset = 0;
                }
                piece.lba = lba;
                piece.offset = offset;
                offset += piece.length;
                dir.pieces.add(piece);
            }
        }
        return offset == 0 ? lba : lba + 1;
    }

    private void bootInfoTables() throws BootImageException {
        if (request.elTorito().isEmpty()) {
            return;
        }
        for (BootEntry e : request.elTorito().get().entries()) {
            Node n = byPath.get(e.image()).owner;
            if (e.bootInfoTable()) {
                Entry.RegularFile f = (Entry.RegularFile) n.entry;
                int sum = BootInfoTable.checksum(f.content(), e.image().toString(), e.grub2BootInfo() ? n.dataLba : -1);
                bootInfo.put(n, new BootInfoTable(Layout.PVD_LBA, n.dataLba, f.content().size(), sum, e.grub2BootInfo()));
            }
        }
    }

    /** Content standing in for the boot catalog file in the tree; its bytes come from the catalog writer. */
    static final BytesContent CATALOG_PLACEHOLDER = new BytesContent(new byte[0]);
}
