package io.github.bootimage.partition.mbr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The 512-byte MBR (UEFI 2.10 §5.2.1, table 5-1). */
public record MasterBootRecord(byte[] bootCode, int uniqueMbrDiskSignature, List<MbrPartitionEntry> partitions) {
    public static final int SIZE = 512;
    public static final int BOOT_CODE_SIZE = 440;
    private static final int OFFSET_DISK_SIGNATURE = 440;
    private static final int OFFSET_PARTITIONS = 446;
    private static final int OFFSET_SIGNATURE = 510;

    public MasterBootRecord {
        if (bootCode.length != BOOT_CODE_SIZE) {
            throw new IllegalArgumentException("BootCode must be " + BOOT_CODE_SIZE + " bytes, got " + bootCode.length);
        }
        if (partitions.size() > 4) {
            throw new IllegalArgumentException("an MBR has 4 partition records, got " + partitions.size());
        }
        bootCode = bootCode.clone();
        partitions = List.copyOf(partitions);
    }

    @Override
    public byte[] bootCode() {
        return bootCode.clone();
    }

    public byte[] encode() {
        byte[] b = new byte[SIZE];
        System.arraycopy(bootCode, 0, b, 0, BOOT_CODE_SIZE);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(OFFSET_DISK_SIGNATURE, uniqueMbrDiskSignature);
        for (int i = 0; i < partitions.size(); i++) {
            partitions.get(i).encodeTo(b, OFFSET_PARTITIONS + i * MbrPartitionEntry.SIZE);
        }
        b[OFFSET_SIGNATURE] = 0x55;
        b[OFFSET_SIGNATURE + 1] = (byte) 0xAA;
        return b;
    }

    public static MasterBootRecord decode(byte[] b) {
        if (b[OFFSET_SIGNATURE] != 0x55 || b[OFFSET_SIGNATURE + 1] != (byte) 0xAA) {
            throw new IllegalArgumentException("no MBR signature 55 AA at byte 510");
        }
        List<MbrPartitionEntry> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parts.add(MbrPartitionEntry.decode(b, OFFSET_PARTITIONS + i * MbrPartitionEntry.SIZE));
        }
        return new MasterBootRecord(Arrays.copyOf(b, BOOT_CODE_SIZE),
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(OFFSET_DISK_SIGNATURE), parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterBootRecord m && Arrays.equals(bootCode, m.bootCode)
                && uniqueMbrDiskSignature == m.uniqueMbrDiskSignature && partitions.equals(m.partitions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bootCode) * 31 + partitions.hashCode();
    }
}
