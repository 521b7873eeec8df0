package io.github.bootimage.fat;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import io.github.bootimage.io.CountingOutputStream;
import io.github.bootimage.model.ContentChangedException;
import io.github.bootimage.model.ContentReader;
import io.github.bootimage.model.FileTree;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Streams a planned {@link FatImage} in one forward pass (phase 2 of 2): reserved sectors, two FATs, the
 * FAT12/16 root directory, then every directory and file in allocation order. File data is copied from
 * {@code Content.open()}; only directory tables are built in memory.
 */
public final class FatImageWriter {
    private static final byte[] ZEROS = new byte[64 * 1024];
    private static final int MEDIA_FIXED_DISK = 0xF8;
    private static final int FSINFO_SECTOR = 1;
    private static final int BACKUP_BOOT_SECTOR = 6;

    private FatImageWriter() {
    }

    /** Plans and writes the image to {@code target} through a temporary file in the same directory. */
    public static FatImage write(FileTree tree, FatOptions options, Path target) throws BootImageException {
        FatImage image = FatImage.plan(tree, options);
        try {
            AtomicOutput.writeStream(target, out -> write(image, out));
        } catch (IOException e) {
            throw AtomicOutput.failure("the FAT image", target, e);
        }
        return image;
    }

    /** Writes exactly {@link FatImage#sizeBytes()} bytes to {@code out} (which is flushed, not closed). */
    public static void write(FatImage image, OutputStream target) throws IOException, BootImageException {
        FatGeometry g = image.geometry();
        CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(target, 1 << 16));
        writeReservedSectors(image, out);
        for (int copy = 0; copy < FatGeometry.NUM_FATS; copy++) {
            writeFat(image, out);
        }
        FatNode root = image.nodes().get(0);
        if (g.type() != FatType.FAT32) {
            byte[] table = DirectoryTable.encode(root, image.options().epoch(), image.options().label());
            out.write(table);
            zeros(out, g.rootDirSectors() * FatGeometry.SECTOR - table.length);
        }
        for (FatNode node : image.nodes()) {
            if (node.clusters > 0) {
                writeData(node, image, out);
            }
        }
        zeros(out, g.sizeBytes() - out.count());
        out.flush();
        if (out.count() != g.sizeBytes()) {
            throw new IllegalStateException("wrote " + out.count() + " bytes, planned " + g.sizeBytes());
        }
    }

    private static void writeReservedSectors(FatImage image, CountingOutputStream out) throws IOException {
        FatGeometry g = image.geometry();
        byte[] boot = bootSector(image).encode();
        out.write(boot);
        if (g.type() == FatType.FAT32) {
            long free = g.clusterCount() - image.usedClusters();
            byte[] fsInfo = new FsInfoSector(free, 2 + image.usedClusters()).encode();
            out.write(fsInfo);
            zeros(out, (BACKUP_BOOT_SECTOR - 2) * (long) FatGeometry.SECTOR);
            out.write(boot);
            out.write(fsInfo);
        }
        zeros(out, g.firstFatSector() * FatGeometry.SECTOR - out.count());
    }

    static BiosParameterBlock bootSector(FatImage image) {
        FatGeometry g = image.geometry();
        boolean fat32 = g.type() == FatType.FAT32;
        // 32 sectors per track and 64 heads: the geometry mkfs.fat and xorriso assume for images.
        return new BiosParameterBlock("MSWIN4.1", FatGeometry.SECTOR, g.secPerClus(), g.rsvdSecCnt(),
                FatGeometry.NUM_FATS, g.rootEntCnt(), g.totSec(), MEDIA_FIXED_DISK, fat32 ? 0 : (int) g.fatSz(), 32,
                64, 0, fat32 ? g.fatSz() : 0, 0, fat32 ? 2 : 0, fat32 ? FSINFO_SECTOR : 0,
                fat32 ? BACKUP_BOOT_SECTOR : 0, 0x80, image.options().volumeSerial(),
                VolumeLabel.padded(image.options().label()), g.type().fileSystemType());
    }

    private static void writeFat(FatImage image, CountingOutputStream out) throws IOException {
        FatGeometry g = image.geometry();
        FatType type = g.type();
        FatTableWriter fat = new FatTableWriter(out, type);
        // Entry 0 holds the media byte, entry 1 an end-of-chain mark (fatgen103 §4).
        fat.put(type.endOfChain() & ~0xFF | MEDIA_FIXED_DISK);
        fat.put(type.endOfChain());
        long cluster = 2;
        for (FatNode node : image.nodes()) {
            for (long i = 1; i <= node.clusters; i++, cluster++) {
                fat.put(i == node.clusters ? type.endOfChain() : (int) (cluster + 1));
            }
        }
        for (; cluster < g.clusterCount() + 2; cluster++) {
            fat.put(0);
        }
        zeros(out, g.fatSz() * FatGeometry.SECTOR - fat.finish());
    }

    private static void writeData(FatNode node, FatImage image, CountingOutputStream out)
            throws IOException, BootImageException {
        long written;
        if (node.isDirectory()) {
            byte[] table = DirectoryTable.encode(node, image.options().epoch(), image.options().label());
            out.write(table);
            written = table.length;
        } else {
            written = copy(node, out);
        }
        zeros(out, node.clusters * image.geometry().clusterBytes() - written);
    }

    private static long copy(FatNode node, OutputStream out) throws IOException, BootImageException {
        try {
            ContentReader.copy(node.content, out);
        } catch (ContentChangedException e) {
            throw e.at(node.path, "the FAT image");
        }
        return node.size();
    }

    private static void zeros(OutputStream out, long count) throws IOException {
        for (long left = count; left > 0; left -= ZEROS.length) {
            out.write(ZEROS, 0, (int) Math.min(ZEROS.length, left));
        }
    }

}
