/**
 * A FAT12/16/32 image writer for the EFI system partition image of a bootable ISO.
 *
 * <p>Specifications: Microsoft "FAT: General Overview of On-Disk Format" version 1.03 (fatgen103, 2000):
 * §3 boot sector and BPB, §3.5 FAT type by cluster count, §4 the FAT, §5 FSInfo (FAT32), §6 directory
 * entries and DOS date/time, §7 long names (VFAT: LFN entries, checksum, short-name generation with numeric
 * tails). UEFI 2.10 §13.3 (FAT variants accepted for the EFI system partition).
 *
 * <p>Deterministic by construction: dates come from one {@code Instant epoch} (UTC), the volume serial from
 * a seed, clusters are allocated contiguously in the tree's bytewise path order, short names are derived
 * from the sorted names of each directory.
 */
package io.github.bootimage.fat;
