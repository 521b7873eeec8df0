package io.github.bootimage.fat;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A planned FAT image: geometry, short names and cluster allocation for a file tree, fixed before a byte
 * is written (phase 1 of 2; {@link FatImageWriter} streams it). Clusters are given contiguously in the
 * tree's bytewise path order, so each file is one run and the FAT is a chain of {@code n -> n+1}.
 */
public final class FatImage {
    private final FatOptions options;
    private final FatGeometry geometry;
    private final List<FatNode> nodes;
    private final long usedClusters;

    private FatImage(FatOptions options, FatGeometry geometry, List<FatNode> nodes) {
        this.options = options;
        this.geometry = geometry;
        this.nodes = nodes;
        long next = 2;
        for (FatNode node : nodes) {
            node.clusters = clustersOf(node, geometry);
            node.firstCluster = node.clusters == 0 ? 0 : next;
            next += node.clusters;
        }
        this.usedClusters = next - 2;
    }

    /** Plans the image for a tree of directories and regular files; throws for anything FAT cannot hold. */
    public static FatImage plan(FileTree tree, FatOptions options) throws BootImageException {
        VolumeLabel.check(options.label());
        List<FatNode> nodes = nodes(tree);
        FatGeometry geometry = options.sizeBytes() == 0 ? FatSizing.smallest(nodes, options.type())
                : FatSizing.fixed(nodes, options.sizeBytes(), options.type());
        return new FatImage(options, geometry, nodes);
    }

    private static List<FatNode> nodes(FileTree tree) throws BootImageException {
        List<FatNode> nodes = new ArrayList<>();
        Map<EntryPath, FatNode> dirs = new HashMap<>();
        for (Entry e : tree.entries()) {
            FatNode node;
            if (e instanceof Entry.Directory) {
                node = new FatNode(e.path(), null);
                dirs.put(e.path(), node);
            } else if (e instanceof Entry.RegularFile f) {
                node = new FatNode(e.path(), f.content());
                if (f.content().size() > 0xFFFF_FFFFL) {
                    throw new BootImageException(e.path() + " is " + f.content().size()
                            + " bytes; a FAT file holds at most 4 GiB - 1. Leave it out of the ESP image.");
                }
            } else {
                throw new BootImageException(e.path() + " is " + describe(e) + "; a FAT (ESP) image holds only "
                        + "directories and regular files. Replace it with a copy of the file, or leave it out.");
            }
            if (!e.path().isRoot()) {
                node.parent = dirs.get(e.path().parent());
                node.parent.children.add(node);
            }
            nodes.add(node);
        }
        for (FatNode dir : dirs.values()) {
            List<String> names = new ArrayList<>();
            dir.children.forEach(c -> names.add(c.path.name()));
            Map<String, ShortNames.Name> assigned = ShortNames.assign(dir.path, names);
            for (FatNode c : dir.children) {
                c.name = assigned.get(c.path.name());
            }
        }
        return nodes;
    }

    private static String describe(Entry e) {
        if (e instanceof Entry.Symlink s) {
            return "a symlink (to " + s.target() + ")";
        }
        return e instanceof Entry.HardLink h ? "a hard link (to " + h.target() + ")" : "a device node";
    }

    /** Clusters a node takes: none for an empty file or the FAT12/16 root, at least one for a directory. */
    static long clustersOf(FatNode node, FatGeometry g) {
        long bytes;
        if (node.isDirectory()) {
            if (node.path.isRoot() && g.type() != FatType.FAT32) {
                return 0;
            }
            bytes = Math.max(node.directoryBytes(), 1);
        } else {
            bytes = node.size();
        }
        return (bytes + g.clusterBytes() - 1) / g.clusterBytes();
    }

    public FatGeometry geometry() {
        return geometry;
    }

    public FatType type() {
        return geometry.type();
    }

    public long sizeBytes() {
        return geometry.sizeBytes();
    }

    /** Data clusters in use; the rest are free. */
    public long usedClusters() {
        return usedClusters;
    }

    FatOptions options() {
        return options;
    }

    List<FatNode> nodes() {
        return nodes;
    }
}
