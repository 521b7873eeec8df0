package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.time.Instant;
import java.util.Arrays;

/**
 * A directory record, ECMA-119 §9.1. The record is padded to an even length (the padding byte after an
 * even-length identifier, §9.1.12, and one zero byte after an odd System Use field, as mkisofs does).
 *
 * @param extent      LBA of the extent (§9.1.3)
 * @param dataLength  bytes of the extent (§9.1.4), below 4 GiB; bigger files use several records
 * @param flags       file flags (§9.1.6): {@link #DIRECTORY}, {@link #MULTI_EXTENT}
 * @param identifier  file identifier bytes (§9.1.11); {@code 00} is ".", {@code 01} is ".."
 * @param systemUse   the System Use field (§9.1.13), Rock Ridge entries
 */
public record DirectoryRecord(long extent, long dataLength, Instant recorded, int flags, byte[] identifier,
        byte[] systemUse) {
    public static final int DIRECTORY = 0x02;
    public static final int MULTI_EXTENT = 0x80;
    public static final byte[] SELF = {0};
    public static final byte[] PARENT = {1};
    private static final int FIXED = 33;

    public DirectoryRecord {
        identifier = identifier.clone();
        systemUse = systemUse.clone();
        if (identifier.length == 0 || identifier.length > 222) {
            throw new IllegalArgumentException("file identifier length " + identifier.length + " not in 1..222");
        }
        int len = length(identifier.length, systemUse.length);
        if (len > 255) {
            throw new IllegalArgumentException("directory record of " + len + " bytes exceeds 255 (identifier "
                    + identifier.length + " bytes, system use " + systemUse.length + " bytes)");
        }
    }

    /** The record length for an identifier and System Use field of these lengths. */
    public static int length(int identifierLength, int systemUseLength) {
        int len = FIXED + identifierLength + ((identifierLength & 1) == 0 ? 1 : 0) + systemUseLength;
        return len + (len & 1);
    }

    /** Offset of the System Use field in a record with this identifier length. */
    public static int systemUseOffset(int identifierLength) {
        return FIXED + identifierLength + ((identifierLength & 1) == 0 ? 1 : 0);
    }

    public int length() {
        return length(identifier.length, systemUse.length);
    }

    public byte[] encode() {
        byte[] b = new byte[length()];
        byte[] date = new byte[7];
        IsoBytes.putDate7(date, 0, recorded);
        int su = encodeFixed(b, 0, extent, dataLength, date, flags, identifier, systemUse.length);
        System.arraycopy(systemUse, 0, b, su, systemUse.length);
        return b;
    }

    /**
     * Writes a record's fields up to its System Use field at {@code off} of {@code b} (which must be zero from
     * there on, for the padding bytes), without building the record: the writer's path, one call per record.
     * Returns the offset of the System Use field, which the caller fills with {@code systemUseLength} bytes.
     */
    static int encodeFixed(byte[] b, int off, long extent, long dataLength, byte[] date7, int flags,
            byte[] identifier, int systemUseLength) {
        int len = length(identifier.length, systemUseLength);
        if (len > 255) {
            throw new IllegalArgumentException("directory record of " + len + " bytes exceeds 255 (identifier "
                    + identifier.length + " bytes, system use " + systemUseLength + " bytes)");
        }
        b[off] = (byte) len;
        b[off + 1] = 0; // no extended attribute record
        IsoBytes.putBoth32(b, off + 2, extent);
        IsoBytes.putBoth32(b, off + 10, dataLength);
        System.arraycopy(date7, 0, b, off + 18, 7);
        b[off + 25] = (byte) flags;
        b[off + 26] = 0; // file unit size: not interleaved
        b[off + 27] = 0; // interleave gap size
        IsoBytes.putBoth16(b, off + 28, 1); // volume sequence number
        b[off + 32] = (byte) identifier.length;
        System.arraycopy(identifier, 0, b, off + FIXED, identifier.length);
        return off + systemUseOffset(identifier.length);
    }

    /** Decodes the record at {@code off}; the System Use field keeps any trailing pad byte. */
    public static DirectoryRecord decode(byte[] b, int off) {
        int len = b[off] & 0xFF;
        int idLen = b[off + 32] & 0xFF;
        byte[] id = Arrays.copyOfRange(b, off + FIXED, off + FIXED + idLen);
        int su = off + systemUseOffset(idLen);
        byte[] systemUse = Arrays.copyOfRange(b, su, off + len);
        return new DirectoryRecord(IsoBytes.getBoth32(b, off + 2), IsoBytes.getBoth32(b, off + 10),
                IsoBytes.getDate7(b, off + 18), b[off + 25] & 0xFF, id, systemUse);
    }

    public boolean isDirectory() {
        return (flags & DIRECTORY) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryRecord r && extent == r.extent && dataLength == r.dataLength
                && recorded.equals(r.recorded) && flags == r.flags && Arrays.equals(identifier, r.identifier)
                && Arrays.equals(systemUse, r.systemUse);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(extent) * 31 + Arrays.hashCode(identifier);
    }

    @Override
    public String toString() {
        return "DirectoryRecord[" + new String(identifier, java.nio.charset.StandardCharsets.ISO_8859_1) + " @"
                + extent + " len " + dataLength + " flags " + flags + " su " + systemUse.length + "]";
    }
}
