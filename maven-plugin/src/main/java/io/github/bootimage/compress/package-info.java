/**
 * Kernel-compatible compressors for the initramfs, each giving the same bytes on any JDK, host and thread
 * count.
 *
 * <p>Specs: RFC 1951 (DEFLATE) and RFC 1952 (gzip member); The .xz File Format 1.2.1 (stream header, blocks,
 * index, footer; the kernel's xz_dec accepts several blocks and the CRC32 check); the LZMA-alone header of
 * xz-utils; RFC 8878 (Zstandard); the LZ4 legacy frame (lz4 {@code doc/lz4_Frame_format.md}, "Legacy frame");
 * bzip2 as in Commons Compress. Kernel side: {@code lib/decompress_*.c}, {@code usr/Kconfig}.
 */
package io.github.bootimage.compress;
