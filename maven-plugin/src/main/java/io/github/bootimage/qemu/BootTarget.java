package io.github.bootimage.qemu;

import java.util.List;
import java.util.Objects;

/** One way to boot the image: a firmware and a medium, e.g. {@code uefi-cdrom}. */
public record BootTarget(Firmware firmware, Medium medium) {
    /** BIOS and UEFI from CD-ROM: what a user of the classic recipe checks by hand. */
    public static final List<BootTarget> DEFAULTS =
            List.of(new BootTarget(Firmware.BIOS, Medium.CDROM), new BootTarget(Firmware.UEFI, Medium.CDROM));

    public BootTarget {
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(medium, "medium");
    }

    /** Name for logs, report test cases and file names. */
    public String name() {
        return firmware.id() + "-" + medium.id();
    }

    @Override
    public String toString() {
        return name();
    }
}
