package io.github.bootimage.iso9660.rockridge;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One System Use entry (SUSP 1.12 §4.1): a two-letter signature, a length, version 1 and data. The
 * SUSP entries SP, CE, ER and the RRIP 1.12 entries PX, PN, SL, NM, TF are the ones we write.
 */
public sealed interface SuspEntry {
    int HEADER = 4;
    int MAX_LENGTH = 255;

    String signature();

    /** The encoded length, header included. */
    int length();

    /** Writes the entry's data (after the header) at {@code off}. */
    void putData(byte[] b, int off);

    /** The entry's data after the 4-byte header. */
    default byte[] data() {
        return Arrays.copyOfRange(encode(), HEADER, length());
    }

    default byte[] encode() {
        byte[] b = new byte[length()];
        encode(b, 0);
        return b;
    }

    /** Writes the whole entry at {@code off} of {@code b}; returns the offset after it. */
    default int encode(byte[] b, int off) {
        int p = header(b, off, signature(), length());
        putData(b, p);
        return off + length();
    }

    /** The header of SUSP §4.1: signature, length, version 1; returns the offset of the data. */
    static int header(byte[] b, int off, String signature, int length) {
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(signature + " entry of " + length + " bytes exceeds 255 (SUSP §4.1.2)");
        }
        b[off] = (byte) signature.charAt(0);
        b[off + 1] = (byte) signature.charAt(1);
        b[off + 2] = (byte) length;
        b[off + 3] = 1;
        return off + HEADER;
    }

    /** SUSP §5.3: the first entry of the root's "." record; {@code lenSkp} bytes skipped in every record. */
    record SP(int lenSkp) implements SuspEntry {
        public String signature() {
            return "SP";
        }

        public int length() {
            return HEADER + 3;
        }

        public void putData(byte[] b, int off) {
            b[off] = (byte) 0xBE;
            b[off + 1] = (byte) 0xEF;
            b[off + 2] = (byte) lenSkp;
        }
    }

    /** SUSP §5.1: where the System Use area continues (LBA, offset in it, length). */
    record CE(long block, long offset, long areaLength) implements SuspEntry {
        public static final int LENGTH = 28;

        public String signature() {
            return "CE";
        }

        public int length() {
            return LENGTH;
        }

        public void putData(byte[] b, int off) {
            IsoBytes.putBoth32(b, off, block);
            IsoBytes.putBoth32(b, off + 8, offset);
            IsoBytes.putBoth32(b, off + 16, areaLength);
        }
    }

    /** SUSP §5.5: the extension reference (written once, in the root's "." record). */
    record ER(String id, String descriptor, String source, int version) implements SuspEntry {
        public String signature() {
            return "ER";
        }

        public int length() {
            return HEADER + 4 + id.length() + descriptor.length() + source.length();
        }

        public void putData(byte[] b, int off) {
            byte[] i = id.getBytes(StandardCharsets.US_ASCII);
            byte[] d = descriptor.getBytes(StandardCharsets.US_ASCII);
            byte[] s = source.getBytes(StandardCharsets.US_ASCII);
            b[off] = (byte) i.length;
            b[off + 1] = (byte) d.length;
            b[off + 2] = (byte) s.length;
            b[off + 3] = (byte) version;
            System.arraycopy(i, 0, b, off + 4, i.length);
            System.arraycopy(d, 0, b, off + 4 + i.length, d.length);
            System.arraycopy(s, 0, b, off + 4 + i.length + d.length, s.length);
        }
    }

    /** RRIP §4.1.1: POSIX file mode (type bits included), links, uid, gid and file serial number. */
    record PX(int mode, long links, long uid, long gid, long ino) implements SuspEntry {
        public static final int LENGTH = HEADER + 40;

        public String signature() {
            return "PX";
        }

        public int length() {
            return LENGTH;
        }

        public void putData(byte[] b, int off) {
            IsoBytes.putBoth32(b, off, Integer.toUnsignedLong(mode));
            IsoBytes.putBoth32(b, off + 8, links);
            IsoBytes.putBoth32(b, off + 16, uid);
            IsoBytes.putBoth32(b, off + 24, gid);
            IsoBytes.putBoth32(b, off + 32, ino);
        }
    }

    /** RRIP §4.1.2: device number of a character or block device. */
    record PN(long high, long low) implements SuspEntry {
        public static final int LENGTH = HEADER + 16;

        public String signature() {
            return "PN";
        }

        public int length() {
            return LENGTH;
        }

        public void putData(byte[] b, int off) {
            IsoBytes.putBoth32(b, off, high);
            IsoBytes.putBoth32(b, off + 8, low);
        }
    }

    /** RRIP §4.1.3: symbolic link components; {@code flags} bit 0 says the next SL continues this one. */
    record SL(int flags, List<Component> components) implements SuspEntry {
        public static final int CONTINUE = 0x01;

        /** RRIP §4.1.3.1 component record: flags CONTINUE 1, CURRENT 2, PARENT 4, ROOT 8. */
        public record Component(int flags, byte[] content) {
            public static final int CONTINUE = 0x01;
            public static final int CURRENT = 0x02;
            public static final int PARENT = 0x04;
            public static final int ROOT = 0x08;

            public int length() {
                return 2 + content.length;
            }
        }

        public String signature() {
            return "SL";
        }

        public int length() {
            return HEADER + 1 + components.stream().mapToInt(Component::length).sum();
        }

        public void putData(byte[] b, int off) {
            b[off] = (byte) flags;
            int p = off + 1;
            for (Component c : components) {
                b[p] = (byte) c.flags();
                b[p + 1] = (byte) c.content().length;
                System.arraycopy(c.content(), 0, b, p + 2, c.content().length);
                p += c.length();
            }
        }
    }

    /** RRIP §4.1.4: the alternate (POSIX) name; {@code flags} bit 0 says the next NM continues it. */
    record NM(int flags, byte[] name) implements SuspEntry {
        public static final int CONTINUE = 0x01;

        public String signature() {
            return "NM";
        }

        public int length() {
            return length(name.length);
        }

        /** The length of an NM entry holding {@code nameBytes} bytes of the name. */
        public static int length(int nameBytes) {
            return HEADER + 1 + nameBytes;
        }

        public void putData(byte[] b, int off) {
            b[off] = (byte) flags;
            System.arraycopy(name, 0, b, off + 1, name.length);
        }

        /** Writes an NM entry for bytes {@code from} to {@code to} of {@code utf8} without copying them first. */
        public static int encode(byte[] b, int off, int flags, byte[] utf8, int from, int to) {
            int p = header(b, off, "NM", length(to - from));
            b[p] = (byte) flags;
            System.arraycopy(utf8, from, b, p + 1, to - from);
            return p + 1 + to - from;
        }
    }

    /** RRIP §4.1.6: time stamps in the 7-byte form; {@code flags} says which are recorded, in this order. */
    record TF(int flags, Instant time) implements SuspEntry {
        public static final int CREATION = 0x01;
        public static final int MODIFY = 0x02;
        public static final int ACCESS = 0x04;
        public static final int ATTRIBUTES = 0x08;

        public String signature() {
            return "TF";
        }

        public int length() {
            return length(flags);
        }

        /** One flags byte, then one 7-byte date per flag of the low seven. */
        public static int length(int flags) {
            return HEADER + 1 + 7 * Integer.bitCount(flags & 0x7F);
        }

        public void putData(byte[] b, int off) {
            byte[] date7 = new byte[7];
            IsoBytes.putDate7(date7, 0, time);
            putData(b, off, flags, date7);
        }

        /**
         * Writes a TF entry whose dates are all {@code date7} (encoded once per image by
         * {@link IsoBytes#putDate7}: every time stamp of a reproducible image is the build epoch).
         */
        public static int encode(byte[] b, int off, int flags, byte[] date7) {
            int p = header(b, off, "TF", length(flags));
            putData(b, p, flags, date7);
            return off + length(flags);
        }

        private static void putData(byte[] b, int off, int flags, byte[] date7) {
            b[off] = (byte) flags;
            for (int i = 0, n = Integer.bitCount(flags & 0x7F); i < n; i++) {
                System.arraycopy(date7, 0, b, off + 1 + 7 * i, 7);
            }
        }
    }

    /** An entry we do not interpret (decode only). */
    record Unknown(String signature, byte[] data) implements SuspEntry {
        public int length() {
            return HEADER + data.length;
        }

        public void putData(byte[] b, int off) {
            System.arraycopy(data, 0, b, off, data.length);
        }
    }

    /** Decodes a System Use area (or a continuation area) until its end or a padding byte. */
    static List<SuspEntry> decodeAll(byte[] b, int off, int end) {
        List<SuspEntry> result = new ArrayList<>();
        while (off + HEADER <= end && b[off] != 0) {
            int len = b[off + 2] & 0xFF;
            String sig = new String(b, off, 2, StandardCharsets.US_ASCII);
            result.add(SuspDecoder.decode(sig, Arrays.copyOfRange(b, off + HEADER, off + len)));
            off += len;
        }
        return result;
    }
}
