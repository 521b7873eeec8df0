package io.github.bootimage.partition.gpt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.UUID;

/**
 * A whole GPT for a disk of known size: the primary header at LBA 1 with its entry array, and the backup
 * array and header that end the disk (UEFI 2.10 §5.3.1). All LBAs in 512-byte sectors.
 *
 * @param diskSectors      size of the disk in 512-byte sectors
 * @param primaryArrayLba  LBA of the primary entry array (2 on an ordinary disk)
 * @param entryCount       number of entries in each array (at least 128 by the spec for 16 KiB arrays)
 */
public record GuidPartitionTable(UUID diskGuid, long diskSectors, long primaryArrayLba, int entryCount,
        List<GptPartitionEntry> partitions) {

    public GuidPartitionTable {
        partitions = List.copyOf(partitions);
        if (partitions.size() > entryCount) {
            throw new IllegalArgumentException(partitions.size() + " partitions in a " + entryCount + "-entry GPT");
        }
    }

    public int arraySectors() {
        return (entryCount * GptPartitionEntry.SIZE + GptHeader.SECTOR - 1) / GptHeader.SECTOR;
    }

    public long backupHeaderLba() {
        return diskSectors - 1;
    }

    public long backupArrayLba() {
        return backupHeaderLba() - arraySectors();
    }

    public long firstUsableLba() {
        return primaryArrayLba + arraySectors();
    }

    public long lastUsableLba() {
        return backupArrayLba() - 1;
    }

    /** The entry array, the same bytes in both copies. */
    public byte[] entryArray() {
        byte[] array = new byte[arraySectors() * GptHeader.SECTOR];
        ByteBuffer b = ByteBuffer.wrap(array).order(ByteOrder.LITTLE_ENDIAN);
        for (GptPartitionEntry p : partitions) {
            p.encodeTo(b);
        }
        return array;
    }

    public GptHeader primaryHeader() {
        return header(1, backupHeaderLba(), primaryArrayLba);
    }

    public GptHeader backupHeader() {
        return header(backupHeaderLba(), 1, backupArrayLba());
    }

    private GptHeader header(long my, long alternate, long arrayLba) {
        int crc = GptHeader.crc32(entryArray(), 0, entryCount * GptPartitionEntry.SIZE);
        return new GptHeader(my, alternate, firstUsableLba(), lastUsableLba(), diskGuid, arrayLba, entryCount,
                GptPartitionEntry.SIZE, crc);
    }
}
