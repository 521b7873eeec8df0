package io.github.bootimage.partition.gpt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * A GPT partition entry (UEFI 2.10 §5.3.3, table 5-6): type and unique GUID, first and last LBA (both
 * inclusive, 512-byte units), attribute bits and a name of up to 36 UTF-16LE code units.
 */
public record GptPartitionEntry(UUID partitionTypeGuid, UUID uniquePartitionGuid, long startingLba, long endingLba,
        long attributes, String partitionName) {
    public static final int SIZE = 128;
    public static final int NAME_CHARS = 36;
    /** Bit 0: required by the platform; bit 60: read-only (Microsoft basic data). xorriso sets both. */
    public static final long ATTR_REQUIRED_READ_ONLY = 1L << 60 | 1L;

    public GptPartitionEntry {
        if (partitionName.length() > NAME_CHARS) {
            throw new IllegalArgumentException("PartitionName '" + partitionName + "' has " + partitionName.length()
                    + " UTF-16 code units; GPT allows " + NAME_CHARS);
        }
        if (startingLba < 0 || endingLba < startingLba) {
            throw new IllegalArgumentException("GPT partition " + partitionName + ": LBAs " + startingLba + ".."
                    + endingLba);
        }
    }

    public void encodeTo(ByteBuffer out) {
        int start = out.position();
        Guid.encode(partitionTypeGuid, out);
        Guid.encode(uniquePartitionGuid, out);
        out.order(ByteOrder.LITTLE_ENDIAN).putLong(startingLba).putLong(endingLba).putLong(attributes);
        for (char c : partitionName.toCharArray()) {
            out.putShort((short) c);
        }
        out.position(start + SIZE);
    }

    public static GptPartitionEntry decode(ByteBuffer in) {
        int start = in.position();
        UUID type = Guid.decode(in);
        UUID unique = Guid.decode(in);
        long first = in.getLong();
        long last = in.getLong();
        long attrs = in.getLong();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < NAME_CHARS; i++) {
            char c = (char) in.getShort();
            if (c == 0) {
                break;
            }
            name.append(c);
        }
        in.position(start + SIZE);
        return new GptPartitionEntry(type, unique, first, last, attrs, name.toString());
    }
}
