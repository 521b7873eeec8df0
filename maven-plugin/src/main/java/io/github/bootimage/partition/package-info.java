/**
 * The hybrid (USB) layout of a bootable ISO: the system area (ECMA-119 §6.2.1, the first 32 KiB) holds
 * an isohybrid MBR (SYSLINUX isohdpfx.bin boot code, doc/isolinux.txt "HYBRID CD-ROM/HARD DISK MODE") and
 * a GPT (UEFI 2.10 §5.3) whose backup lies in a trailer after the volume, laid out as
 * {@code xorriso -as mkisofs -isohybrid-mbr isohdpfx.bin -isohybrid-gpt-basdat} does (libisofs
 * doc/boot_sectors.txt). The structures are in {@code mbr} and {@code gpt}.
 */
package io.github.bootimage.partition;
