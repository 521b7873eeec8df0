package io.github.bootimage.boot.grub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;

/**
 * The raw LZMA1 stream lzma_decompress.img decodes: no .lzma header, the properties GRUB's decoder has built in
 * (lc 3, lp 0, pb 2), no end marker (the decoder stops at the uncompressed size patched into it). The
 * dictionary is 64 KiB as grub-mkimage uses; the decoder writes straight into its output, so any size would do.
 * xz-java's encoder is pure Java with fixed settings: the same input gives the same bytes on every JDK.
 * grub-mkimage uses the LZMA SDK's encoder, so the compressed bytes differ from its; the decoded ones do not.
 */
final class Lzma {
    static final int LC = 3;
    static final int LP = 0;
    static final int PB = 2;
    static final int DICT_SIZE = 1 << 16;
    /** The .lzma header LZMAOutputStream writes first: properties byte, dictionary size, uncompressed size. */
    private static final int LZMA_ALONE_HEADER = 13;

    private Lzma() {
    }

    static byte[] compress(byte[] data) {
        try {
            LZMA2Options options = new LZMA2Options();
            options.setDictSize(DICT_SIZE);
            options.setLcLp(LC, LP);
            options.setPb(PB);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 2);
            try (LZMAOutputStream out = new LZMAOutputStream(bytes, options, data.length)) {
                out.write(data);
            }
            byte[] all = bytes.toByteArray();
            return Arrays.copyOfRange(all, LZMA_ALONE_HEADER, all.length);
        } catch (IOException e) {
            throw new UncheckedIOException("LZMA into memory cannot fail", e);
        }
    }
}
