package io.github.bootimage.kmod;

import io.github.bootimage.model.Content;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * A compressed module file as the image holds it: decompressed while the image is written (the size was
 * measured when the module was read), so nothing is unpacked to disk. BusyBox's insmod hands the file to
 * {@code finit_module} with no flags, and the kernel only decompresses with {@code MODULE_INIT_COMPRESSED_FILE};
 * the image's own compression covers the size.
 */
record DecompressedModule(ModuleFile module, long size) implements Content {
    @Override
    public InputStream open() throws IOException {
        return module.compression().decompress(new BufferedInputStream(Files.newInputStream(module.file()), 1 << 16));
    }
}
