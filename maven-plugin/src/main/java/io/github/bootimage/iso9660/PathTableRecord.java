package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A path table record, ECMA-119 §9.4: one per directory, in the type L (little-endian) or type M
 * (big-endian) path table. The root's identifier is the single byte 00.
 *
 * @param identifier directory identifier bytes (d-characters, or UCS-2BE in the Joliet tree)
 * @param extent     LBA of the directory's extent
 * @param parent     1-based number of the parent directory in the same table (the root is its own parent)
 */
public record PathTableRecord(byte[] identifier, long extent, int parent) {

    public PathTableRecord {
        identifier = identifier.clone();
        if (identifier.length == 0 || identifier.length > 255) {
            throw new IllegalArgumentException("directory identifier length " + identifier.length);
        }
        if (parent < 1 || parent > 0xFFFF) {
            throw new IllegalArgumentException("parent directory number " + parent + " not in 1..65535; the path"
                    + " table cannot hold more than 65535 directories (ECMA-119 §9.4.4)");
        }
    }

    public int length() {
        return 8 + identifier.length + (identifier.length & 1);
    }

    public byte[] encode(ByteOrder order) {
        byte[] b = new byte[length()];
        b[0] = (byte) identifier.length;
        b[1] = 0; // extended attribute record length
        IsoBytes.put32(b, 2, extent, order);
        java.nio.ByteBuffer.wrap(b, 6, 2).order(order).putShort((short) parent);
        System.arraycopy(identifier, 0, b, 8, identifier.length);
        return b;
    }

    public static PathTableRecord decode(byte[] b, int off, ByteOrder order) {
        int len = b[off] & 0xFF;
        long extent = IsoBytes.get32(b, off + 2, order);
        int parent = Short.toUnsignedInt(java.nio.ByteBuffer.wrap(b, off + 6, 2).order(order).getShort());
        return new PathTableRecord(Arrays.copyOfRange(b, off + 8, off + 8 + len), extent, parent);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTableRecord r && Arrays.equals(identifier, r.identifier) && extent == r.extent
                && parent == r.parent;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(identifier) * 31 + Long.hashCode(extent);
    }
}
