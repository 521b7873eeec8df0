package io.github.bootimage.fat;

import io.github.bootimage.io.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * How to write a FAT image. {@code sizeBytes} 0 means "the smallest image that fits, plus a little slack";
 * {@code type} null means "follow from the size". {@code serial} null derives the volume serial from the
 * epoch, so rebuilds give the same bytes.
 *
 * @param epoch     every entry's date and time
 * @param label     volume label, up to 11 upper-case characters
 * @param sizeBytes fixed image size (a multiple of 512), or 0 for automatic
 * @param type      FAT width, or null
 * @param serial    BS_VolID, or null to derive it from the epoch
 */
public record FatOptions(Instant epoch, String label, long sizeBytes, FatType type, Integer serial) {
    public static final String DEFAULT_LABEL = "EFIBOOT";

    public FatOptions {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(label, "label");
    }

    public static FatOptions of(Instant epoch) {
        return new FatOptions(epoch, DEFAULT_LABEL, 0, null, null);
    }

    public FatOptions withLabel(String newLabel) {
        return new FatOptions(epoch, newLabel, sizeBytes, type, serial);
    }

    public FatOptions withSize(long bytes) {
        return new FatOptions(epoch, label, bytes, type, serial);
    }

    public FatOptions withType(FatType newType) {
        return new FatOptions(epoch, label, sizeBytes, newType, serial);
    }

    public FatOptions withSerial(int newSerial) {
        return new FatOptions(epoch, label, sizeBytes, type, newSerial);
    }

    /** The explicit serial, or the first four bytes of SHA-256 over a fixed prefix and the epoch second. */
    public int volumeSerial() {
        if (serial != null) {
            return serial;
        }
        MessageDigest sha = Sha256.digest();
        sha.update("bootimage FAT volume serial ".getBytes(StandardCharsets.US_ASCII));
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(epoch.getEpochSecond()).array());
        return ByteBuffer.wrap(sha.digest()).getInt();
    }
}
