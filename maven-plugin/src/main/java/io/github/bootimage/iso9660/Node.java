package io.github.bootimage.iso9660;

import io.github.bootimage.model.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the tree while the layout is planned: its names, record contents and LBAs in both
 * namespaces. Filled once by {@link LayoutPlanner} and only read afterwards.
 */
final class Node {
    static final int PRIMARY = 0;
    static final int JOLIET = 1;
    /** The largest extent of a multi-extent file: 4 GiB minus one sector, as libisofs cuts them. */
    static final long MAX_EXTENT = 0xFFFF_F800L;

    final Entry entry;
    final Node parent;
    final List<Node> children = new ArrayList<>();
    /** The node whose data this record shows: the target of a hard link, else itself. */
    Node owner = this;
    boolean catalog;
    long ino;
    long links = 1;
    long dataLba;
    final String[] names = new String[2];
    final List<List<Node>> sorted = new ArrayList<>(List.of(List.of(), List.of()));
    final long[] dirLba = new long[2];
    final long[] dirSize = new long[2];
    final int[] dirNumber = new int[2];
    /** Continuation pieces written right after this directory's primary extent. */
    final List<SystemUse.Piece> pieces = new ArrayList<>();
    SystemUse systemUse = SystemUse.EMPTY;
    SystemUse selfUse = SystemUse.EMPTY;
    SystemUse parentUse = SystemUse.EMPTY;

    Node(Entry entry, Node parent) {
        this.entry = entry;
        this.parent = parent;
    }

    boolean isDirectory() {
        return entry instanceof Entry.Directory;
    }

    /** Data bytes of the record: files (through hard links) only; symlinks and devices have none. */
    long size() {
        if (owner.catalog) {
            return IsoBytes.SECTOR;
        }
        return owner.entry instanceof Entry.RegularFile f ? f.content().size() : 0;
    }

    /** Number of directory records of this node: one per extent of at most {@link #MAX_EXTENT} bytes. */
    int extents() {
        return (int) Math.max(1, (size() + MAX_EXTENT - 1) / MAX_EXTENT);
    }

    byte[] identifier(int tree) {
        return tree == PRIMARY ? IsoNames.identifier(names[tree], isDirectory())
                : io.github.bootimage.iso9660.joliet.JolietNames.identifier(names[tree], isDirectory());
    }
}
