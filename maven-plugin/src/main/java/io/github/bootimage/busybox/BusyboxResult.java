package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A built BusyBox in the cache: the binary and its applet list ({@code busybox.links}, one install path per
 * line, e.g. {@code /bin/ls}), so an initramfs can create the links without running the binary.
 *
 * @param binary   the stripped static binary (in the cache: do not modify)
 * @param links    the applet list (in the cache: do not modify)
 * @param config   the effective {@code .config} after {@code make oldconfig}, e.g. to pin it as a base config
 * @param key      the cache key (SHA-256 hex)
 * @param cacheHit whether the build came from the cache without compiling
 */
public record BusyboxResult(Path binary, Path links, Path config, String key, boolean cacheHit) {

    /** Copies {@code busybox} (mode 0755) and {@code busybox.links} into {@code dir}, each whole or not at all. */
    public void copyTo(Path dir) throws BootImageException {
        try {
            Files.createDirectories(dir);
            AtomicOutput.copy(binary, dir.resolve("busybox"));
            AtomicOutput.copy(links, dir.resolve("busybox.links"));
        } catch (IOException e) {
            throw new BootImageException("Cannot copy the BusyBox build to " + dir + ": " + e.getMessage()
                    + ". Check that the directory is writable.", e);
        }
    }

}
