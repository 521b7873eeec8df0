package io.github.bootimage.fat;

import java.nio.ByteBuffer;
import java.time.Instant;

/** The entries of one directory (fatgen103 §6-§7): dot entries or the volume label, then each child's long and short entries. */
final class DirectoryTable {
    private static final byte[] DOT = dots(1);
    private static final byte[] DOT_DOT = dots(2);

    private DirectoryTable() {
    }

    static byte[] encode(FatNode dir, Instant epoch, String label) {
        DosDateTime when = DosDateTime.of(epoch);
        byte[] table = new byte[Math.toIntExact(dir.directoryBytes())];
        ByteBuffer b = LittleEndian.wrap(table);
        if (dir.path.isRoot()) {
            new DirectoryEntry(VolumeLabel.bytes(label), DirectoryEntry.ATTR_VOLUME_ID, when, 0, 0).encodeTo(b);
        } else {
            new DirectoryEntry(DOT, DirectoryEntry.ATTR_DIRECTORY, when, dir.firstCluster, 0).encodeTo(b);
            // ".." of a directory in the root points at cluster 0, also on FAT32 (fatgen103 §6.6).
            long parent = dir.parent.path.isRoot() ? 0 : dir.parent.firstCluster;
            new DirectoryEntry(DOT_DOT, DirectoryEntry.ATTR_DIRECTORY, when, parent, 0).encodeTo(b);
        }
        for (FatNode child : dir.children) {
            byte[] shortName = child.name.shortName();
            if (child.name.longName() != null) {
                for (LongNameEntry lfn : LongNameEntry.forName(child.name.longName(), shortName)) {
                    lfn.encodeTo(b);
                }
            }
            int attr = child.isDirectory() ? DirectoryEntry.ATTR_DIRECTORY : DirectoryEntry.ATTR_ARCHIVE;
            new DirectoryEntry(shortName, attr, when, child.firstCluster, child.size()).encodeTo(b);
        }
        return table;
    }

    private static byte[] dots(int count) {
        byte[] name = ShortNames.pad("");
        java.util.Arrays.fill(name, 0, count, (byte) '.');
        return name;
    }
}
