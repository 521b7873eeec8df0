package io.github.bootimage.squashfs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 96-byte superblock at offset 0 ({@code struct squashfs_super_block}; squashfs.rst "Superblock"). Table
 * starts are absolute byte offsets; {@code rootInode} is an inode reference.
 */
record Superblock(int inodes, long mkfsTime, int blockSize, int fragments, int compression, int flags, int ids,
        long rootInode, long bytesUsed, long idTableStart, long xattrIdTableStart, long inodeTableStart,
        long directoryTableStart, long fragmentTableStart, long lookupTableStart) {

    static final int SIZE = 96;
    static final int MAGIC = 0x73717368;
    static final long NO_TABLE = -1L;

    /** Inodes and data are compressed; the bits say what the writer did, the kernel reads none of them. */
    static final int ALWAYS_FRAGMENTS = 1 << 5;
    static final int DUPLICATES = 1 << 6;
    static final int EXPORTABLE = 1 << 7;
    static final int NO_XATTRS = 1 << 9;
    static final int COMPRESSOR_OPTIONS = 1 << 10;

    byte[] encode() {
        LittleEndian le = new LittleEndian(SIZE);
        le.putInt("magic", MAGIC)
                .putInt("inodes", inodes)
                .putInt("mkfs_time", mkfsTime)
                .putInt("block_size", blockSize)
                .putInt("fragments", fragments)
                .putShort("compression", compression)
                .putShort("block_log", Integer.numberOfTrailingZeros(blockSize))
                .putShort("flags", flags)
                .putShort("no_ids", ids)
                .putShort("s_major", 4)
                .putShort("s_minor", 0)
                .putLong(rootInode)
                .putLong(bytesUsed)
                .putLong(idTableStart)
                .putLong(xattrIdTableStart)
                .putLong(inodeTableStart)
                .putLong(directoryTableStart)
                .putLong(fragmentTableStart)
                .putLong(lookupTableStart);
        return le.bytes();
    }

    static Superblock decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a squashfs superblock (magic hsqs)");
        }
        int inodes = b.getInt();
        long mkfsTime = Integer.toUnsignedLong(b.getInt());
        int blockSize = b.getInt();
        int fragments = b.getInt();
        int compression = Short.toUnsignedInt(b.getShort());
        b.getShort();
        int flags = Short.toUnsignedInt(b.getShort());
        int ids = Short.toUnsignedInt(b.getShort());
        b.getInt();
        return new Superblock(inodes, mkfsTime, blockSize, fragments, compression, flags, ids, b.getLong(),
                b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }
}
