package io.github.bootimage.maven;

/** A {@code <target>} of the boot-test configuration: {@code <firmware>} and {@code <medium>}. */
public class Target {
    /** {@code bios}, {@code uefi} or {@code uefi-secureboot}. */
    private String firmware = "bios";
    /** {@code cdrom}, {@code disk} or {@code kernel}. */
    private String medium = "cdrom";

    public Target() {
    }

    public Target(String firmware, String medium) {
        this.firmware = firmware;
        this.medium = medium;
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public String getMedium() {
        return medium;
    }

    public void setMedium(String medium) {
        this.medium = medium;
    }
}
