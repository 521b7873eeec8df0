package io.github.bootimage.fat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One 32-byte VFAT long-name entry (fatgen103 §7): 13 UTF-16LE code units of the name, the sequence number
 * (0x40 marks the last, which is stored first), attribute 0x0F and the checksum of the short name it
 * belongs to. The name ends with 0x0000 and is padded with 0xFFFF.
 */
public record LongNameEntry(int ordinal, boolean last, String chars, int checksum) {
    public static final int CHARS = 13;
    private static final int LAST_LONG_ENTRY = 0x40;
    private static final int[] CHAR_OFFSETS = {1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30};

    public LongNameEntry {
        if (chars.length() > CHARS || chars.isEmpty()) {
            throw new IllegalArgumentException("an LFN entry holds 1.." + CHARS + " UTF-16 code units");
        }
    }

    /** The entries for a long name, in on-disk order (last part first). */
    public static List<LongNameEntry> forName(String longName, byte[] shortName) {
        int sum = checksum(shortName);
        int count = (longName.length() + CHARS - 1) / CHARS;
        List<LongNameEntry> entries = new ArrayList<>();
        for (int n = count; n >= 1; n--) {
            String part = longName.substring((n - 1) * CHARS, Math.min(longName.length(), n * CHARS));
            entries.add(new LongNameEntry(n, n == count, part, sum));
        }
        return entries;
    }

    /** LDIR_Chksum: the rotate-right-and-add sum over the 11 bytes of the short name (fatgen103 §7). */
    public static int checksum(byte[] shortName) {
        int sum = 0;
        for (byte c : shortName) {
            sum = (((sum & 1) << 7) + (sum >>> 1) + Byte.toUnsignedInt(c)) & 0xFF;
        }
        return sum;
    }

    public void encodeTo(ByteBuffer b) {
        int start = b.position();
        b.put((byte) (ordinal | (last ? LAST_LONG_ENTRY : 0)));
        for (int i = 0; i < CHARS; i++) {
            char c = i < chars.length() ? chars.charAt(i) : i == chars.length() ? 0 : (char) 0xFFFF;
            b.putShort(start + CHAR_OFFSETS[i], (short) c);
        }
        b.put(start + 11, (byte) DirectoryEntry.ATTR_LONG_NAME).put(start + 12, (byte) 0)
                .put(start + 13, (byte) checksum).putShort(start + 26, (short) 0);
        b.position(start + DirectoryEntry.SIZE);
    }

    public static LongNameEntry decode(byte[] bytes, int offset) {
        ByteBuffer b = LittleEndian.wrap(bytes);
        int ord = Byte.toUnsignedInt(bytes[offset]);
        if (bytes[offset + 11] != DirectoryEntry.ATTR_LONG_NAME) {
            throw new IllegalArgumentException("not a long-name entry: attribute " + bytes[offset + 11]);
        }
        StringBuilder s = new StringBuilder();
        for (int off : CHAR_OFFSETS) {
            char c = (char) b.getShort(offset + off);
            if (c == 0) {
                break;
            }
            s.append(c);
        }
        return new LongNameEntry(ord & ~LAST_LONG_ENTRY, (ord & LAST_LONG_ENTRY) != 0, s.toString(),
                Byte.toUnsignedInt(bytes[offset + 13]));
    }
}
