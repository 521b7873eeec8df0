package io.github.bootimage.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.testing.DebianPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsoTreeTest {
    private static Path kernel;
    private static Path isolinux;
    private static Path ldlinux;
    private static Path isohdpfx;
    private static Path shim;
    private static Path grub;

    @TempDir
    Path dir;

    @BeforeAll
    static void fetchDebianBootFiles() throws Exception {
        kernel = DebianPackages.kernel();
        isolinux = DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isolinux.bin");
        isohdpfx = DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isohdpfx.bin");
        ldlinux = DebianPackages.file("syslinux-common", "usr/lib/syslinux/modules/bios/ldlinux.c32");
        shim = DebianPackages.file("shim-signed", "usr/lib/shim/shimx64.efi.signed");
        grub = DebianPackages.file("grub-efi-amd64-signed", "usr/lib/grub/x86_64-efi-signed/gcdx64.efi.signed");
    }

    @Test
    void laysOutBiosAndUefiBootFiles() throws Exception {
        FileTree tree = IsoTree.isoTree(content(kernel, shim, Optional.empty()));
        assertThat(tree.entries()).extracting(e -> e.path().value()).contains(
                "boot/vmlinuz", "boot/initrd.img", "isolinux/isolinux.bin", "isolinux/ldlinux.c32",
                "isolinux/isolinux.cfg", "boot/grub/grub.cfg", ".disk/info");
        assertThat(text(tree, ".disk/info")).isEqualTo("rescue 1.0\n");
        assertThat(text(tree, "isolinux/isolinux.cfg")).contains("KERNEL /boot/vmlinuz");
        FileTree esp = IsoTree.espTree(new IsoContent.Uefi(shim, grub));
        assertThat(esp.entries()).extracting(e -> e.path().value())
                .containsExactly("", "EFI", "EFI/BOOT", "EFI/BOOT/BOOTX64.EFI", "EFI/BOOT/grubx64.efi");
    }

    @Test
    void usersGrubConfigWinsButBootFilesCannotBeShadowed() throws Exception {
        Path overlay = dir.resolve("iso");
        Files.createDirectories(overlay.resolve("boot/grub"));
        Files.writeString(overlay.resolve("boot/grub/grub.cfg"), "# mine\n");
        FileTree tree = IsoTree.isoTree(content(kernel, shim, Optional.of(overlay)));
        assertThat(text(tree, "boot/grub/grub.cfg")).isEqualTo("# mine\n");

        Files.writeString(overlay.resolve("boot/vmlinuz"), "not a kernel");
        assertThatThrownBy(() -> IsoTree.isoTree(content(kernel, shim, Optional.of(overlay))))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("/boot/vmlinuz").hasMessageContaining("shadow the kernel");
    }

    @Test
    void refusesBootFilesThatAreNotWhatTheyClaim() throws Exception {
        Path initrd = Files.writeString(dir.resolve("initrd"), "070701...");
        assertThatThrownBy(() -> IsoTree.isoTree(content(initrd, shim, Optional.empty())))
                .hasMessageContaining("is not an x86 Linux kernel");
        assertThatThrownBy(() -> IsoTree.isoTree(content(kernel, isolinux, Optional.empty())))
                .hasMessageContaining("shim").hasMessageContaining("not an x86_64 UEFI application");
        assertThatThrownBy(() -> BootFileCheck.isolinux("isolinux.bin", ldlinux))
                .hasMessageContaining("0x7078c0fb");
        assertThatThrownBy(() -> BootFileCheck.syslinuxModule("ldlinux.c32", isolinux))
                .hasMessageContaining("not a syslinux module");
        assertThatThrownBy(() -> BootFileCheck.isohybridMbr("isohdpfx.bin", isolinux))
                .hasMessageContaining("432");
        BootFileCheck.isohybridMbr("isohdpfx.bin", isohdpfx);
        BootFileCheck.efiApplication("GRUB", grub);
    }

    private IsoContent content(Path kernelFile, Path shimFile, Optional<Path> overlay) throws Exception {
        Path initrd = Files.write(dir.resolve("initrd.img"), new byte[] {1, 2, 3});
        BootMenu menu = new BootMenu(List.of(new MenuEntry("linux", "Linux", "", true)), 0, 0, true,
                "/boot/vmlinuz", "/boot/initrd.img");
        return new IsoContent(kernelFile, initrd,
                Optional.of(new IsoContent.Isolinux(isolinux, ldlinux, Optional.of(isohdpfx))),
                Optional.of(new IsoContent.Uefi(shimFile, grub)), menu, overlay, "rescue 1.0");
    }

    private static String text(FileTree tree, String path) throws Exception {
        Entry.RegularFile f = (Entry.RegularFile) tree.get(EntryPath.of(path)).orElseThrow();
        try (var in = f.content().open()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
