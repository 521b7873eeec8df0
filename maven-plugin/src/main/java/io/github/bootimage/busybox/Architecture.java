package io.github.bootimage.busybox;

/** Target architectures, by their ELF {@code e_machine} (System V ABI) and word size. */
public enum Architecture {
    X86_64(62, true, "x86_64", "amd64"),
    AARCH64(183, true, "aarch64", "arm64"),
    I386(3, false, "i386", "i386"),
    RISCV64(243, true, "riscv64", "riscv64");

    private final int machine;
    private final boolean is64;
    private final String unameName;
    private final String debianName;

    Architecture(int machine, boolean is64, String unameName, String debianName) {
        this.machine = machine;
        this.is64 = is64;
        this.unameName = unameName;
        this.debianName = debianName;
    }

    public int elfMachine() {
        return machine;
    }

    public boolean is64Bit() {
        return is64;
    }

    /** As {@code uname -m} says it. */
    public String unameName() {
        return unameName;
    }

    /** As Debian names the port. */
    public String debianName() {
        return debianName;
    }

    static String describeMachine(int machine) {
        for (Architecture a : values()) {
            if (a.machine == machine) {
                return a.unameName;
            }
        }
        return "ELF machine " + machine;
    }
}
