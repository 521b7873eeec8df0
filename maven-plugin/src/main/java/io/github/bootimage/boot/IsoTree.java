package io.github.bootimage.boot;

import io.github.bootimage.BootImageException;
import io.github.bootimage.boot.grub.GrubBios;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.model.Overlay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lays out the files of a bootable ISO the way ISOLINUX and Debian's CD GRUB expect them. The user's
 * overlay is copied first; its {@code isolinux.cfg} or {@code grub.cfg} wins over the generated one, but it
 * may not shadow a boot file.
 */
public final class IsoTree {
    public static final EntryPath ISOLINUX_BIN = EntryPath.of("isolinux/isolinux.bin");
    public static final EntryPath LDLINUX_C32 = EntryPath.of("isolinux/ldlinux.c32");
    public static final EntryPath ISOLINUX_CFG = EntryPath.of("isolinux/isolinux.cfg");
    public static final EntryPath BOOT_CATALOG = EntryPath.of("boot/boot.cat");
    public static final EntryPath GRUB_CFG = EntryPath.of("boot/grub/grub.cfg");
    public static final EntryPath EFI_IMAGE = EntryPath.of("boot/grub/efi.img");
    public static final EntryPath DISK_INFO = EntryPath.of(".disk/info");
    /** Where GRUB for BIOS loads its modules from ({@code $prefix/i386-pc}), as grub-mkrescue lays it out. */
    public static final EntryPath GRUB_PC_DIR = EntryPath.of("boot/grub/i386-pc");
    public static final EntryPath GRUB_ELTORITO = GRUB_PC_DIR.resolve("eltorito.img");
    /** Where shim and GRUB live inside the ESP image (UEFI spec §3.5.1.1, removable media boot path). */
    public static final EntryPath ESP_SHIM = EntryPath.of("EFI/BOOT/BOOTX64.EFI");
    public static final EntryPath ESP_GRUB = EntryPath.of("EFI/BOOT/grubx64.efi");

    private IsoTree() {
    }

    /**
     * The ISO's tree without the ESP image; the caller adds {@link #EFI_IMAGE} after writing the FAT image
     * from {@link #espTree}, because its size is only known then.
     */
    public static FileTree isoTree(IsoContent c) throws BootImageException {
        return isoTree(c, null);
    }

    /** The same, with BIOS GRUB's files when {@code c}'s BIOS loader is {@link IsoContent.GrubPc}. */
    public static FileTree isoTree(IsoContent c, GrubBios grub) throws BootImageException {
        if (c.bios().orElse(null) instanceof IsoContent.GrubPc != (grub != null)) {
            throw new IllegalArgumentException("BIOS GRUB files are needed exactly when the BIOS loader is GRUB");
        }
        checkBootFiles(c);
        FileTree tree = new FileTree();
        if (c.overlay().isPresent()) {
            Overlay.copy(c.overlay().get(), EntryPath.ROOT, tree);
        }
        Map<EntryPath, String> bootFiles = new LinkedHashMap<>();
        bootFiles.put(EntryPath.of(c.menu().kernel()), "the kernel");
        bootFiles.put(EntryPath.of(c.menu().initrd()), "the initramfs");
        if (c.bios().orElse(null) instanceof IsoContent.Isolinux) {
            bootFiles.put(ISOLINUX_BIN, "ISOLINUX's isolinux.bin");
            bootFiles.put(LDLINUX_C32, "ISOLINUX's ldlinux.c32");
        }
        Map<EntryPath, byte[]> grubFiles = grubFiles(grub);
        grubFiles.keySet().forEach(p -> bootFiles.put(p, "BIOS GRUB's " + p.name()));
        bootFiles.put(BOOT_CATALOG, "the El Torito boot catalog");
        if (c.uefi().isPresent()) {
            bootFiles.put(EFI_IMAGE, "the EFI system partition image");
        }
        for (Map.Entry<EntryPath, String> f : bootFiles.entrySet()) {
            if (tree.contains(f.getKey())) {
                throw new BootImageException("The ISO overlay has " + f.getKey() + ", which would shadow "
                        + f.getValue() + ". Remove or rename it in src/main/iso (or the configured isoDirectory).");
            }
        }
        tree.add(file(EntryPath.of(c.menu().kernel()), c.kernel()));
        tree.add(file(EntryPath.of(c.menu().initrd()), c.initrd()));
        if (c.bios().orElse(null) instanceof IsoContent.Isolinux isolinux) {
            tree.add(file(ISOLINUX_BIN, isolinux.isolinuxBin()));
            tree.add(file(LDLINUX_C32, isolinux.ldlinuxC32()));
            addUnlessPresent(tree, ISOLINUX_CFG, IsolinuxConfig.render(c.menu()));
        }
        for (Map.Entry<EntryPath, byte[]> f : grubFiles.entrySet()) {
            tree.add(new Entry.RegularFile(f.getKey(), 0644, 0, 0, new BytesContent(f.getValue())));
        }
        if (c.uefi().isPresent() || grub != null) {
            addUnlessPresent(tree, GRUB_CFG, GrubConfig.render(c.menu()));
            addUnlessPresent(tree, DISK_INFO, c.diskInfo() + "\n");
        }
        return tree;
    }

    /** The ESP's tree: shim as the removable-media boot loader, GRUB beside it. */
    public static FileTree espTree(IsoContent.Uefi uefi) throws BootImageException {
        FileTree esp = new FileTree();
        esp.add(file(ESP_SHIM, uefi.shim()));
        esp.add(file(ESP_GRUB, uefi.grub()));
        return esp;
    }

    /** eltorito.img and what GRUB loads at run time, under {@link #GRUB_PC_DIR}. */
    private static Map<EntryPath, byte[]> grubFiles(GrubBios grub) {
        Map<EntryPath, byte[]> files = new LinkedHashMap<>();
        if (grub != null) {
            files.put(GRUB_ELTORITO, grub.eltorito());
            grub.runtimeFiles().forEach((name, bytes) -> files.put(GRUB_PC_DIR.resolve(name), bytes));
        }
        return files;
    }

    private static void checkBootFiles(IsoContent c) throws BootImageException {
        BootFileCheck.kernel("The kernel", c.kernel());
        if (c.bios().orElse(null) instanceof IsoContent.Isolinux isolinux) {
            BootFileCheck.isolinux("isolinux.bin", isolinux.isolinuxBin());
            BootFileCheck.syslinuxModule("ldlinux.c32", isolinux.ldlinuxC32());
            if (isolinux.isohybridMbr().isPresent()) {
                BootFileCheck.isohybridMbr("The isohybrid MBR", isolinux.isohybridMbr().get());
            }
        }
        if (c.uefi().isPresent()) {
            BootFileCheck.efiApplication("shim", c.uefi().get().shim());
            BootFileCheck.efiApplication("GRUB", c.uefi().get().grub());
        }
    }

    private static void addUnlessPresent(FileTree tree, EntryPath path, String text) throws BootImageException {
        if (!tree.contains(path)) {
            tree.add(new Entry.RegularFile(path, 0644, 0, 0, BytesContent.utf8(text)));
        }
    }

    private static Entry.RegularFile file(EntryPath path, Path host) throws BootImageException {
        try {
            return new Entry.RegularFile(path, 0644, 0, 0, FileContent.of(host));
        } catch (IOException e) {
            throw new BootImageException("Cannot read " + host + " (for " + path + " on the image): " + e, e);
        }
    }
}
