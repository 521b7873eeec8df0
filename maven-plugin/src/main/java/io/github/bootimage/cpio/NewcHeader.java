package io.github.bootimage.cpio;

import java.nio.charset.StandardCharsets;

/**
 * One newc ("new ASCII", magic {@code 070701}) header: 13 fields of 8 lowercase hex digits after the magic
 * (110 bytes), then the name and its NUL, padded with zeros so the data starts on a 4-byte boundary.
 * The {@code check} field is always 0 in newc (only the {@code 070702} crc format fills it).
 *
 * <p>Spec: Linux {@code Documentation/driver-api/early-userspace/buffer-format.rst}; libarchive
 * {@code cpio(5)}, "New ASCII Format". Lowercase hex as Commons Compress wrote it before this class (the
 * kernel and cpio read either case).
 */
record NewcHeader(long ino, int mode, long uid, long gid, long nlink, long mtime, long filesize, long devMajor,
        long devMinor, long rdevMajor, long rdevMinor, String name) {
    static final String MAGIC = "070701";
    static final int FIXED_LENGTH = 110;
    static final String TRAILER = "TRAILER!!!";

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_FIELD = 0xFFFF_FFFFL;

    /** The trailer that ends every archive (what GNU cpio and Commons Compress write: nlink 1, all else 0). */
    static NewcHeader trailer() {
        return new NewcHeader(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, TRAILER);
    }

    /** Bytes of header, name, NUL and padding for a name of {@code nameLength} encoded bytes. */
    static int encodedLength(int nameLength) {
        return align4(FIXED_LENGTH + nameLength + 1);
    }

    /** An upper bound of {@link #encode}'s length without encoding the name (UTF-8: at most 3 bytes per char). */
    int maxEncodedLength() {
        return encodedLength(3 * name.length());
    }

    static int align4(int n) {
        return (n + 3) & ~3;
    }

    /**
     * Encodes into {@code dst} at {@code off}, which must have room for {@link #maxEncodedLength()} bytes;
     * returns the number of bytes written. Each field must fit 8 hex digits (callers check sizes first).
     */
    int encode(byte[] dst, int off) {
        int p = off;
        for (int i = 0; i < MAGIC.length(); i++) {
            dst[p++] = (byte) MAGIC.charAt(i);
        }
        byte[] nameBytes = ascii(name) ? null : name.getBytes(StandardCharsets.UTF_8);
        int nameLength = nameBytes == null ? name.length() : nameBytes.length;
        p = hex8(ino, dst, p);
        p = hex8(mode, dst, p);
        p = hex8(uid, dst, p);
        p = hex8(gid, dst, p);
        p = hex8(nlink, dst, p);
        p = hex8(mtime, dst, p);
        p = hex8(filesize, dst, p);
        p = hex8(devMajor, dst, p);
        p = hex8(devMinor, dst, p);
        p = hex8(rdevMajor, dst, p);
        p = hex8(rdevMinor, dst, p);
        p = hex8(nameLength + 1L, dst, p);
        p = hex8(0, dst, p); // check
        if (nameBytes == null) {
            for (int i = 0; i < nameLength; i++) {
                dst[p++] = (byte) name.charAt(i);
            }
        } else {
            System.arraycopy(nameBytes, 0, dst, p, nameLength);
            p += nameLength;
        }
        int end = off + encodedLength(nameLength);
        while (p < end) {
            dst[p++] = 0; // the NUL after the name, then the padding
        }
        return end - off;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int hex8(long value, byte[] dst, int p) {
        if (value < 0 || value > MAX_FIELD) {
            throw new IllegalArgumentException("newc header field value " + value + " does not fit 8 hex digits");
        }
        for (int shift = 28; shift >= 0; shift -= 4) {
            dst[p++] = HEX[(int) (value >>> shift) & 0xF];
        }
        return p;
    }

    /** Parses the header at {@code off} (for tests and tools; the writer never reads archives). */
    static NewcHeader decode(byte[] src, int off) {
        String magic = new String(src, off, MAGIC.length(), StandardCharsets.US_ASCII);
        if (!magic.equals(MAGIC)) {
            throw new IllegalArgumentException("not a newc header at " + off + ": magic '" + magic + "'");
        }
        long[] f = new long[13];
        for (int i = 0; i < f.length; i++) {
            f[i] = Long.parseLong(new String(src, off + 6 + 8 * i, 8, StandardCharsets.US_ASCII), 16);
        }
        String name = new String(src, off + FIXED_LENGTH, (int) f[11] - 1, StandardCharsets.UTF_8);
        return new NewcHeader(f[0], (int) f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], name);
    }
}
