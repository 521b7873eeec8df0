package io.github.bootimage.iso9660.eltorito;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The boot-info-table of mkisofs {@code -boot-info-table}, which ISOLINUX reads to find itself: 56 bytes
 * at offset 8 of the boot file holding the PVD LBA, the file's LBA, its length and the 32-bit
 * little-endian sum of the file's words from byte 64 (the rest reserved, zero).
 */
public record BootInfoTable(long pvdLba, long fileLba, long fileLength, int checksum) {
    public static final int OFFSET = 8;
    public static final int LENGTH = 56;
    static final int SUMMED_FROM = 64;

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) pvdLba).putInt((int) fileLba).putInt((int) fileLength).putInt(checksum);
        return b.array();
    }

    public static BootInfoTable decode(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file, OFFSET, 16).order(ByteOrder.LITTLE_ENDIAN);
        return new BootInfoTable(Integer.toUnsignedLong(b.getInt()), Integer.toUnsignedLong(b.getInt()),
                Integer.toUnsignedLong(b.getInt()), b.getInt());
    }

    /** Streams the content once to sum its 32-bit words from byte 64; a short last word is zero padded. */
    public static int checksum(Content content, String path) throws BootImageException {
        if (content.size() < SUMMED_FROM) {
            throw new BootImageException("Boot file " + path + " has " + content.size() + " bytes, but a file that "
                    + "takes a boot-info-table needs at least 64 (is it really isolinux.bin?).");
        }
        try (InputStream in = content.open()) {
            in.skipNBytes(SUMMED_FROM);
            byte[] buf = new byte[65536];
            int sum = 0;
            long pos = SUMMED_FROM;
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    sum += (buf[i] & 0xFF) << (8 * (int) ((pos + i) & 3));
                }
                pos += n;
            }
            return sum;
        } catch (IOException e) {
            throw new BootImageException("Cannot read boot file " + path + ": " + e.getMessage(), e);
        }
    }
}
