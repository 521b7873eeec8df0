package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvmfLocatorTest {
    @TempDir
    Path root;

    private void touch(String... paths) throws IOException {
        for (String p : paths) {
            Files.createDirectories(root.resolve(p).getParent());
            Files.writeString(root.resolve(p), p);
        }
    }

    private OvmfLocator locator() {
        return new OvmfLocator(root, Optional.empty(), Optional.empty());
    }

    @Test
    void debian() throws Exception {
        touch("usr/share/OVMF/OVMF_CODE_4M.fd", "usr/share/OVMF/OVMF_VARS_4M.fd",
                "usr/share/OVMF/OVMF_CODE_4M.secboot.fd", "usr/share/OVMF/OVMF_VARS_4M.ms.fd");
        assertThat(locator().locate(Firmware.UEFI)).isEqualTo(new OvmfFiles(
                root.resolve("usr/share/OVMF/OVMF_CODE_4M.fd"), root.resolve("usr/share/OVMF/OVMF_VARS_4M.fd")));
        assertThat(locator().locate(Firmware.UEFI_SECUREBOOT)).isEqualTo(new OvmfFiles(
                root.resolve("usr/share/OVMF/OVMF_CODE_4M.secboot.fd"),
                root.resolve("usr/share/OVMF/OVMF_VARS_4M.ms.fd")));
    }

    @Test
    void fedora() throws Exception {
        touch("usr/share/edk2/ovmf/OVMF_CODE.fd", "usr/share/edk2/ovmf/OVMF_VARS.fd",
                "usr/share/edk2/ovmf/OVMF_CODE.secboot.fd", "usr/share/edk2/ovmf/OVMF_VARS.secboot.fd");
        assertThat(locator().locate(Firmware.UEFI).code()).isEqualTo(root.resolve("usr/share/edk2/ovmf/OVMF_CODE.fd"));
        assertThat(locator().locate(Firmware.UEFI_SECUREBOOT).varsTemplate())
                .isEqualTo(root.resolve("usr/share/edk2/ovmf/OVMF_VARS.secboot.fd"));
    }

    @Test
    void arch() throws Exception {
        touch("usr/share/edk2/x64/OVMF_CODE.4m.fd", "usr/share/edk2/x64/OVMF_VARS.4m.fd");
        assertThat(locator().locate(Firmware.UEFI).varsTemplate())
                .isEqualTo(root.resolve("usr/share/edk2/x64/OVMF_VARS.4m.fd"));
    }

    @Test
    void codeWithoutMatchingVarsIsNotAPair() throws Exception {
        touch("usr/share/OVMF/OVMF_CODE_4M.fd", "usr/share/OVMF/OVMF_VARS.fd");
        assertThatThrownBy(() -> locator().locate(Firmware.UEFI)).isInstanceOf(BootImageException.class);
    }

    @Test
    void missingFirmwareNamesThePackagesAndHowToSkip() {
        assertThatThrownBy(() -> locator().locate(Firmware.UEFI_SECUREBOOT))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("uefi-secureboot")
                .hasMessageContaining("apt-get install ovmf")
                .hasMessageContaining("dnf install edk2-ovmf")
                .hasMessageContaining("pacman -S edk2-ovmf")
                .hasMessageContaining("<ovmfSecureBootCode>")
                .hasMessageContaining("-Dbootimage.bootTest.skip");
    }

    @Test
    void configuredFilesWin() throws Exception {
        touch("opt/fw/CODE.fd", "opt/fw/VARS.fd", "usr/share/OVMF/OVMF_CODE_4M.fd", "usr/share/OVMF/OVMF_VARS_4M.fd");
        OvmfFiles mine = new OvmfFiles(root.resolve("opt/fw/CODE.fd"), root.resolve("opt/fw/VARS.fd"));
        assertThat(new OvmfLocator(root, Optional.of(mine), Optional.empty()).locate(Firmware.UEFI)).isEqualTo(mine);
        OvmfFiles missing = new OvmfFiles(root.resolve("opt/fw/NOPE.fd"), root.resolve("opt/fw/VARS.fd"));
        assertThatThrownBy(() -> new OvmfLocator(root, Optional.of(missing), Optional.empty()).locate(Firmware.UEFI))
                .hasMessageContaining("NOPE.fd");
    }
}
