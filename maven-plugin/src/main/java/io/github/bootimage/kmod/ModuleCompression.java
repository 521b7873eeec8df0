package io.github.bootimage.kmod;

import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * How a module file is compressed, by its suffix as kbuild writes it ({@code CONFIG_MODULE_COMPRESS_*}:
 * Debian 13 and Fedora ship {@code .ko.xz}, Arch {@code .ko.zst}).
 */
public enum ModuleCompression {
    NONE(".ko"),
    XZ(".ko.xz"),
    ZSTD(".ko.zst"),
    GZIP(".ko.gz");

    private final String suffix;

    ModuleCompression(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The compression of a module file name, or null when the name is not a module's. */
    public static ModuleCompression ofFileName(String fileName) {
        for (ModuleCompression c : values()) {
            if (fileName.endsWith(c.suffix) && fileName.length() > c.suffix.length()) {
                return c;
            }
        }
        return null;
    }

    /** The uncompressed bytes of {@code in}. */
    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case XZ -> new XZInputStream(in);
            case ZSTD -> new ZstdInputStream(in);
            case GZIP -> new GZIPInputStream(in, 1 << 16);
        };
    }
}
