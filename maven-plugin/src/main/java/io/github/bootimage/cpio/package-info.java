/**
 * Deterministic cpio archives in the "new ASCII" (newc, {@code cpio -H newc}) format, the format the Linux
 * kernel unpacks into the initramfs.
 *
 * <p>Specs: Linux {@code Documentation/driver-api/early-userspace/buffer-format.rst} (newc header, hard links
 * by equal ino with nlink &gt; 1, data stored with the last link, concatenated and compressed segments,
 * zero padding between them); {@code init/initramfs.c} (the unpacker: later entries replace earlier ones);
 * GNU cpio manual, "Options" ({@code -H newc}); libarchive {@code cpio(5)}.
 */
package io.github.bootimage.cpio;
