package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.nio.charset.StandardCharsets;

/** A volume descriptor, ECMA-119 §8: one 2048-byte sector of the descriptor set starting at LBA 16. */
public sealed interface VolumeDescriptor
        permits PrimaryVolumeDescriptor, BootRecordVolumeDescriptor, VolumeDescriptorSetTerminator {
    byte[] STANDARD_ID = "CD001".getBytes(StandardCharsets.US_ASCII);

    byte[] encode();

    /** The common header of §8.1: type, "CD001", version 1. */
    static byte[] header(int type) {
        byte[] b = new byte[IsoBytes.SECTOR];
        b[0] = (byte) type;
        System.arraycopy(STANDARD_ID, 0, b, 1, STANDARD_ID.length);
        b[6] = 1;
        return b;
    }

    static void checkHeader(byte[] b, int type) {
        if ((b[0] & 0xFF) != type || !new String(b, 1, 5, StandardCharsets.US_ASCII).equals("CD001") || b[6] != 1) {
            throw new IllegalArgumentException("not a volume descriptor of type " + type);
        }
    }
}
