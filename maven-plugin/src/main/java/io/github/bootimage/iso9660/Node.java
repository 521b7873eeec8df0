package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import io.github.bootimage.model.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the tree while the layout is planned: its identifiers, record sizes and LBAs in both
 * namespaces. Filled once by {@link LayoutPlanner} and only read afterwards. A layout holds one node per
 * entry (100,000 for a big tree), so per-file state is kept small: directory-only fields stay null for files,
 * and a file's Rock Ridge entries are only measured here and encoded when its record is written.
 */
final class Node {
    static final int PRIMARY = 0;
    static final int JOLIET = 1;
    /** The largest extent of a multi-extent file: 4 GiB minus one sector, as libisofs cuts them. */
    static final long MAX_EXTENT = 0xFFFF_F800L;
    private static final Node[] NONE = new Node[0];

    final Entry entry;
    final Node parent;
    private final boolean directory;
    /** Children in path order (directories only). */
    final List<Node> children;
    /** The node whose data this record shows: the target of a hard link, else itself. */
    Node owner = this;
    boolean catalog;
    long ino;
    long links = 1;
    long dataLba;
    /** The recorded file identifier of each tree (§9.1.11; UCS-2 for Joliet). */
    final byte[][] ids = new byte[2][];
    /** Children in identifier order, per tree (directories only). */
    final Node[][] sorted;
    final long[] dirLba;
    final long[] dirSize;
    final int[] dirNumber;
    /** Continuation pieces written right after this directory's primary extent. */
    final List<SystemUse.Piece> pieces;
    /** Length of the System Use field of this node's primary record. */
    int suLength;
    /** The packed System Use field when it needs continuation areas; null when it fits the record. */
    SystemUse systemUse;
    SystemUse selfUse = SystemUse.EMPTY;
    SystemUse parentUse = SystemUse.EMPTY;

    Node(Entry entry, Node parent) {
        this.entry = entry;
        this.parent = parent;
        this.directory = entry instanceof Entry.Directory;
        this.children = directory ? new ArrayList<>() : List.of();
        this.sorted = directory ? new Node[][] {NONE, NONE} : null;
        this.dirLba = directory ? new long[2] : null;
        this.dirSize = directory ? new long[2] : null;
        this.dirNumber = directory ? new int[2] : null;
        this.pieces = directory ? new ArrayList<>() : List.of();
    }

    boolean isDirectory() {
        return directory;
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
        return ids[tree];
    }

    /** Length of the System Use field of this node's record in {@code tree} (Joliet records have none). */
    int systemUseLength(int tree) {
        return tree == PRIMARY ? suLength : 0;
    }
}
