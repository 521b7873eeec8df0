package io.github.bootimage.boot;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What goes on a bootable ISO, as host files, before any layout is decided.
 *
 * @param kernel   the bzImage
 * @param initrd   the initramfs
 * @param bios     the BIOS boot loader (ISOLINUX or GRUB), if BIOS boot is wanted
 * @param uefi     shim and GRUB for UEFI boot, if UEFI boot is wanted
 * @param menu     the boot menu (which also says where kernel and initrd go on the image)
 * @param overlay  a directory copied onto the image (such as {@code src/main/iso}), if any
 * @param diskInfo the one line written to {@code /.disk/info}, which Debian's CD GRUB searches for
 */
public record IsoContent(Path kernel, Path initrd, Optional<Bios> bios, Optional<Uefi> uefi, BootMenu menu,
        Optional<Path> overlay, String diskInfo) {

    /** The BIOS boot loader. */
    public sealed interface Bios permits Isolinux, GrubPc {
        /** Whether the image also boots as a disk (the hybrid MBR/GPT). */
        boolean hybrid();
    }

    /** ISOLINUX: the El Torito boot file, its core module, and the isohybrid MBR for USB boot. */
    public record Isolinux(Path isolinuxBin, Path ldlinuxC32, Optional<Path> isohybridMbr) implements Bios {
        @Override
        public boolean hybrid() {
            return isohybridMbr.isPresent();
        }
    }

    /**
     * GRUB for BIOS, from GRUB's i386-pc files (Debian's grub-pc-bin .deb, see
     * {@link io.github.bootimage.boot.grub.GrubPcFiles}); {@code hybrid} puts its boot_hybrid.img in the MBR.
     */
    public record GrubPc(Path archive, boolean hybrid) implements Bios {
    }

    /** The UEFI chain: shim as {@code BOOTX64.EFI}, GRUB as {@code grubx64.efi} (the name shim loads). */
    public record Uefi(Path shim, Path grub) {
    }

    public IsoContent {
        if (bios.isEmpty() && uefi.isEmpty()) {
            throw new IllegalArgumentException("an ISO needs BIOS or UEFI boot (or both)");
        }
        if (diskInfo.contains("\n")) {
            throw new IllegalArgumentException("/.disk/info is one line");
        }
    }
}
