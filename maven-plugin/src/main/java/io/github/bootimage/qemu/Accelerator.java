package io.github.bootimage.qemu;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

    /**
     * KVM needs the device opened for reading and writing, which is what group {@code kvm} membership grants;
     * opening it is the only check that also holds in containers and for root.
     */
    public static Accelerator detect(Path kvmDevice) {
        if (!Files.exists(kvmDevice)) {
            return TCG;
        }
        try (FileChannel ignored = FileChannel.open(kvmDevice, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return KVM;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return TCG;
        }
    }
}
