package io.github.bootimage.boot;

import io.github.bootimage.BootImageException;
import io.github.bootimage.boot.grub.GrubBios;
import io.github.bootimage.boot.grub.GrubPcFiles;
import io.github.bootimage.build.Fingerprint;
import io.github.bootimage.fat.FatImageWriter;
import io.github.bootimage.fat.FatOptions;
import io.github.bootimage.iso9660.IsoImageRequest;
import io.github.bootimage.iso9660.IsoImageWriter;
import io.github.bootimage.iso9660.IsoLayout;
import io.github.bootimage.iso9660.SystemArea;
import io.github.bootimage.iso9660.eltorito.BootEntry;
import io.github.bootimage.iso9660.eltorito.ElToritoConfig;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.partition.IsoHybrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a bootable ISO: ISOLINUX or GRUB for BIOS (El Torito no-emulation entry with the boot-info-table), an
 * ESP image holding shim and GRUB for UEFI (El Torito platform 0xEF), and, with isohdpfx.bin, the hybrid
 * MBR/GPT so that the same file boots when written to a USB disk. The layout follows xorriso's
 * {@code -isohybrid-mbr ... -e boot/grub/efi.img -isohybrid-gpt-basdat}, which distributions ship; with GRUB
 * for BIOS, the El Torito entry and MBR code are grub-mkrescue's ({@code -b boot/grub/i386-pc/eltorito.img
 * -boot-info-table --grub2-boot-info --grub2-mbr boot_hybrid.img}) and the partitions stay the same.
 */
public final class BootableIso {

    /**
     * @param content     what goes on the image
     * @param volumeId    ECMA-119 volume identifier (d-characters, at most 32)
     * @param publisher   publisher identifier (a-characters), may be empty
     * @param application application identifier (a-characters), may be empty
     * @param epoch       every date in the image and in the ESP
     * @param output      the ISO file, written through a temporary file and moved into place
     * @param workDir     where the ESP image is written before it goes onto the ISO
     */
    public record Request(IsoContent content, String volumeId, String publisher, String application, Instant epoch,
            Path output, Path workDir) {
        /** Adds everything the image's bytes depend on: every component but where it goes. */
        public void fingerprint(Fingerprint f) throws IOException {
            f.addRecord("iso", this, "output", "workDir");
        }
    }

    private BootableIso() {
    }

    public static IsoLayout write(Request r) throws BootImageException {
        IsoContent c = r.content();
        GrubBios grub = c.bios().orElse(null) instanceof IsoContent.GrubPc g
                ? GrubBios.build(GrubPcFiles.fromArchive(g.archive())) : null;
        FileTree tree = IsoTree.isoTree(c, grub);
        List<BootEntry> boot = new ArrayList<>();
        if (c.bios().isPresent()) {
            boot.add(grub != null ? BootEntry.grub(IsoTree.GRUB_ELTORITO) : BootEntry.isolinux(IsoTree.ISOLINUX_BIN));
        }
        if (c.uefi().isPresent()) {
            Path esp = r.workDir().resolve("efi.img");
            FatImageWriter.write(IsoTree.espTree(c.uefi().get()), FatOptions.of(r.epoch()), esp);
            tree.add(new Entry.RegularFile(IsoTree.EFI_IMAGE, 0644, 0, 0, fileContent(esp)));
            boot.add(BootEntry.uefi(IsoTree.EFI_IMAGE));
        }
        IsoImageRequest request = IsoImageRequest.of(tree, r.volumeId(), r.epoch())
                .withIds(r.publisher(), "", r.application())
                .withElTorito(new ElToritoConfig(boot, Optional.of(IsoTree.BOOT_CATALOG)))
                .withSystemArea(systemArea(c, r, grub));
        request.validate();
        return IsoImageWriter.write(request, r.output());
    }

    private static SystemArea systemArea(IsoContent c, Request r, GrubBios grub) throws BootImageException {
        if (c.bios().isEmpty() || !c.bios().get().hybrid()) {
            return SystemArea.EMPTY;
        }
        EntryPath efiImage = c.uefi().isPresent() ? IsoTree.EFI_IMAGE : null;
        if (grub != null) {
            return IsoHybrid.grub(grub.bootHybrid(), IsoTree.GRUB_ELTORITO, efiImage, r.volumeId() + "@" + r.epoch());
        }
        Path mbr = ((IsoContent.Isolinux) c.bios().get()).isohybridMbr().get();
        try {
            return new IsoHybrid(Files.readAllBytes(mbr), IsoTree.ISOLINUX_BIN, efiImage, r.volumeId() + "@" + r.epoch());
        } catch (IOException e) {
            throw new BootImageException("Cannot read the isohybrid MBR " + mbr + ": " + e.getMessage(), e);
        }
    }

    private static FileContent fileContent(Path file) throws BootImageException {
        try {
            return FileContent.of(file);
        } catch (IOException e) {
            throw new BootImageException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
