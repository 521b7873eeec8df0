/**
 * El Torito: bootable CD-ROM format specification 1.0 (Phoenix/IBM, 1995): §2.0 boot record volume
 * descriptor, §2.1 validation entry, §2.2 initial/default entry, §2.4 section header, §2.5 section entry.
 * Platform 0xEF (EFI) comes from UEFI 2.x §13.3.2.1. The boot-info-table is mkisofs's convention, which
 * ISOLINUX requires.
 */
package io.github.bootimage.iso9660.eltorito;
