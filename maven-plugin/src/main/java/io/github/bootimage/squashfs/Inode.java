package io.github.bootimage.squashfs;

import java.util.List;

/**
 * The inodes of squashfs.rst "Inodes" ({@code squashfs_fs.h}): every one starts with the common header; each
 * record picks the basic layout when its values fit it and the extended one otherwise, as mksquashfs does.
 */
sealed interface Inode permits Inode.Directory, Inode.RegularFile, Inode.Symlink, Inode.Device, Inode.Ipc {
    int DIRECTORY = 1;
    int FILE = 2;
    int SYMLINK = 3;
    int BLOCK_DEVICE = 4;
    int CHAR_DEVICE = 5;
    int FIFO = 6;
    int SOCKET = 7;
    /** Extended type = basic type + 7. */
    int EXTENDED = 7;
    long NO_FRAGMENT = 0xFFFF_FFFFL;
    long NO_XATTR = 0xFFFF_FFFFL;
    /** Bit 24 of a block size: the block is stored uncompressed. */
    int STORED_BLOCK = 1 << 24;

    /** struct squashfs_base_inode without its type: {@code mode} includes the file type bits, as stat gives it. */
    record Header(int mode, int uidIndex, int gidIndex, long mtime, int number) {
        void encode(int type, LittleEndian le) {
            le.putShort("inode_type", type).putShort("mode", mode).putShort("uid", uidIndex)
                    .putShort("guid", gidIndex).putInt("mtime", mtime).putInt("inode_number", number);
        }
    }

    /** The basic type, the one directory entries carry. */
    int basicType();

    Header header();

    byte[] encode();

    /** {@code fileSize} is the listing's size + 3 (the "." and ".." the kernel makes up). */
    record Directory(Header header, long startBlock, int nlink, long fileSize, int offset, int parent,
            List<DirectoryIndex> index) implements Inode {
        @Override
        public int basicType() {
            return DIRECTORY;
        }

        @Override
        public byte[] encode() {
            if (fileSize <= 0xFFFF && index.isEmpty()) {
                LittleEndian le = new LittleEndian(32);
                header.encode(DIRECTORY, le);
                le.putInt("start_block", startBlock).putInt("nlink", nlink).putShort("file_size", fileSize)
                        .putShort("offset", offset).putInt("parent_inode", parent);
                return le.bytes();
            }
            int size = 40;
            for (DirectoryIndex i : index) {
                size += 12 + i.name().length;
            }
            LittleEndian le = new LittleEndian(size);
            header.encode(DIRECTORY + EXTENDED, le);
            le.putInt("nlink", nlink).putInt("file_size", fileSize).putInt("start_block", startBlock)
                    .putInt("parent_inode", parent).putShort("i_count", index.size()).putShort("offset", offset)
                    .putInt("xattr", NO_XATTR);
            for (DirectoryIndex i : index) {
                le.putInt("index", i.index()).putInt("start_block", i.startBlock())
                        .putInt("size", i.name().length - 1).put(i.name());
            }
            return le.bytes();
        }
    }

    /** struct squashfs_dir_index: where a directory header starts and the first name it lists. */
    record DirectoryIndex(long index, long startBlock, byte[] name) {
    }

    /** {@code blocks} are the stored sizes (0 = a hole of zeros); the tail is in {@code fragment} if it has one. */
    record RegularFile(Header header, long startBlock, long fileSize, long sparse, int nlink, long fragment,
            long offset, int[] blocks) implements Inode {
        @Override
        public int basicType() {
            return FILE;
        }

        @Override
        public byte[] encode() {
            boolean basic = startBlock <= 0xFFFF_FFFFL && fileSize <= 0xFFFF_FFFFL && sparse == 0 && nlink == 1;
            LittleEndian le = new LittleEndian((basic ? 32 : 56) + 4 * blocks.length);
            if (basic) {
                header.encode(FILE, le);
                le.putInt("start_block", startBlock).putInt("fragment", fragment).putInt("offset", offset)
                        .putInt("file_size", fileSize);
            } else {
                header.encode(FILE + EXTENDED, le);
                le.putLong(startBlock).putLong(fileSize).putLong(sparse).putInt("nlink", nlink)
                        .putInt("fragment", fragment).putInt("offset", offset).putInt("xattr", NO_XATTR);
            }
            for (int b : blocks) {
                le.putInt("block_list", Integer.toUnsignedLong(b));
            }
            return le.bytes();
        }
    }

    record Symlink(Header header, int nlink, byte[] target) implements Inode {
        @Override
        public int basicType() {
            return SYMLINK;
        }

        @Override
        public byte[] encode() {
            LittleEndian le = new LittleEndian(24 + target.length);
            header.encode(SYMLINK, le);
            return le.putInt("nlink", nlink).putInt("symlink_size", target.length).put(target).bytes();
        }
    }

    /** {@code rdev} as the kernel's new_encode_dev packs major and minor. */
    record Device(Header header, boolean block, int nlink, int major, int minor) implements Inode {
        @Override
        public int basicType() {
            return block ? BLOCK_DEVICE : CHAR_DEVICE;
        }

        @Override
        public byte[] encode() {
            if (major > 0xFFF || minor > 0xFFFFF) {
                throw new IllegalArgumentException("device " + major + ":" + minor
                        + " does not fit Linux's 12-bit major and 20-bit minor");
            }
            long rdev = (minor & 0xFF) | (long) major << 8 | (long) (minor & ~0xFF) << 12;
            LittleEndian le = new LittleEndian(24);
            header.encode(basicType(), le);
            return le.putInt("nlink", nlink).putInt("rdev", rdev).bytes();
        }
    }

    /** A FIFO or a socket. */
    record Ipc(Header header, boolean fifo, int nlink) implements Inode {
        @Override
        public int basicType() {
            return fifo ? FIFO : SOCKET;
        }

        @Override
        public byte[] encode() {
            LittleEndian le = new LittleEndian(20);
            header.encode(basicType(), le);
            return le.putInt("nlink", nlink).bytes();
        }
    }
}
