package io.github.bootimage.kmod;

import java.nio.file.Path;

/**
 * One module file of a tree.
 *
 * @param name        the module name ({@code usb_storage})
 * @param path        its path below {@code lib/modules/<release>/} as found ({@code kernel/.../usb-storage.ko.xz})
 * @param file        the file on the build host
 * @param compression how the file is compressed
 * @param size        the size of the file on the host
 */
public record ModuleFile(String name, String path, Path file, ModuleCompression compression, long size) {

    /** Where it goes in the image: the same path, uncompressed ({@code kernel/.../usb-storage.ko}). */
    public String installedPath() {
        return path.substring(0, path.length() - compression.suffix().length()) + ".ko";
    }
}
