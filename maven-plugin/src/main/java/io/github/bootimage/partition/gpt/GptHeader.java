package io.github.bootimage.partition.gpt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The GPT header (UEFI 2.10 §5.3.2, table 5-5), 92 bytes in a 512-byte sector. {@link #encode} computes
 * HeaderCRC32 over the 92 bytes with the CRC field zero; the entry array's CRC is an input.
 */
public record GptHeader(long myLba, long alternateLba, long firstUsableLba, long lastUsableLba, UUID diskGuid,
        long partitionEntryLba, int numberOfPartitionEntries, int sizeOfPartitionEntry,
        int partitionEntryArrayCrc32) {
    public static final int SECTOR = 512;
    public static final int HEADER_SIZE = 92;
    private static final byte[] SIGNATURE = "EFI PART".getBytes(StandardCharsets.US_ASCII);
    private static final int REVISION_1_0 = 0x0001_0000;
    private static final int OFFSET_HEADER_CRC = 16;

    public byte[] encode() {
        byte[] sector = new byte[SECTOR];
        ByteBuffer b = ByteBuffer.wrap(sector).order(ByteOrder.LITTLE_ENDIAN);
        b.put(SIGNATURE).putInt(REVISION_1_0).putInt(HEADER_SIZE).putInt(0).putInt(0)
                .putLong(myLba).putLong(alternateLba).putLong(firstUsableLba).putLong(lastUsableLba);
        Guid.encode(diskGuid, b);
        b.putLong(partitionEntryLba).putInt(numberOfPartitionEntries).putInt(sizeOfPartitionEntry)
                .putInt(partitionEntryArrayCrc32);
        b.putInt(OFFSET_HEADER_CRC, crc32(sector, 0, HEADER_SIZE));
        return sector;
    }

    /** Decodes a header and checks its signature and HeaderCRC32. */
    public static GptHeader decode(byte[] sector) {
        ByteBuffer b = ByteBuffer.wrap(sector).order(ByteOrder.LITTLE_ENDIAN);
        byte[] sig = new byte[SIGNATURE.length];
        b.get(sig);
        if (!java.util.Arrays.equals(sig, SIGNATURE) || b.getInt() != REVISION_1_0 || b.getInt() != HEADER_SIZE) {
            throw new IllegalArgumentException("not a GPT header (signature, revision or size)");
        }
        int crc = b.getInt();
        byte[] copy = java.util.Arrays.copyOf(sector, HEADER_SIZE);
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(OFFSET_HEADER_CRC, 0);
        if (crc32(copy, 0, HEADER_SIZE) != crc) {
            throw new IllegalArgumentException("GPT HeaderCRC32 mismatch");
        }
        b.getInt();
        long my = b.getLong();
        long alt = b.getLong();
        long first = b.getLong();
        long last = b.getLong();
        UUID disk = Guid.decode(b);
        return new GptHeader(my, alt, first, last, disk, b.getLong(), b.getInt(), b.getInt(), b.getInt());
    }

    public static int crc32(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
