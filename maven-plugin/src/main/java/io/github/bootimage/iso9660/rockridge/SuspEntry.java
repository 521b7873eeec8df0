package io.github.bootimage.iso9660.rockridge;

import io.github.bootimage.iso9660.IsoBytes;
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

    String signature();

    /** The entry's data after the 4-byte header. */
    byte[] data();

    default byte[] encode() {
        byte[] data = data();
        int len = HEADER + data.length;
        if (len > 255) {
            throw new IllegalArgumentException(signature() + " entry of " + len + " bytes exceeds 255 (SUSP §4.1.2)");
        }
        byte[] b = new byte[len];
        b[0] = (byte) signature().charAt(0);
        b[1] = (byte) signature().charAt(1);
        b[2] = (byte) len;
        b[3] = 1;
        System.arraycopy(data, 0, b, HEADER, data.length);
        return b;
    }

    default int length() {
        return HEADER + data().length;
    }

    /** SUSP §5.3: the first entry of the root's "." record; {@code lenSkp} bytes skipped in every record. */
    record SP(int lenSkp) implements SuspEntry {
        public String signature() {
            return "SP";
        }

        public byte[] data() {
            return new byte[] {(byte) 0xBE, (byte) 0xEF, (byte) lenSkp};
        }
    }

    /** SUSP §5.1: where the System Use area continues (LBA, offset in it, length). */
    record CE(long block, long offset, long areaLength) implements SuspEntry {
        public static final int LENGTH = 28;

        public String signature() {
            return "CE";
        }

        public byte[] data() {
            byte[] d = new byte[24];
            IsoBytes.putBoth32(d, 0, block);
            IsoBytes.putBoth32(d, 8, offset);
            IsoBytes.putBoth32(d, 16, areaLength);
            return d;
        }
    }

    /** SUSP §5.5: the extension reference (written once, in the root's "." record). */
    record ER(String id, String descriptor, String source, int version) implements SuspEntry {
        public String signature() {
            return "ER";
        }

        public byte[] data() {
            byte[] i = id.getBytes(StandardCharsets.US_ASCII);
            byte[] d = descriptor.getBytes(StandardCharsets.US_ASCII);
            byte[] s = source.getBytes(StandardCharsets.US_ASCII);
            byte[] b = new byte[4 + i.length + d.length + s.length];
            b[0] = (byte) i.length;
            b[1] = (byte) d.length;
            b[2] = (byte) s.length;
            b[3] = (byte) version;
            System.arraycopy(i, 0, b, 4, i.length);
            System.arraycopy(d, 0, b, 4 + i.length, d.length);
            System.arraycopy(s, 0, b, 4 + i.length + d.length, s.length);
            return b;
        }
    }

    /** RRIP §4.1.1: POSIX file mode (type bits included), links, uid, gid and file serial number. */
    record PX(int mode, long links, long uid, long gid, long ino) implements SuspEntry {
        public String signature() {
            return "PX";
        }

        public byte[] data() {
            byte[] d = new byte[40];
            IsoBytes.putBoth32(d, 0, Integer.toUnsignedLong(mode));
            IsoBytes.putBoth32(d, 8, links);
            IsoBytes.putBoth32(d, 16, uid);
            IsoBytes.putBoth32(d, 24, gid);
            IsoBytes.putBoth32(d, 32, ino);
            return d;
        }
    }

    /** RRIP §4.1.2: device number of a character or block device. */
    record PN(long high, long low) implements SuspEntry {
        public String signature() {
            return "PN";
        }

        public byte[] data() {
            byte[] d = new byte[16];
            IsoBytes.putBoth32(d, 0, high);
            IsoBytes.putBoth32(d, 8, low);
            return d;
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

        public byte[] data() {
            int len = 1 + components.stream().mapToInt(Component::length).sum();
            byte[] d = new byte[len];
            d[0] = (byte) flags;
            int p = 1;
            for (Component c : components) {
                d[p] = (byte) c.flags();
                d[p + 1] = (byte) c.content().length;
                System.arraycopy(c.content(), 0, d, p + 2, c.content().length);
                p += c.length();
            }
            return d;
        }
    }

    /** RRIP §4.1.4: the alternate (POSIX) name; {@code flags} bit 0 says the next NM continues it. */
    record NM(int flags, byte[] name) implements SuspEntry {
        public static final int CONTINUE = 0x01;

        public String signature() {
            return "NM";
        }

        public byte[] data() {
            byte[] d = new byte[1 + name.length];
            d[0] = (byte) flags;
            System.arraycopy(name, 0, d, 1, name.length);
            return d;
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

        public byte[] data() {
            int n = Integer.bitCount(flags & 0x7F);
            byte[] d = new byte[1 + 7 * n];
            d[0] = (byte) flags;
            for (int i = 0; i < n; i++) {
                IsoBytes.putDate7(d, 1 + 7 * i, time);
            }
            return d;
        }
    }

    /** An entry we do not interpret (decode only). */
    record Unknown(String signature, byte[] data) implements SuspEntry {
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
