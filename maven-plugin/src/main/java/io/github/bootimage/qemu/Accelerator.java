package io.github.bootimage.qemu;

/** The accelerator QEMU runs the guest with: KVM, or QEMU's software emulation (TCG). */
public enum Accelerator {
    KVM("kvm", "KVM hardware virtualisation"),
    TCG("tcg", "software emulation (TCG, boots are several times slower than with KVM)");

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
}
