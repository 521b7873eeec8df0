package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.util.List;

/** Writes the type L and type M path tables (ECMA-119 §9.4) of one directory tree. */
final class PathTableWriter {
    private static final byte[] ROOT_ID = {0};

    private PathTableWriter() {
    }

    static long size(List<Node> directories, int tree) {
        long size = 0;
        for (Node d : directories) {
            size += record(d, tree).length();
        }
        return size;
    }

    static PathTableRecord record(Node d, int tree) {
        byte[] id = d.parent == null ? ROOT_ID : d.identifier(tree);
        int parent = d.parent == null ? 1 : d.parent.dirNumber[tree];
        return new PathTableRecord(id, d.dirLba[tree], parent);
    }

    /** Writes the table padded to whole sectors. */
    static void write(List<Node> directories, int tree, ByteOrder order, OutputStream out) throws IOException {
        long written = 0;
        for (Node d : directories) {
            byte[] b = record(d, tree).encode(order);
            out.write(b);
            written += b.length;
        }
        out.write(new byte[(int) (IsoBytes.sectors(written) * IsoBytes.SECTOR - written)]);
    }
}
