package io.github.bootimage.squashfs;

/**
 * Where a file's bytes went: its blocks (the first at {@code start}, the others following it) and its tail in a
 * fragment. Filled in as the pipeline places the blocks; identical files share one.
 */
final class FileData {
    final long size;
    final int[] blocks;
    long start = -1;
    long sparse;
    long fragment = Inode.NO_FRAGMENT;
    long fragmentOffset;

    FileData(long size, int blockSize) {
        this.size = size;
        this.blocks = new int[Math.toIntExact(size / blockSize)];
    }

    /** The inode's start_block: a file of holes or of a fragment only has none, 0 by convention. */
    long startBlock() {
        return start < 0 ? 0 : start;
    }
}
