package io.github.bootimage.partition.gpt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** GUIDs in the on-disk form of UEFI Appendix A: the first three fields little-endian, the rest as is. */
public final class Guid {
    /** EFI_PART_TYPE basic data (Microsoft), what xorriso's -isohybrid-gpt-basdat uses for both entries. */
    public static final UUID BASIC_DATA = UUID.fromString("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7");
    /** EFI System Partition. */
    public static final UUID EFI_SYSTEM = UUID.fromString("C12A7328-F81F-11D2-BA4B-00A0C93EC93B");
    /** Namespace of our name-based GUIDs (itself a version 5 UUID of "io.github.bootimage" in the URL namespace). */
    private static final UUID NAMESPACE = nameBased(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "io.github.bootimage");

    private Guid() {
    }

    /** A version 5 (SHA-1, RFC 4122 §4.3) UUID for {@code name}: the same name always gives the same GUID. */
    public static UUID derive(String name) {
        return nameBased(NAMESPACE, name);
    }

    private static UUID nameBased(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) (h[6] & 0x0F | 0x50);
            h[8] = (byte) (h[8] & 0x3F | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    public static void encode(UUID guid, ByteBuffer out) {
        long msb = guid.getMostSignificantBits();
        out.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16))
                .putShort((short) msb);
        out.order(ByteOrder.BIG_ENDIAN).putLong(guid.getLeastSignificantBits());
        out.order(ByteOrder.LITTLE_ENDIAN);
    }

    public static UUID decode(ByteBuffer in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        long a = Integer.toUnsignedLong(in.getInt());
        long b = Short.toUnsignedLong(in.getShort());
        long c = Short.toUnsignedLong(in.getShort());
        long lsb = in.order(ByteOrder.BIG_ENDIAN).getLong();
        in.order(ByteOrder.LITTLE_ENDIAN);
        return new UUID(a << 32 | b << 16 | c, lsb);
    }
}
