package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.util.Locale;

/**
 * What the user asked for ({@code accel} parameter, property {@code bootimage.accel}): {@code auto} uses KVM only
 * when a test guest has been seen to run with it on this host, {@code kvm} insists on it, {@code tcg} never probes.
 */
public enum AcceleratorChoice {
    AUTO, KVM, TCG;

    /** The hint every accelerator message ends with. */
    public static final String FORCE_HINT = "Force with -Dbootimage.accel=kvm|tcg (or <accel> in the plugin "
            + "configuration)";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AcceleratorChoice parse(String value) throws BootImageException {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (AcceleratorChoice c : values()) {
            if (c.id().equals(v)) {
                return c;
            }
        }
        throw new BootImageException("unknown accelerator '" + value + "' (parameter <accel>, property "
                + "bootimage.accel): use auto, kvm or tcg");
    }
}
