package io.github.bootimage.boot.grub;

import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.tukaani.xz.LZMAInputStream;

/** Test fixtures: Debian's grub-pc-bin (apt-get download, unpacked by dpkg-deb) and an independent LZMA reader. */
final class GrubPc {
    private GrubPc() {
    }

    static Path deb() throws IOException {
        return DebianPackages.deb("grub-pc-bin");
    }

    /** usr/lib/grub/i386-pc/ of grub-pc-bin as dpkg-deb unpacked it, for grub-mkimage -d. */
    static Path directory() throws IOException {
        return DebianPackages.file("grub-pc-bin", "usr/lib/grub/i386-pc/kernel.img").getParent();
    }

    /** Fails on CI (where .ci/run installs it), skips elsewhere. */
    static void requireTool(String tool) {
        HostTools.require(tool);
    }

    /** Decodes a raw LZMA1 stream the way lzma_decompress.img does: fixed lc/lp/pb, known output size. */
    static byte[] unlzma(byte[] raw, int size) throws IOException {
        byte props = (byte) ((Lzma.PB * 5 + Lzma.LP) * 9 + Lzma.LC);
        try (LZMAInputStream in = new LZMAInputStream(new ByteArrayInputStream(raw), size, props, Lzma.DICT_SIZE)) {
            return in.readNBytes(size);
        }
    }
}
