package io.github.bootimage.fat;

import io.github.bootimage.BootImageException;
import java.nio.charset.StandardCharsets;

/** The volume label, kept both in the boot sector (BS_VolLab) and as the root's ATTR_VOLUME_ID entry, like mkfs.fat. */
final class VolumeLabel {
    private VolumeLabel() {
    }

    static void check(String label) throws BootImageException {
        boolean ok = !label.isEmpty() && label.length() <= 11 && !label.startsWith(" ")
                && label.chars().allMatch(c -> c == ' ' || ShortNames.isShortName(String.valueOf((char) c)));
        if (!ok) {
            throw new BootImageException("Invalid FAT volume label '" + label + "': use 1 to 11 characters A-Z, 0-9, "
                    + "space or $%'-_@~`!(){}^#&, not starting with a space.");
        }
    }

    /** The 11 bytes, padded with spaces. */
    static byte[] bytes(String label) {
        return String.format("%-11s", label).getBytes(StandardCharsets.US_ASCII);
    }

    static String padded(String label) {
        return String.format("%-11s", label);
    }
}
