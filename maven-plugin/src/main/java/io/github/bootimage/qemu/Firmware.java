package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The firmware QEMU boots with: SeaBIOS, OVMF (UEFI), or OVMF with Secure Boot enforced. */
public enum Firmware {
    BIOS("bios"),
    UEFI("uefi"),
    UEFI_SECUREBOOT("uefi-secureboot");

    private final String id;

    Firmware(String id) {
        this.id = id;
    }

    /** The name used in configuration, logs and report names, e.g. {@code uefi-secureboot}. */
    public String id() {
        return id;
    }

    public boolean isUefi() {
        return this != BIOS;
    }

    public static Firmware parse(String value) throws BootImageException {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Firmware f : values()) {
            if (f.id.equals(v)) {
                return f;
            }
        }
        throw new BootImageException("unknown firmware '" + value + "': use one of "
                + Arrays.stream(values()).map(Firmware::id).collect(Collectors.joining(", ")));
    }
}
