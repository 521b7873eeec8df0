package io.github.bootimage.kmod;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Named module sets, in the words users think in. Each member is a module name or a path glob, as in
 * {@code <modules>}; a member this kernel lacks (e.g. {@code ntfs3} in Debian 12's kernel) is skipped, while
 * a name the user lists alone must exist. docs/modules.md lists the members; keep the two in step.
 */
public enum ModuleSet {
    /** Disks and their controllers: SATA/AHCI/PATA, NVMe, virtio, SCSI disks/CD/HBAs, SD/MMC, USB mass storage, dm/md. */
    STORAGE(List.of("kernel/drivers/ata/**", "nvme", "virtio_pci", "virtio_blk", "virtio_scsi", "sd_mod", "sr_mod",
            "sg", "ahci", "hpsa", "megaraid_sas", "mpt3sas", "aacraid", "smartpqi", "mptspi", "mptsas", "vmw_pvscsi",
            "hv_storvsc", "xen-blkfront", "xen-scsifront", "kernel/drivers/mmc/**", "kernel/drivers/usb/storage/**",
            "xhci_pci", "ehci_pci", "dm-mod", "dm-crypt", "dm-mirror", "dm-snapshot", "dm-raid", "dm-thin-pool",
            "md-mod", "linear", "raid0", "raid1", "raid10", "raid456", "loop")),
    /** USB host controllers and input devices (keyboards, mice) on USB. */
    USB(List.of("kernel/drivers/usb/host/**", "usbhid", "hid-generic", "uas", "usb-storage")),
    /** File systems a rescue system meets, their native language support and the overlay of a live system. */
    FILESYSTEMS(List.of("ext4", "xfs", "btrfs", "vfat", "msdos", "exfat", "ntfs3", "isofs", "udf", "squashfs",
            "overlay", "erofs", "f2fs", "fuse", "kernel/fs/nls/**")),
    /** Common wired network cards (PCI and USB) and the paravirtual ones of QEMU, VMware, Hyper-V and Xen. */
    NETWORK(List.of("virtio_pci", "virtio_net", "e1000", "e1000e", "igb", "igc", "ixgbe", "i40e", "r8169", "tg3",
            "bnx2", "bnxt_en", "atlantic", "alx", "atl1c", "sky2", "forcedeth", "8139cp", "8139too", "pcnet32",
            "ne2k-pci", "vmxnet3", "hv_netvsc", "xen-netfront", "cdc_ether", "cdc_ncm", "r8152", "asix",
            "ax88179_178a")),
    /** Every module of the kernel. */
    ALL(List.of("**"));

    private final List<String> members;

    ModuleSet(List<String> members) {
        this.members = members;
    }

    /** The members: module names and path globs below {@code lib/modules/<release>/}. */
    public List<String> members() {
        return members;
    }

    /** The name users write: {@code storage}, {@code usb}, {@code filesystems}, {@code network}, {@code all}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModuleSet> of(String id) {
        for (ModuleSet s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
