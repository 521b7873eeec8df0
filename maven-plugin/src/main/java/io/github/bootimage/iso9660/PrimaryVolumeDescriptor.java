package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;

/**
 * The primary volume descriptor (ECMA-119 §8.4, type 1), or with {@code joliet} the Joliet supplementary
 * volume descriptor (§8.5, type 2, escape sequence "%/E" for UCS-2 level 3, identifiers in UCS-2BE).
 * Expiration and effective dates are "not specified", as xorriso writes them.
 */
public record PrimaryVolumeDescriptor(boolean joliet, String systemId, String volumeId, long volumeSpaceSize,
        long pathTableSize, long typeLPathTable, long typeMPathTable, DirectoryRecord root, String volumeSetId,
        String publisherId, String preparerId, String applicationId, Instant created) implements VolumeDescriptor {
    public static final int PRIMARY = 1;
    public static final int SUPPLEMENTARY = 2;
    static final byte[] JOLIET_ESCAPE = {0x25, 0x2F, 0x45};
    private static final int SYSTEM_ID = 8;
    private static final int VOLUME_ID = 40;
    private static final int VOLUME_SPACE_SIZE = 80;
    private static final int ESCAPE_SEQUENCES = 88;
    private static final int VOLUME_SET_SIZE = 120;
    private static final int VOLUME_SEQUENCE_NUMBER = 124;
    private static final int LOGICAL_BLOCK_SIZE = 128;
    private static final int PATH_TABLE_SIZE = 132;
    private static final int TYPE_L_PATH_TABLE = 140;
    private static final int TYPE_M_PATH_TABLE = 148;
    private static final int ROOT_RECORD = 156;
    private static final int VOLUME_SET_ID = 190;
    private static final int PUBLISHER_ID = 318;
    private static final int PREPARER_ID = 446;
    private static final int APPLICATION_ID = 574;
    private static final int CREATION_DATE = 813;
    private static final int MODIFICATION_DATE = 830;
    private static final int EXPIRATION_DATE = 847;
    private static final int EFFECTIVE_DATE = 864;
    private static final int FILE_STRUCTURE_VERSION = 881;
    private static final int[] FILE_IDS = {702, 739, 776}; // copyright, abstract, bibliographic: 37 bytes each

    @Override
    public byte[] encode() {
        byte[] b = VolumeDescriptor.header(joliet ? SUPPLEMENTARY : PRIMARY);
        text(b, SYSTEM_ID, 32, systemId, "system id");
        text(b, VOLUME_ID, 32, volumeId, "volume id");
        IsoBytes.putBoth32(b, VOLUME_SPACE_SIZE, volumeSpaceSize);
        if (joliet) {
            System.arraycopy(JOLIET_ESCAPE, 0, b, ESCAPE_SEQUENCES, JOLIET_ESCAPE.length);
        }
        IsoBytes.putBoth16(b, VOLUME_SET_SIZE, 1);
        IsoBytes.putBoth16(b, VOLUME_SEQUENCE_NUMBER, 1);
        IsoBytes.putBoth16(b, LOGICAL_BLOCK_SIZE, IsoBytes.SECTOR);
        IsoBytes.putBoth32(b, PATH_TABLE_SIZE, pathTableSize);
        IsoBytes.put32(b, TYPE_L_PATH_TABLE, typeLPathTable, ByteOrder.LITTLE_ENDIAN);
        IsoBytes.put32(b, TYPE_M_PATH_TABLE, typeMPathTable, ByteOrder.BIG_ENDIAN);
        byte[] r = root.encode();
        System.arraycopy(r, 0, b, ROOT_RECORD, r.length);
        text(b, VOLUME_SET_ID, 128, volumeSetId, "volume set id");
        text(b, PUBLISHER_ID, 128, publisherId, "publisher id");
        text(b, PREPARER_ID, 128, preparerId, "data preparer id");
        text(b, APPLICATION_ID, 128, applicationId, "application id");
        for (int off : FILE_IDS) {
            text(b, off, 37, "", "file id");
        }
        IsoBytes.putDate17(b, CREATION_DATE, created);
        IsoBytes.putDate17(b, MODIFICATION_DATE, created);
        IsoBytes.putDate17(b, EXPIRATION_DATE, null);
        IsoBytes.putDate17(b, EFFECTIVE_DATE, null);
        b[FILE_STRUCTURE_VERSION] = 1;
        return b;
    }

    private void text(byte[] b, int off, int len, String value, String field) {
        if (joliet) {
            IsoBytes.putPaddedUcs2(b, off, len, value, field);
        } else {
            IsoBytes.putPadded(b, off, len, value, field);
        }
    }

    public static PrimaryVolumeDescriptor decode(byte[] b) {
        boolean joliet = (b[0] & 0xFF) == SUPPLEMENTARY;
        VolumeDescriptor.checkHeader(b, joliet ? SUPPLEMENTARY : PRIMARY);
        if (joliet && !Arrays.equals(Arrays.copyOfRange(b, ESCAPE_SEQUENCES, ESCAPE_SEQUENCES + 3), JOLIET_ESCAPE)) {
            throw new IllegalArgumentException("supplementary volume descriptor without the Joliet escape %/E");
        }
        return new PrimaryVolumeDescriptor(joliet, text(b, SYSTEM_ID, 32, joliet), text(b, VOLUME_ID, 32, joliet),
                IsoBytes.getBoth32(b, VOLUME_SPACE_SIZE), IsoBytes.getBoth32(b, PATH_TABLE_SIZE),
                IsoBytes.get32(b, TYPE_L_PATH_TABLE, ByteOrder.LITTLE_ENDIAN),
                IsoBytes.get32(b, TYPE_M_PATH_TABLE, ByteOrder.BIG_ENDIAN), DirectoryRecord.decode(b, ROOT_RECORD),
                text(b, VOLUME_SET_ID, 128, joliet), text(b, PUBLISHER_ID, 128, joliet),
                text(b, PREPARER_ID, 128, joliet), text(b, APPLICATION_ID, 128, joliet),
                IsoBytes.getDate17(b, CREATION_DATE));
    }

    private static String text(byte[] b, int off, int len, boolean joliet) {
        return joliet ? IsoBytes.getPaddedUcs2(b, off, len) : IsoBytes.getPadded(b, off, len);
    }
}
