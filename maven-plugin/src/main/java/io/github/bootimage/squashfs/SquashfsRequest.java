package io.github.bootimage.squashfs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.FileTree;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a squashfs image is made from. {@code epoch} is the one time in the image (mkfs_time and every
 * inode's mtime), so equal requests give equal bytes.
 *
 * @param blockSize data block size, a power of two from 4 KiB to 1 MiB (mksquashfs -b); 128 KiB by default
 */
public record SquashfsRequest(FileTree tree, Instant epoch, SquashfsCompression compression, int blockSize) {
    public static final int DEFAULT_BLOCK_SIZE = 128 * 1024;

    public SquashfsRequest {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(compression, "compression");
    }

    public static SquashfsRequest of(FileTree tree, Instant epoch) {
        return new SquashfsRequest(tree, epoch, SquashfsCompression.ZSTD, DEFAULT_BLOCK_SIZE);
    }

    public SquashfsRequest withCompression(SquashfsCompression c) {
        return new SquashfsRequest(tree, epoch, c, blockSize);
    }

    public SquashfsRequest withBlockSize(int size) {
        return new SquashfsRequest(tree, epoch, compression, size);
    }

    /** Checks the values before any I/O. */
    public void validate() throws BootImageException {
        if (blockSize < 4096 || blockSize > 1 << 20 || Integer.bitCount(blockSize) != 1) {
            throw new BootImageException("Invalid squashfs block size " + blockSize + ": use a power of two from"
                    + " 4096 to 1048576 (mksquashfs -b), e.g. 131072.");
        }
        long seconds = epoch.getEpochSecond();
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new BootImageException("The build time " + epoch + " cannot be stored in squashfs (unsigned 32-bit"
                    + " seconds, 1970 to 2106). Set project.build.outputTimestamp or SOURCE_DATE_EPOCH in that range.");
        }
    }
}
