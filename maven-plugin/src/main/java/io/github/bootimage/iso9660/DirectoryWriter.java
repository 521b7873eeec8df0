package io.github.bootimage.iso9660;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the extent of one directory (ECMA-119 §6.8.1): ".", "..", then the children in identifier order
 * (§9.3), one record per extent of a multi-extent file (§6.5.1, flag bit 7 on all but the last). A record
 * never crosses a sector (§6.8.1.1); the rest of the sector is zero.
 */
final class DirectoryWriter {
    private DirectoryWriter() {
    }

    /** Size of the directory's extent in bytes, a multiple of the sector size. */
    static long size(Node dir, int tree) {
        List<Integer> lengths = new ArrayList<>();
        lengths.add(DirectoryRecord.length(1, use(dir.selfUse, tree)));
        lengths.add(DirectoryRecord.length(1, use(dir.parentUse, tree)));
        for (Node c : dir.sorted.get(tree)) {
            int len = DirectoryRecord.length(c.identifier(tree).length, use(c.systemUse, tree));
            for (int k = 0; k < c.extents(); k++) {
                lengths.add(len);
            }
        }
        long pos = 0;
        for (int len : lengths) {
            pos = place(pos, len) + len;
        }
        return IsoBytes.sectors(pos) * IsoBytes.SECTOR;
    }

    private static int use(SystemUse su, int tree) {
        return tree == Node.PRIMARY ? su.inlineLength() : 0;
    }

    private static long place(long pos, int len) {
        long inSector = pos % IsoBytes.SECTOR;
        return inSector + len > IsoBytes.SECTOR ? pos - inSector + IsoBytes.SECTOR : pos;
    }

    static void write(Node dir, int tree, Instant epoch, OutputStream out) throws IOException {
        List<DirectoryRecord> records = new ArrayList<>();
        Node parent = dir.parent == null ? dir : dir.parent;
        records.add(directory(dir, tree, DirectoryRecord.SELF, su(dir.selfUse, tree), epoch));
        records.add(directory(parent, tree, DirectoryRecord.PARENT, su(dir.parentUse, tree), epoch));
        for (Node c : dir.sorted.get(tree)) {
            byte[] id = c.identifier(tree);
            byte[] su = su(c.systemUse, tree);
            if (c.isDirectory()) {
                records.add(directory(c, tree, id, su, epoch));
                continue;
            }
            long size = c.size();
            long lba = c.owner.dataLba;
            int extents = c.extents();
            for (int k = 0; k < extents; k++) {
                long part = k + 1 < extents ? Node.MAX_EXTENT : size - k * Node.MAX_EXTENT;
                int flags = k + 1 < extents ? DirectoryRecord.MULTI_EXTENT : 0;
                records.add(new DirectoryRecord(lba + k * (Node.MAX_EXTENT / IsoBytes.SECTOR), part,
                        epoch, flags, id, su));
            }
        }
        long pos = 0;
        for (DirectoryRecord r : records) {
            long at = place(pos, r.length());
            out.write(new byte[(int) (at - pos)]);
            out.write(r.encode());
            pos = at + r.length();
        }
        out.write(new byte[(int) (dir.dirSize[tree] - pos)]);
    }

    private static DirectoryRecord directory(Node d, int tree, byte[] id, byte[] su, Instant epoch) {
        return new DirectoryRecord(d.dirLba[tree], d.dirSize[tree], epoch, DirectoryRecord.DIRECTORY, id, su);
    }

    private static byte[] su(SystemUse use, int tree) {
        return tree == Node.PRIMARY ? use.inlineBytes() : new byte[0];
    }
}
