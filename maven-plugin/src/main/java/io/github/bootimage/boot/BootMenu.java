package io.github.bootimage.boot;

import java.util.List;

/**
 * The one boot-menu model, rendered for ISOLINUX (BIOS) and GRUB (UEFI) so that both firmwares offer the
 * same choices.
 *
 * @param entries        at least one entry
 * @param defaultEntry   index of the entry booted when the timeout expires
 * @param timeoutSeconds seconds to wait at the menu; 0 boots the default at once
 * @param serial         whether the boot loader itself also talks on the first serial port (115200 8N1)
 * @param kernel         absolute path of the kernel on the image
 * @param initrd         absolute path of the initramfs on the image
 */
public record BootMenu(List<MenuEntry> entries, int defaultEntry, int timeoutSeconds, boolean serial,
        String kernel, String initrd) {

    public BootMenu {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the boot menu needs at least one entry");
        }
        if (defaultEntry < 0 || defaultEntry >= entries.size()) {
            throw new IllegalArgumentException("default boot entry " + defaultEntry + " does not exist (there are "
                    + entries.size() + " entries, counted from 0)");
        }
        if (timeoutSeconds < 0 || timeoutSeconds > 3600) {
            throw new IllegalArgumentException("boot menu timeout must be between 0 and 3600 seconds");
        }
        if (entries.stream().map(MenuEntry::label).distinct().count() != entries.size()) {
            throw new IllegalArgumentException("boot menu labels must be unique");
        }
        if (!kernel.startsWith("/") || !initrd.startsWith("/")) {
            throw new IllegalArgumentException("kernel and initrd paths on the image must be absolute, got '"
                    + kernel + "' and '" + initrd + "'");
        }
    }

    public MenuEntry defaultMenuEntry() {
        return entries.get(defaultEntry);
    }
}
