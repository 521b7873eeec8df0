/**
 * A squashfs 4.0 writer: the compressed read-only root file system of a live medium.
 *
 * <p>Specs: the kernel's {@code Documentation/filesystems/squashfs.rst} and the on-disk structures of
 * {@code fs/squashfs/squashfs_fs.h} (superblock, metadata blocks, inodes, directory headers and indexes,
 * fragment, export and id tables). What the kernel checks when it mounts ({@code fs/squashfs/super.c},
 * {@code id.c}, {@code fragment.c}, {@code export.c}) decides the table order: inodes, directories, fragments,
 * export, ids, each index ending where the next table starts and the id index at {@code bytes_used}.
 * Compressors as the kernel's wrappers read them: zlib streams (RFC 1950) for gzip, .xz streams with a CRC32
 * check and a dictionary no larger than the block, raw LZ4 blocks (options version 1, "legacy"), Zstandard
 * frames whose window fits the block.
 */
package io.github.bootimage.squashfs;
