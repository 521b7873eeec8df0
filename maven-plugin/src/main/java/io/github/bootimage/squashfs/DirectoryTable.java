package io.github.bootimage.squashfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory table (squashfs.rst "Directory table"): each directory's listing is a run of headers (count - 1,
 * the inode metadata block, a base inode number) each followed by up to 256 entries (offset in that block,
 * signed inode number delta, basic type, name length - 1, name). Entries arrive in strcmp order, the order
 * the kernel's lookup stops on. A new header starts when 256 entries are reached, the inode block changes or
 * the delta leaves 16 bits; every header that starts in a new metadata block gets a directory index.
 */
final class DirectoryTable {
    private static final int MAX_ENTRIES = 256;

    private final MetadataWriter meta;

    DirectoryTable(BlockCodec codec) {
        this.meta = new MetadataWriter(codec);
    }

    /** One name in a directory: the inode it points to. */
    record Entry(byte[] name, long inodeReference, int inodeNumber, int type) {
    }

    /** Where a listing starts (block relative to the table, offset), its size and its indexes. */
    record Listing(long startBlock, int offset, long size, List<Inode.DirectoryIndex> index) {
    }

    Listing write(List<Entry> entries) throws IOException {
        long reference = meta.reference();
        long start = meta.uncompressedPosition();
        long lastBlock = start / MetadataWriter.BLOCK_SIZE;
        List<Inode.DirectoryIndex> index = new ArrayList<>();
        for (int i = 0; i < entries.size(); ) {
            Entry first = entries.get(i);
            long inodeBlock = first.inodeReference() >>> 16;
            int end = i + 1;
            while (end < entries.size() && end - i < MAX_ENTRIES
                    && entries.get(end).inodeReference() >>> 16 == inodeBlock
                    && fitsDelta(entries.get(end).inodeNumber() - (long) first.inodeNumber())) {
                end++;
            }
            long at = meta.uncompressedPosition();
            long block = at / MetadataWriter.BLOCK_SIZE;
            if (block != lastBlock) {
                index.add(new Inode.DirectoryIndex(at - start, meta.blockStart(block), first.name()));
                lastBlock = block;
            }
            writeRun(entries.subList(i, end), inodeBlock, first.inodeNumber());
            i = end;
        }
        return new Listing(reference >>> 16, (int) (reference & 0xFFFF), meta.uncompressedPosition() - start, index);
    }

    private static boolean fitsDelta(long delta) {
        return delta >= Short.MIN_VALUE && delta <= Short.MAX_VALUE;
    }

    private void writeRun(List<Entry> run, long inodeBlock, int base) throws IOException {
        int size = 12;
        for (Entry e : run) {
            size += 8 + e.name().length;
        }
        LittleEndian le = new LittleEndian(size);
        le.putInt("count", run.size() - 1).putInt("start_block", inodeBlock).putInt("inode_number", base);
        for (Entry e : run) {
            le.putShort("offset", e.inodeReference() & 0xFFFF)
                    .putShort("inode_number", (e.inodeNumber() - base) & 0xFFFF)
                    .putShort("type", e.type())
                    .putShort("size", e.name().length - 1)
                    .put(e.name());
        }
        meta.write(le.bytes());
    }

    byte[] finish() throws IOException {
        return meta.finish();
    }
}
