package io.github.bootimage.compress;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;

/**
 * The compressions the Linux kernel can unpack an initramfs from, each with a deterministic encoder.
 * Every encoder closes the stream it wraps when it is closed.
 */
public enum Compression {
    NONE("", 0, 0, 0),
    GZIP(".gz", 9, 1, 9),
    XZ(".xz", 6, 0, 9),
    ZSTD(".zst", 19, 1, 22),
    /** LZ4 legacy frame, as {@code lz4 -l}: the only LZ4 format the kernel unpacks. */
    LZ4(".lz4", 0, 0, 0),
    /** The .lzma ("LZMA alone") format, as {@code lzma -9}. */
    LZMA(".lzma", 6, 0, 9),
    BZIP2(".bz2", 9, 1, 9);

    private final String extension;
    private final int defaultLevel;
    private final int minLevel;
    private final int maxLevel;

    Compression(String extension, int defaultLevel, int minLevel, int maxLevel) {
        this.extension = extension;
        this.defaultLevel = defaultLevel;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
    }

    /**
     * The level to use: {@code level}, or the default when null.
     *
     * @throws BootImageException if the format has no such level (none and lz4 have no levels at all)
     */
    public int level(Integer level) throws BootImageException {
        if (level == null) {
            return defaultLevel;
        }
        if (minLevel == maxLevel) {
            throw new BootImageException("Compression " + id() + " has no levels, but compressionLevel is " + level
                    + ". Remove <compressionLevel> (or -Dbootimage.compressionLevel), or choose gzip, xz, zstd, lzma "
                    + "or bzip2.");
        }
        if (level < minLevel || level > maxLevel) {
            throw new BootImageException("Compression level " + level + " is out of range for " + id() + ": use "
                    + minLevel + "-" + maxLevel + " (parameter compressionLevel, property bootimage.compressionLevel; "
                    + "default " + defaultLevel + ").");
        }
        return level;
    }

    /** The file name extension, with the dot; empty for {@link #NONE}. */
    public String extension() {
        return extension;
    }

    public int defaultLevel() {
        return defaultLevel;
    }

    /** The name users write ({@code gzip}, {@code zstd}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user-written name, case-insensitively. */
    public static Compression of(String name) throws BootImageException {
        for (Compression c : values()) {
            if (c.id().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return c;
            }
        }
        throw new BootImageException("Unknown compression '" + name + "'. Use one of: "
                + Arrays.stream(values()).map(Compression::id).collect(Collectors.joining(", "))
                + " (parameter 'compression', property bootimage.compression).");
    }

    /** An encoder at the default level. */
    public OutputStream encoder(OutputStream out, int threads) throws IOException {
        return encoder(out, defaultLevel, threads);
    }

    /**
     * An encoder writing to {@code out}. {@code threads} only changes the speed, never the bytes; {@code level}
     * is the format's usual level (gzip 1-9, xz/lzma 0-9, zstd 1-22, bzip2 1-9; ignored by none and lz4).
     */
    public OutputStream encoder(OutputStream out, int level, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        switch (this) {
            case NONE:
                return out;
            case GZIP:
                return new ParallelGzipOutputStream(out, level, threads);
            case XZ:
                return new ParallelXzOutputStream(out, level, threads);
            case ZSTD:
                return ZstdEncoder.open(out, level, threads);
            case LZ4:
                return new Lz4LegacyOutputStream(out, threads);
            case LZMA:
                return new NoFlush(new LZMAOutputStream(out, new LZMA2Options(level), -1));
            case BZIP2:
                return new BZip2CompressorOutputStream(out, level);
            default:
                throw new IllegalStateException(name());
        }
    }

    /** The .lzma format cannot flush mid-stream (xz-java throws); archive writers flush, so flush is a no-op. */
    private static final class NoFlush extends java.io.FilterOutputStream {
        NoFlush(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            // nothing: the data is flushed when the stream is closed
        }
    }
}
