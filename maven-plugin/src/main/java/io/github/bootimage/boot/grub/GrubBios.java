package io.github.bootimage.boot.grub;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * GRUB for BIOS on an ISO, as grub-mkrescue makes it, but from Java and reproducible: the El Torito boot file,
 * the MBR code for the hybrid disk boot, and the files GRUB loads at run time from {@code /boot/grub/i386-pc/}.
 *
 * @param eltorito     {@code /boot/grub/i386-pc/eltorito.img}, the El Torito BIOS boot file
 * @param bootHybrid   boot_hybrid.img, GRUB's MBR code for the hybrid disk boot (512 bytes)
 * @param runtimeFiles what goes to {@code /boot/grub/i386-pc/} besides eltorito.img, by name
 * @param version      GRUB's version in normal.mod, if it says one
 */
public record GrubBios(byte[] eltorito, byte[] bootHybrid, SortedMap<String, byte[]> runtimeFiles,
        Optional<String> version) {
    /**
     * Built into the core: the BIOS disk driver and ISO 9660 to read the medium, search for the early config.
     * Everything else (normal.mod first) is loaded from the prefix.
     */
    public static final List<String> CORE_MODULES = List.of("biosdisk", "iso9660", "search");
    public static final String PREFIX = "/boot/grub";
    /**
     * Run by GRUB's rescue parser (plain commands, no {@code if}): find our medium by {@code /.disk/info} as
     * Debian's signed CD GRUB does; when that fails, root stays the boot device, which is our medium too.
     */
    public static final String EARLY_CONFIG = "search --no-floppy --file --set=root /.disk/info\n"
            + "set prefix=($root)/boot/grub\n";
    private static final int BOOT_HYBRID_SIZE = 512;

    public static GrubBios build(GrubPcFiles files) throws BootImageException {
        byte[] hybrid = files.get("boot_hybrid.img");
        if (hybrid.length != BOOT_HYBRID_SIZE || (hybrid[510] & 0xFF) != 0x55 || (hybrid[511] & 0xFF) != 0xAA) {
            throw new BootImageException("boot_hybrid.img is not GRUB's hybrid MBR (512 bytes ending in 55 aa); "
                    + "give Debian's grub-pc-bin");
        }
        return new GrubBios(CoreImage.eltorito(files, CORE_MODULES, EARLY_CONFIG, PREFIX), hybrid,
                files.runtimeFiles(), files.version());
    }

    /**
     * A note when the UEFI GRUB is another GRUB version than this BIOS GRUB: both read the same grub.cfg, and a
     * command or option one has may be missing in the other. Empty when they match or nothing can be told.
     */
    public static Optional<String> versionMismatch(GrubPcFiles files, Path uefiGrub) throws BootImageException {
        Optional<String> version = files.version();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        byte[] efi;
        try {
            efi = Files.readAllBytes(uefiGrub);
        } catch (IOException e) {
            throw new BootImageException("Cannot read the UEFI GRUB " + uefiGrub + ": " + e.getMessage(), e);
        }
        if (GrubPcFiles.carries(efi, version.get())) {
            return Optional.empty();
        }
        return Optional.of("The BIOS GRUB (grubPc) is GRUB " + version.get() + ", but the UEFI GRUB " + uefiGrub
                .getFileName() + " is not" + GrubPcFiles.versionIn(efi).map(v -> " (it says " + v + ")").orElse("")
                + ". Both read /boot/grub/grub.cfg; pin grub-pc-bin and grub-efi-amd64-signed to the same GRUB "
                + "version (e.g. <deb>grub-pc-bin=2.06-13+deb12u2</deb>) so the menu behaves the same on BIOS and UEFI.");
    }

    public byte[] eltorito() {
        return eltorito.clone();
    }

    public byte[] bootHybrid() {
        return bootHybrid.clone();
    }
}
