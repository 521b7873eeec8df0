package io.github.bootimage.iso9660.eltorito;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The boot-info-table of mkisofs {@code -boot-info-table}, which ISOLINUX and GRUB's cdboot.img read to find
 * themselves: 56 bytes at offset 8 of the boot file holding the PVD LBA, the file's LBA, its length and the
 * 32-bit little-endian sum of the file's words from byte 64 (the rest reserved, zero). With {@code grub2}
 * (xorriso's {@code --grub2-boot-info}) also the 64-bit little-endian 512-byte sector of the file's byte 2560
 * at byte {@link #GRUB2_BOOT_INFO}: the start of diskboot.img's blocklist, where GRUB loads its core from when
 * booted as a hybrid disk. The checksum covers that patched value, as xorriso computes it.
 */
public record BootInfoTable(long pvdLba, long fileLba, long fileLength, int checksum, boolean grub2) {
    public static final int OFFSET = 8;
    public static final int LENGTH = 56;
    static final int SUMMED_FROM = 64;
    /** cdboot.img (2048 bytes) + the blocklist's offset in diskboot.img (500). */
    public static final int GRUB2_BOOT_INFO = 2548;
    /** 512-byte sectors from the file's start to its byte 2560: cdboot.img (4) and diskboot.img (1). */
    private static final int GRUB2_SECTORS = 5;

    public BootInfoTable(long pvdLba, long fileLba, long fileLength, int checksum) {
        this(pvdLba, fileLba, fileLength, checksum, false);
    }

    /** The value patched at {@link #GRUB2_BOOT_INFO}. */
    public static long grub2Sector(long fileLba) {
        return fileLba * 4 + GRUB2_SECTORS;
    }

    /** Bytes of the file up to the end of the last patched field. */
    public long patchEnd() {
        return grub2 ? GRUB2_BOOT_INFO + 8 : OFFSET + LENGTH;
    }

    /** Patches {@code len} bytes of {@code buf}, which hold the file's bytes from {@code at}. */
    public void patch(byte[] buf, int len, long at) {
        patch(buf, len, at, OFFSET, encode());
        if (grub2) {
            patch(buf, len, at, GRUB2_BOOT_INFO, grub2Bytes(fileLba));
        }
    }

    private static void patch(byte[] buf, int len, long at, int offset, byte[] patch) {
        for (int i = 0; i < len; i++) {
            long p = at + i - offset;
            if (p >= 0 && p < patch.length) {
                buf[i] = patch[(int) p];
            }
        }
    }

    private static byte[] grub2Bytes(long fileLba) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(grub2Sector(fileLba)).array();
    }

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
        return checksum(content, path, -1);
    }

    /** The checksum of the file as written, with grub2-boot-info patched in when {@code fileLba >= 0}. */
    public static int checksum(Content content, String path, long fileLba) throws BootImageException {
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
                if (fileLba >= 0) {
                    patch(buf, n, pos, GRUB2_BOOT_INFO, grub2Bytes(fileLba));
                }
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
