package io.github.bootimage.boot;

import io.github.bootimage.BootImageException;
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
 * Writes a bootable ISO: ISOLINUX for BIOS (El Torito no-emulation entry with the boot-info-table), an
 * ESP image holding shim and GRUB for UEFI (El Torito platform 0xEF), and, with isohdpfx.bin, the hybrid
 * MBR/GPT so that the same file boots when written to a USB disk. The layout follows xorriso's
 * {@code -isohybrid-mbr ... -e boot/grub/efi.img -isohybrid-gpt-basdat}, which distributions ship.
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
        FileTree tree = IsoTree.isoTree(c);
        List<BootEntry> boot = new ArrayList<>();
        if (c.bios().isPresent()) {
            boot.add(BootEntry.isolinux(IsoTree.ISOLINUX_BIN));
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
                .withSystemArea(systemArea(c, r));
        request.validate();
        return IsoImageWriter.write(request, r.output());
    }

    private static SystemArea systemArea(IsoContent c, Request r) throws BootImageException {
        if (c.bios().isEmpty() || c.bios().get().isohybridMbr().isEmpty()) {
            return SystemArea.EMPTY;
        }
        Path mbr = c.bios().get().isohybridMbr().get();
        try {
            return new IsoHybrid(Files.readAllBytes(mbr), IsoTree.ISOLINUX_BIN,
                    c.uefi().isPresent() ? IsoTree.EFI_IMAGE : null, r.volumeId() + "@" + r.epoch());
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
