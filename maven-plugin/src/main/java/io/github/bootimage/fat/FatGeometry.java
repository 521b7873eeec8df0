package io.github.bootimage.fat;

/**
 * Where the regions of a FAT volume lie (fatgen103 §3.5): reserved sectors, two FATs, the fixed root
 * directory of FAT12/16, then the data clusters. All counts in 512-byte sectors.
 */
public record FatGeometry(FatType type, int secPerClus, int rsvdSecCnt, int rootEntCnt, long fatSz, long totSec) {
    static final int NUM_FATS = 2;
    static final int SECTOR = BiosParameterBlock.SECTOR;
    /** Cluster sizes above 32 KiB are not supported by many implementations (fatgen103 §3.1). */
    static final int MAX_SEC_PER_CLUS = 64;
    /** What mkfs.fat uses for hard-disk images; 512 entries are 32 sectors. */
    static final int ROOT_ENTRIES = 512;
    /** Boot sector, FSInfo at 1, backup boot sector at 6: mkfs.fat's and Windows' layout. */
    static final int FAT32_RESERVED = 32;

    public long rootDirSectors() {
        return (rootEntCnt * 32L + SECTOR - 1) / SECTOR;
    }

    public long firstFatSector() {
        return rsvdSecCnt;
    }

    public long rootDirSector() {
        return rsvdSecCnt + NUM_FATS * fatSz;
    }

    public long firstDataSector() {
        return rootDirSector() + rootDirSectors();
    }

    /** Number of data clusters: clusters 2 .. clusterCount + 1 exist. */
    public long clusterCount() {
        return (totSec - firstDataSector()) / secPerClus;
    }

    public int clusterBytes() {
        return secPerClus * SECTOR;
    }

    public long sizeBytes() {
        return totSec * SECTOR;
    }

    /** True when the cluster count makes the volume the type it claims to be. */
    public boolean isConsistent() {
        long clusters = clusterCount();
        return clusters >= 1 && FatType.forClusters(clusters) == type && clusters <= type.maxClusters()
                && type.fatBytes(clusters) <= fatSz * SECTOR;
    }

    /** The geometry of a volume of {@code totSec} sectors with the smallest FAT that covers all its clusters. */
    static FatGeometry of(FatType type, int secPerClus, int rootEntCnt, long totSec) {
        int rsvd = type == FatType.FAT32 ? FAT32_RESERVED : 1;
        int rootEnt = type == FatType.FAT32 ? 0 : rootEntCnt;
        long fatSz = (type.fatBytes(totSec / secPerClus) + SECTOR - 1) / SECTOR;
        // Shrink the FAT while it still covers the clusters left after it; few steps, since clusters ~ totSec/spc.
        while (fatSz > 1 && fits(type, secPerClus, rsvd, rootEnt, fatSz - 1, totSec)) {
            fatSz--;
        }
        return new FatGeometry(type, secPerClus, rsvd, rootEnt, Math.max(fatSz, 1), totSec);
    }

    private static boolean fits(FatType type, int spc, int rsvd, int rootEnt, long fatSz, long totSec) {
        long data = totSec - rsvd - (rootEnt * 32L + SECTOR - 1) / SECTOR - NUM_FATS * fatSz;
        return data > 0 && type.fatBytes(data / spc) <= fatSz * SECTOR;
    }

    /** Sectors of the smallest volume of this type and cluster size with at least {@code clusters} data clusters. */
    static long sectorsFor(FatType type, int secPerClus, int rootEntCnt, long clusters) {
        int rsvd = type == FatType.FAT32 ? FAT32_RESERVED : 1;
        long rootSecs = type == FatType.FAT32 ? 0 : (rootEntCnt * 32L + SECTOR - 1) / SECTOR;
        long fatSz = (type.fatBytes(clusters) + SECTOR - 1) / SECTOR;
        return rsvd + NUM_FATS * fatSz + rootSecs + clusters * secPerClus;
    }
}
