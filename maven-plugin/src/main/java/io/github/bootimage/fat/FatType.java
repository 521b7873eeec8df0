package io.github.bootimage.fat;

/**
 * The three FAT widths. The type follows from the cluster count alone (fatgen103 §3.5): fewer than 4085
 * clusters is FAT12, fewer than 65525 is FAT16, otherwise FAT32.
 */
public enum FatType {
    FAT12(12, 1, 4084, 0xFFF, "FAT12   "),
    FAT16(16, 4085, 65524, 0xFFFF, "FAT16   "),
    // 0x0FFFFFF5 and up are reserved values; keep a margin below them (fatgen103 §4).
    FAT32(32, 65525, 0x0FFFFFF4, 0x0FFFFFFF, "FAT32   ");

    private final int bits;
    private final long minClusters;
    private final long maxClusters;
    private final int endOfChain;
    private final String fileSystemType;

    FatType(int bits, long minClusters, long maxClusters, int endOfChain, String fileSystemType) {
        this.bits = bits;
        this.minClusters = minClusters;
        this.maxClusters = maxClusters;
        this.endOfChain = endOfChain;
        this.fileSystemType = fileSystemType;
    }

    /** Bits per FAT entry (FAT32 entries are 32 bits wide, of which 28 are used). */
    public int bits() {
        return bits;
    }

    public long minClusters() {
        return minClusters;
    }

    public long maxClusters() {
        return maxClusters;
    }

    /** The end-of-chain mark written for the last cluster of a file. */
    public int endOfChain() {
        return endOfChain;
    }

    /** BS_FilSysType: informational only, fatgen103 says never to derive the type from it. */
    String fileSystemType() {
        return fileSystemType;
    }

    /** The type a volume with this many data clusters has (fatgen103 §3.5). */
    public static FatType forClusters(long clusters) {
        if (clusters < 4085) {
            return FAT12;
        }
        return clusters < 65525 ? FAT16 : FAT32;
    }

    /** Bytes of a FAT holding entries for clusters 0 .. clusters+1. */
    long fatBytes(long clusters) {
        return ((clusters + 2) * bits + 7) / 8;
    }
}
