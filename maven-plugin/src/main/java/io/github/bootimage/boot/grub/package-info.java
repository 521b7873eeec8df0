/**
 * GRUB for BIOS, assembled in Java the way {@code grub-mkimage -O i386-pc-eltorito} does it (GRUB 2.06,
 * {@code util/mkimage.c}, {@code util/grub-mkimagexx.c}, {@code util/resolve.c}): {@code cdboot.img} (the El
 * Torito loader, 2048 bytes), {@code diskboot.img} (512 bytes; its blocklist says how many sectors follow),
 * {@code lzma_decompress.img} (compressed and uncompressed sizes patched at 0x08 and 0x0c) and the raw LZMA1
 * stream (lc 3, lp 0, pb 2, no end marker) of {@code kernel.img}'s loaded sections followed by the module
 * section ({@code struct grub_module_info32}, then one {@code struct grub_module_header} per module, the
 * embedded config and the prefix; {@code include/grub/kernel.h}). The hybrid disk boot follows xorriso's
 * {@code --grub2-mbr boot_hybrid.img} and {@code --grub2-boot-info}.
 */
package io.github.bootimage.boot.grub;
