package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.eltorito.BootInfoTable;
import io.github.bootimage.model.EntryPath;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The planned image: every LBA and size, decided before the first byte is written (phase 1 of
 * {@link IsoImageWriter}). Sector order: system area (0-15), volume descriptors (PVD, El Torito boot
 * record, Joliet SVD, terminator), path tables (L and M, primary then Joliet), boot catalog, primary
 * directories (each followed by the Rock Ridge continuation areas of its records), Joliet directories
 * (both in path table order), file data in bytewise path order.
 */
final class Layout implements IsoLayout {
    static final long PVD_LBA = 16;

    final IsoImageRequest request;
    final Node root;
    /** Directories of each tree in path table order. */
    final List<List<Node>> directories;
    final long bootRecordLba;
    final long jolietLba;
    final long terminatorLba;
    final long[] pathTableL;
    final long[] pathTableM;
    final long[] pathTableSize;
    final long catalogLba;
    /** Nodes that own file data, in data order. */
    final List<Node> files;
    final Map<Node, BootInfoTable> bootInfo;
    private final Map<EntryPath, Node> byPath;
    private final long volumeSectors;

    Layout(LayoutPlanner p) {
        this.request = p.request;
        this.root = p.root;
        this.directories = List.copyOf(p.directories);
        this.bootRecordLba = p.bootRecordLba;
        this.jolietLba = p.jolietLba;
        this.terminatorLba = p.terminatorLba;
        this.pathTableL = p.pathTableL.clone();
        this.pathTableM = p.pathTableM.clone();
        this.pathTableSize = p.pathTableSize.clone();
        this.catalogLba = p.catalogLba;
        // views, not copies: the planner is dropped, and a copy of 100,000 entries costs time and memory
        this.files = Collections.unmodifiableList(p.files);
        this.bootInfo = Map.copyOf(p.bootInfo);
        this.byPath = Collections.unmodifiableMap(p.byPath);
        this.volumeSectors = p.volumeSectors;
    }

    @Override
    public long volumeSectors() {
        return volumeSectors;
    }

    @Override
    public long extentOf(EntryPath file) {
        return node(file).owner.dataLba;
    }

    @Override
    public long sizeOf(EntryPath file) {
        return node(file).size();
    }

    @Override
    public long bootCatalogLba() {
        return catalogLba;
    }

    private Node node(EntryPath file) {
        Node n = byPath.get(file);
        if (n == null || n.isDirectory()) {
            throw new IllegalArgumentException("no file " + file + " in the ISO image");
        }
        return n;
    }
}
