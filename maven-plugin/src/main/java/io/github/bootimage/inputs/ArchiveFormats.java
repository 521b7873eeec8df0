package io.github.bootimage.inputs;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens an archive by its magic bytes: .deb (ar(5) archive whose {@code data.tar[.xz|.zst|.gz|.bz2]} member
 * holds the files, deb(5)), tar (POSIX ustar magic at offset 257), cpio (newc 070701, crc 070702, odc 070707),
 * each optionally compressed with gzip, xz or zstd.
 */
public final class ArchiveFormats {
    private static final byte[] AR = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final int USTAR_OFFSET = 257;

    private ArchiveFormats() {
    }

    public static ArchiveInputStream<?> open(InputStream raw, String what) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(1024);
        byte[] head = in.readNBytes(512);
        in.reset();
        if (startsWith(head, AR)) {
            return openDeb(in, what);
        }
        InputStream decompressed = decompressor(head, in);
        if (decompressed != null) {
            return open(decompressed, what);
        }
        String ascii = new String(head, 0, Math.min(6, head.length), StandardCharsets.US_ASCII);
        if (ascii.equals("070701") || ascii.equals("070702") || ascii.equals("070707")) {
            return new CpioArchiveInputStream(in);
        }
        if (head.length >= USTAR_OFFSET + 5 && new String(head, USTAR_OFFSET, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return new TarArchiveInputStream(in);
        }
        in.close();
        throw new IOException(what + " is neither a .deb nor a tar or cpio archive (plain, gzip, xz or zstd)");
    }

    private static InputStream decompressor(byte[] head, InputStream in) throws IOException {
        if (startsWith(head, GZIP)) {
            return new GzipCompressorInputStream(in, true);
        }
        if (startsWith(head, XZ)) {
            return new XZInputStream(in);
        }
        if (startsWith(head, ZSTD)) {
            return new ZstdInputStream(in);
        }
        if (startsWith(head, BZIP2)) {
            return new BZip2CompressorInputStream(in, true);
        }
        return null;
    }

    /** deb(5): members debian-binary, control.tar.*, data.tar.*; we read only data.tar.*. */
    private static ArchiveInputStream<?> openDeb(InputStream in, String what) throws IOException {
        ArArchiveInputStream ar = new ArArchiveInputStream(in);
        boolean sawVersion = false;
        for (ArchiveEntry e; (e = ar.getNextEntry()) != null;) {
            String name = e.getName();
            if (name.equals("debian-binary")) {
                sawVersion = true;
            } else if (name.startsWith("data.tar")) {
                if (!sawVersion) {
                    break;
                }
                // The member's magic, not its suffix, says how it is compressed (.xz, .zst, .gz, .bz2 or none).
                BufferedInputStream member = new BufferedInputStream(ar, 64 * 1024);
                member.mark(16);
                byte[] head = member.readNBytes(8);
                member.reset();
                InputStream data = decompressor(head, member);
                if (data == null && !name.equals("data.tar")) {
                    throw new IOException("unsupported member " + name + " in .deb " + what);
                }
                return new TarArchiveInputStream(data == null ? member : data);
            }
        }
        ar.close();
        throw new IOException(what + " is not a valid .deb: no debian-binary followed by a data.tar member");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
