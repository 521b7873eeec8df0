package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the image reaches the machine: as a CD-ROM, as a disk (the USB stick case), or kernel + initrd directly. */
public enum Medium {
    CDROM("cdrom"),
    DISK("disk"),
    KERNEL("kernel");

    private final String id;

    Medium(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Medium parse(String value) throws BootImageException {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Medium m : values()) {
            if (m.id.equals(v)) {
                return m;
            }
        }
        throw new BootImageException("unknown medium '" + value + "': use one of "
                + Arrays.stream(values()).map(Medium::id).collect(Collectors.joining(", ")));
    }
}
