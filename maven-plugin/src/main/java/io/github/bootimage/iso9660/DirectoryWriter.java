package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import io.github.bootimage.iso9660.rockridge.RockRidge;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes the extent of one directory (ECMA-119 §6.8.1): ".", "..", then the children in identifier order
 * (§9.3), one record per extent of a multi-extent file (§6.5.1, flag bit 7 on all but the last). A record
 * never crosses a sector (§6.8.1.1); the rest of the sector is zero. Records are encoded straight into one
 * sector buffer, a file's Rock Ridge entries with them.
 */
final class DirectoryWriter {
    private final OutputStream out;
    private final byte[] date7 = new byte[7];
    private final Instant epoch;
    private final byte[] sector = new byte[IsoBytes.SECTOR];
    private int used;
    private long written;

    DirectoryWriter(Instant epoch, OutputStream out) {
        this.out = out;
        this.epoch = epoch;
        IsoBytes.putDate7(date7, 0, epoch);
    }

    /** Size of the directory's extent in bytes, a multiple of the sector size. */
    static long size(Node dir, int tree) {
        long pos = place(0, DirectoryRecord.length(1, use(dir.selfUse, tree)));
        pos = place(pos, DirectoryRecord.length(1, use(dir.parentUse, tree)));
        for (Node c : dir.sorted[tree]) {
            int len = DirectoryRecord.length(c.identifier(tree).length, c.systemUseLength(tree));
            for (int k = c.extents(); k > 0; k--) {
                pos = place(pos, len);
            }
        }
        return IsoBytes.sectors(pos) * IsoBytes.SECTOR;
    }

    private static int use(SystemUse su, int tree) {
        return tree == Node.PRIMARY ? su.inlineLength() : 0;
    }

    /** The end of a record of {@code len} bytes put at {@code pos}, moved to the next sector if it would cross. */
    private static long place(long pos, int len) {
        long inSector = pos % IsoBytes.SECTOR;
        return (inSector + len > IsoBytes.SECTOR ? pos - inSector + IsoBytes.SECTOR : pos) + len;
    }

    void write(Node dir, int tree) throws IOException {
        written = 0;
        Node parent = dir.parent == null ? dir : dir.parent;
        directory(dir, tree, DirectoryRecord.SELF, dir.selfUse);
        directory(parent, tree, DirectoryRecord.PARENT, dir.parentUse);
        for (Node c : dir.sorted[tree]) {
            byte[] id = c.identifier(tree);
            if (c.isDirectory()) {
                record(c.dirLba[tree], c.dirSize[tree], DirectoryRecord.DIRECTORY, id, c, tree);
                continue;
            }
            long size = c.size();
            long lba = c.owner.dataLba;
            int extents = c.extents();
            for (int k = 0; k < extents; k++) {
                long part = k + 1 < extents ? Node.MAX_EXTENT : size - k * Node.MAX_EXTENT;
                int flags = k + 1 < extents ? DirectoryRecord.MULTI_EXTENT : 0;
                record(lba + k * (Node.MAX_EXTENT / IsoBytes.SECTOR), part, flags, id, c, tree);
            }
        }
        if (used > 0) {
            flushSector();
        }
        if (written != dir.dirSize[tree]) {
            throw new IllegalStateException("internal error: directory " + dir.entry.path() + " planned with "
                    + dir.dirSize[tree] + " bytes, written " + written);
        }
    }

    private void directory(Node d, int tree, byte[] id, SystemUse use) throws IOException {
        byte[] su = tree == Node.PRIMARY ? use.inlineBytes() : new byte[0];
        int at = start(DirectoryRecord.length(1, su.length));
        int p = DirectoryRecord.encodeFixed(sector, at, d.dirLba[tree], d.dirSize[tree], date7,
                DirectoryRecord.DIRECTORY, id, su.length);
        System.arraycopy(su, 0, sector, p, su.length);
    }

    /** A child's record; its System Use field is encoded in place unless it was packed with continuations. */
    private void record(long extent, long length, int flags, byte[] id, Node c, int tree) throws IOException {
        int suLength = c.systemUseLength(tree);
        int at = start(DirectoryRecord.length(id.length, suLength));
        int p = DirectoryRecord.encodeFixed(sector, at, extent, length, date7, flags, id, suLength);
        if (suLength == 0) {
            return;
        }
        if (c.systemUse != null) {
            byte[] su = c.systemUse.inlineBytes();
            System.arraycopy(su, 0, sector, p, su.length);
            return;
        }
        int end = RockRidge.encode(sector, p, c.owner.entry, c.owner.links, c.owner.ino, epoch, date7,
                c.entry.path().name());
        if (end != p + suLength) {
            throw new IllegalStateException("internal error: Rock Ridge entries of " + c.entry.path() + " planned with "
                    + suLength + " bytes, encoded " + (end - p));
        }
    }

    /** Room for a record of {@code len} bytes in the current sector (a new one if needed); returns its offset. */
    private int start(int len) throws IOException {
        if (used + len > IsoBytes.SECTOR) {
            flushSector();
        }
        int at = used;
        used += len;
        return at;
    }

    private void flushSector() throws IOException {
        out.write(sector);
        Arrays.fill(sector, (byte) 0);
        used = 0;
        written += IsoBytes.SECTOR;
    }
}
