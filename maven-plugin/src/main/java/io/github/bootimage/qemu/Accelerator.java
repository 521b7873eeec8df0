package io.github.bootimage.qemu;

import java.nio.file.Files;
import java.nio.file.Path;

/** KVM when the host lets us open {@code /dev/kvm}, otherwise QEMU's software emulation (TCG). */
public enum Accelerator {
    KVM("kvm", "KVM hardware virtualisation"),
    TCG("tcg", "software emulation (TCG, no usable /dev/kvm: boots are several times slower)");

    private final String qemuName;
    private final String description;

    Accelerator(String qemuName, String description) {
        this.qemuName = qemuName;
        this.description = description;
    }

    public String qemuName() {
        return qemuName;
    }

    public String description() {
        return description;
    }

    /** KVM needs read and write access to the device, which is what group {@code kvm} membership grants. */
    public static Accelerator detect(Path kvmDevice) {
        return Files.exists(kvmDevice) && Files.isReadable(kvmDevice) && Files.isWritable(kvmDevice) ? KVM : TCG;
    }
}
