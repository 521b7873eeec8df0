package io.github.bootimage.squashfs;

import com.github.luben.zstd.ZstdCompressCtx;
import io.github.bootimage.BootImageException;
import io.github.bootimage.compress.Lz4Block;
import io.github.bootimage.compress.deflate.DeflateEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.Adler32;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * The compressors the kernel's squashfs driver reads ({@code squashfs_fs.h} ids), at mksquashfs's default
 * levels, so that sizes compare with {@code mksquashfs -comp X}. Every codec is deterministic: our own DEFLATE
 * and LZ4 encoders, xz-java, and zstd-jni's bundled libzstd compressing each block on one thread.
 */
public enum SquashfsCompression {
    /** zlib streams (RFC 1950), level 9, as {@code zlib_wrapper.c} inflates them. */
    GZIP(1),
    /** .xz streams, preset 6, CRC32 check, dictionary = block size: {@code xz_wrapper.c}'s default. */
    XZ(4),
    /** Raw LZ4 blocks; the options block (version 1 = "legacy", no HC) is mandatory for the kernel. */
    LZ4(5),
    /** Zstandard frames, level 15 (mksquashfs's default); the window never exceeds the block. */
    ZSTD(6);

    private static final int GZIP_LEVEL = 9;
    private static final int XZ_PRESET = 6;
    private static final int ZSTD_LEVEL = 15;
    private static final int LZ4_LEGACY = 1;

    private final int id;

    SquashfsCompression(int id) {
        this.id = id;
    }

    /** The superblock's {@code compression} field. */
    public int id() {
        return id;
    }

    /** The name users write: {@code gzip}, {@code xz}, {@code lz4}, {@code zstd} (as mksquashfs's -comp). */
    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user-written name, case-insensitively. */
    public static SquashfsCompression of(String name) throws BootImageException {
        for (SquashfsCompression c : values()) {
            if (c.userName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return c;
            }
        }
        throw new BootImageException("Unknown squashfs compression '" + name + "'. Use one of: "
                + Arrays.stream(values()).map(SquashfsCompression::userName).collect(Collectors.joining(", "))
                + " (the kernel's squashfs driver reads these; lzo and lzma are not written).");
    }

    /** The compression options stored after the superblock, or null when the defaults apply. */
    byte[] options() {
        if (this == LZ4) {
            // struct lz4_comp_opts { le32 version; le32 flags; }
            return new byte[] {LZ4_LEGACY, 0, 0, 0, 0, 0, 0, 0};
        }
        return null;
    }

    BlockCodec newCodec(int blockSize) {
        switch (this) {
            case GZIP:
                return new Zlib();
            case XZ:
                return xz(blockSize);
            case LZ4:
                return (src, length) -> {
                    byte[] dst = new byte[Lz4Block.maxCompressedLength(length)];
                    return Arrays.copyOf(dst, Lz4Block.compress(src, length, dst, 0));
                };
            case ZSTD:
                return new Zstd();
            default:
                throw new IllegalStateException(name());
        }
    }

    private static BlockCodec xz(int blockSize) {
        LZMA2Options options;
        try {
            options = new LZMA2Options(XZ_PRESET);
            // the kernel allocates a dictionary of max(block size, 8 KiB) unless options say otherwise
            options.setDictSize(blockSize);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (src, length) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
            try (XZOutputStream xz = new XZOutputStream(out, options, org.tukaani.xz.XZ.CHECK_CRC32)) {
                xz.write(src, 0, length);
            }
            return out.toByteArray();
        };
    }

    /** RFC 1950: CMF 0x78 (deflate, 32 KiB window), FLG 0xDA (level 9, check bits), data, Adler-32 big-endian. */
    private static final class Zlib implements BlockCodec {
        private final DeflateEncoder encoder = new DeflateEncoder(GZIP_LEVEL);

        @Override
        public byte[] compress(byte[] src, int length) {
            byte[] deflated = encoder.deflate(null, 0, 0, src, 0, length, true);
            byte[] out = new byte[deflated.length + 6];
            out[0] = 0x78;
            out[1] = (byte) 0xDA;
            System.arraycopy(deflated, 0, out, 2, deflated.length);
            Adler32 adler = new Adler32();
            adler.update(src, 0, length);
            long a = adler.getValue();
            int end = out.length;
            out[end - 4] = (byte) (a >>> 24);
            out[end - 3] = (byte) (a >>> 16);
            out[end - 2] = (byte) (a >>> 8);
            out[end - 1] = (byte) a;
            return out;
        }
    }

    /** One-shot frames: the content size is in the header, so the window shrinks to the block. */
    private static final class Zstd implements BlockCodec {
        private final ZstdCompressCtx ctx = new ZstdCompressCtx().setLevel(ZSTD_LEVEL).setContentSize(true)
                .setChecksum(false);

        @Override
        public byte[] compress(byte[] src, int length) {
            byte[] dst = new byte[(int) com.github.luben.zstd.Zstd.compressBound(length)];
            int n = ctx.compressByteArray(dst, 0, dst.length, src, 0, length);
            return Arrays.copyOf(dst, n);
        }

        @Override
        public void close() {
            ctx.close();
        }
    }
}
