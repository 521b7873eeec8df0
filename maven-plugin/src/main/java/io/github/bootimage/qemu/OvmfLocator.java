package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds OVMF where distributions install it, or takes configured files. Code and variables must come as a pair
 * of the same flash size (2 MiB or 4 MiB builds do not mix), so the candidates are listed as pairs.
 * Secure Boot needs the SMM build of the code and a variable store with Microsoft's keys enrolled (so that the
 * Microsoft-signed shim loads).
 */
public final class OvmfLocator {
    private static final List<OvmfFiles> UEFI = List.of(
            // Debian 11+, Ubuntu 22.04+ (package ovmf)
            pair("usr/share/OVMF/OVMF_CODE_4M.fd", "usr/share/OVMF/OVMF_VARS_4M.fd"),
            // older Debian/Ubuntu
            pair("usr/share/OVMF/OVMF_CODE.fd", "usr/share/OVMF/OVMF_VARS.fd"),
            // Fedora, RHEL (package edk2-ovmf)
            pair("usr/share/edk2/ovmf/OVMF_CODE.fd", "usr/share/edk2/ovmf/OVMF_VARS.fd"),
            pair("usr/share/edk2/ovmf-4m/OVMF_CODE.fd", "usr/share/edk2/ovmf-4m/OVMF_VARS.fd"),
            // Arch (package edk2-ovmf)
            pair("usr/share/edk2/x64/OVMF_CODE.4m.fd", "usr/share/edk2/x64/OVMF_VARS.4m.fd"),
            pair("usr/share/edk2-ovmf/x64/OVMF_CODE.fd", "usr/share/edk2-ovmf/x64/OVMF_VARS.fd"));
    private static final List<OvmfFiles> SECURE_BOOT = List.of(
            pair("usr/share/OVMF/OVMF_CODE_4M.secboot.fd", "usr/share/OVMF/OVMF_VARS_4M.ms.fd"),
            pair("usr/share/OVMF/OVMF_CODE.secboot.fd", "usr/share/OVMF/OVMF_VARS.ms.fd"),
            pair("usr/share/edk2/ovmf/OVMF_CODE.secboot.fd", "usr/share/edk2/ovmf/OVMF_VARS.secboot.fd"),
            pair("usr/share/edk2/ovmf-4m/OVMF_CODE.secboot.fd", "usr/share/edk2/ovmf-4m/OVMF_VARS.secboot.fd"),
            pair("usr/share/edk2/x64/OVMF_CODE.secboot.4m.fd", "usr/share/edk2/x64/OVMF_VARS.4m.fd"),
            pair("usr/share/edk2-ovmf/x64/OVMF_CODE.secboot.fd", "usr/share/edk2-ovmf/x64/OVMF_VARS.fd"));

    private final Path root;
    private final Optional<OvmfFiles> configuredUefi;
    private final Optional<OvmfFiles> configuredSecureBoot;

    /**
     * @param root                 the file system root the usual places are resolved against ({@code /})
     * @param configuredUefi       files to use for {@code uefi} instead of searching
     * @param configuredSecureBoot files to use for {@code uefi-secureboot} instead of searching
     */
    public OvmfLocator(Path root, Optional<OvmfFiles> configuredUefi, Optional<OvmfFiles> configuredSecureBoot) {
        this.root = root;
        this.configuredUefi = configuredUefi;
        this.configuredSecureBoot = configuredSecureBoot;
    }

    private static OvmfFiles pair(String code, String vars) {
        return new OvmfFiles(Path.of(code), Path.of(vars));
    }

    /** The firmware files for a UEFI target. */
    public OvmfFiles locate(Firmware firmware) throws BootImageException {
        if (!firmware.isUefi()) {
            throw new IllegalArgumentException(firmware + " does not use OVMF");
        }
        boolean secure = firmware == Firmware.UEFI_SECUREBOOT;
        Optional<OvmfFiles> configured = secure ? configuredSecureBoot : configuredUefi;
        if (configured.isPresent()) {
            return checkConfigured(configured.get(), firmware);
        }
        List<String> tried = new ArrayList<>();
        for (OvmfFiles candidate : secure ? SECURE_BOOT : UEFI) {
            Path code = root.resolve(candidate.code());
            Path vars = root.resolve(candidate.varsTemplate());
            if (Files.isRegularFile(code) && Files.isRegularFile(vars)) {
                return new OvmfFiles(code, vars);
            }
            tried.add(code + " + " + vars);
        }
        throw new BootImageException("no OVMF firmware for target firmware '" + firmware.id() + "'; looked for:\n  "
                + String.join("\n  ", tried) + "\n" + QemuHost.INSTALL_HINT_OVMF
                + "\nor point the plugin at the files with <" + (secure ? "ovmfSecureBootCode" : "ovmfCode")
                + "> and <" + (secure ? "ovmfSecureBootVars" : "ovmfVars") + ">.\n" + QemuHost.SKIP_HINT);
    }

    private static OvmfFiles checkConfigured(OvmfFiles files, Firmware firmware) throws BootImageException {
        for (Path p : List.of(files.code(), files.varsTemplate())) {
            if (!Files.isRegularFile(p)) {
                throw new BootImageException("configured OVMF file " + p + " for firmware '" + firmware.id()
                        + "' does not exist or is not a regular file. " + QemuHost.INSTALL_HINT_OVMF);
            }
        }
        return files;
    }
}
