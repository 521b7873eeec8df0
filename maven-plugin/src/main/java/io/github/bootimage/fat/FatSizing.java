package io.github.bootimage.fat;

import io.github.bootimage.BootImageException;
import java.util.List;

/**
 * Chooses the geometry: the smallest volume that holds the planned nodes (automatic), or the cluster size
 * for a size the caller fixed. The FAT type always follows from the cluster count (fatgen103 §3.5).
 */
final class FatSizing {
    /** Sizes are rounded up to whole 2048-byte ISO sectors, so the El Torito sector count is exact. */
    private static final int ALIGN_SECTORS = 4;
    /** mkfs.fat's default: FAT32 from 512 MiB up. */
    private static final long FAT32_FROM_BYTES = 512L << 20;

    private FatSizing() {
    }

    static FatGeometry smallest(List<FatNode> nodes, FatType only) throws BootImageException {
        FatGeometry best = null;
        for (FatType type : FatType.values()) {
            if (only != null && type != only) {
                continue;
            }
            for (int spc = 1; spc <= FatGeometry.MAX_SEC_PER_CLUS; spc *= 2) {
                FatGeometry g = smallest(nodes, type, spc);
                if (g != null && (best == null || g.totSec() < best.totSec())) {
                    best = g;
                }
            }
        }
        if (best == null) {
            throw new BootImageException("ESP content (" + contentBytes(nodes) + " bytes) fits in no "
                    + (only == null ? "FAT" : only) + " image" + (only == null ? "" : "; leave the FAT type unset")
                    + ".");
        }
        return best;
    }

    private static FatGeometry smallest(List<FatNode> nodes, FatType type, int spc) {
        int rootEnt = rootEntries(nodes.get(0));
        long needed = neededClusters(nodes, type, spc);
        // A little slack: 1/64 more clusters, at least 4.
        long clusters = Math.max(needed + Math.max(4, needed / 64), type.minClusters());
        if (clusters > type.maxClusters()) {
            return null;
        }
        long sectors = FatGeometry.sectorsFor(type, spc, rootEnt, clusters);
        sectors = (sectors + ALIGN_SECTORS - 1) / ALIGN_SECTORS * ALIGN_SECTORS;
        FatGeometry g = FatGeometry.of(type, spc, rootEnt, sectors);
        return g.isConsistent() && g.clusterCount() >= needed ? g : null;
    }

    static FatGeometry fixed(List<FatNode> nodes, long sizeBytes, FatType only) throws BootImageException {
        if (sizeBytes % FatGeometry.SECTOR != 0 || sizeBytes <= 0) {
            throw new BootImageException("The FAT image size " + sizeBytes + " is not a positive multiple of 512 bytes; "
                    + "use a size of whole 512-byte sectors (e.g. " + ((sizeBytes / 512 + 1) * 512) + ").");
        }
        FatType type = only != null ? only : sizeBytes >= FAT32_FROM_BYTES ? FatType.FAT32
                : FatGeometry.of(FatType.FAT16, 1, FatGeometry.ROOT_ENTRIES, sizeBytes / 512).clusterCount()
                        >= FatType.FAT16.minClusters() ? FatType.FAT16 : FatType.FAT12;
        int rootEnt = rootEntries(nodes.get(0));
        FatGeometry chosen = null;
        for (int spc = 1; spc <= FatGeometry.MAX_SEC_PER_CLUS && chosen == null; spc *= 2) {
            FatGeometry g = FatGeometry.of(type, spc, rootEnt, sizeBytes / FatGeometry.SECTOR);
            if (g.isConsistent()) {
                chosen = g;
            }
        }
        if (chosen == null) {
            throw new BootImageException("A " + sizeBytes + "-byte image cannot be formatted as " + type + " (its "
                    + "cluster count must lie in " + type.minClusters() + ".." + type.maxClusters()
                    + "); choose another size or leave the FAT type unset.");
        }
        long needed = neededClusters(nodes, type, chosen.secPerClus());
        if (needed > chosen.clusterCount()) {
            throw new BootImageException("ESP content (" + contentBytes(nodes) + " bytes, " + needed + " clusters of "
                    + chosen.clusterBytes() + " bytes) does not fit in a " + sizeBytes + "-byte " + type + " image ("
                    + chosen.clusterCount() + " clusters); raise the size or leave it unset for automatic sizing, "
                    + "or remove files from the ESP.");
        }
        return chosen;
    }

    /** Root entries of FAT12/16: mkfs.fat's 512, or more (a multiple of 16, one sector) when the root needs them. */
    private static int rootEntries(FatNode root) {
        int needed = root.directoryEntries();
        return Math.max(FatGeometry.ROOT_ENTRIES, (needed + 15) / 16 * 16);
    }

    private static long neededClusters(List<FatNode> nodes, FatType type, int spc) {
        FatGeometry probe = new FatGeometry(type, spc, 0, 0, 0, 0);
        long sum = 0;
        for (FatNode n : nodes) {
            sum += FatImage.clustersOf(n, probe);
        }
        return sum;
    }

    private static long contentBytes(List<FatNode> nodes) {
        long sum = 0;
        for (FatNode n : nodes) {
            sum += n.size();
        }
        return sum;
    }
}
