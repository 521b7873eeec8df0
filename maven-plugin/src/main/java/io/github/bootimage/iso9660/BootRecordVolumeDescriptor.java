package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The boot record volume descriptor, ECMA-119 §8.2 as used by El Torito 1.0 §2.0: boot system identifier
 * "EL TORITO SPECIFICATION" (zero padded) and, at byte 0x47, the LBA of the boot catalog (little-endian).
 */
public record BootRecordVolumeDescriptor(long catalogLba) implements VolumeDescriptor {
    public static final int TYPE = 0;
    public static final String EL_TORITO = "EL TORITO SPECIFICATION";
    private static final int SYSTEM_ID = 7;
    private static final int CATALOG_POINTER = 0x47;

    @Override
    public byte[] encode() {
        byte[] b = VolumeDescriptor.header(TYPE);
        byte[] id = EL_TORITO.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, b, SYSTEM_ID, id.length);
        IsoBytes.put32(b, CATALOG_POINTER, catalogLba, ByteOrder.LITTLE_ENDIAN);
        return b;
    }

    public static BootRecordVolumeDescriptor decode(byte[] b) {
        VolumeDescriptor.checkHeader(b, TYPE);
        String id = new String(b, SYSTEM_ID, 32, StandardCharsets.US_ASCII).replace("\0", "");
        if (!id.equals(EL_TORITO)) {
            throw new IllegalArgumentException("boot system identifier '" + id + "' is not El Torito");
        }
        return new BootRecordVolumeDescriptor(IsoBytes.get32(b, CATALOG_POINTER, ByteOrder.LITTLE_ENDIAN));
    }
}
