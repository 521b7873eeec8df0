/**
 * The Master Boot Record: 440 bytes of boot code, the disk signature at 440, four 16-byte partition entries
 * at 446 and the signature 0x55 0xAA at 510 (UEFI 2.10 §5.2.1 "Legacy Master Boot Record"; the CHS fields
 * as libisofs/xorriso fill them for 64 heads and 32 sectors per track).
 */
package io.github.bootimage.partition.mbr;
