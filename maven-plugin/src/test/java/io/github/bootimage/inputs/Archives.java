package io.github.bootimage.inputs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Crafted test archives. Values starting with "->" are symlinks, "=>" hard links. */
final class Archives {
    private Archives() {
    }

    static byte[] tar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                String v = e.getValue();
                TarArchiveEntry t;
                if (v.startsWith("->")) {
                    t = new TarArchiveEntry(e.getKey(), TarConstants.LF_SYMLINK);
                    t.setLinkName(v.substring(2));
                } else if (v.startsWith("=>")) {
                    t = new TarArchiveEntry(e.getKey(), TarConstants.LF_LINK);
                    t.setLinkName(v.substring(2));
                } else {
                    t = new TarArchiveEntry(e.getKey(), e.getKey().endsWith("/") ? TarConstants.LF_DIR : TarConstants.LF_NORMAL, true);
                    t.setSize(e.getKey().endsWith("/") ? 0 : v.getBytes(StandardCharsets.UTF_8).length);
                }
                tar.putArchiveEntry(t);
                if (!v.startsWith("->") && !v.startsWith("=>") && !e.getKey().endsWith("/")) {
                    tar.write(v.getBytes(StandardCharsets.UTF_8));
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** A .deb (deb(5)): debian-binary, control.tar.xz, data.tar.xz. */
    static byte[] deb(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(bytes)) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            member(ar, "control.tar.xz", xz(tar(Map.of("./control", "Package: test\n"))));
            member(ar, "data.tar.xz", xz(tar(files)));
        }
        return bytes.toByteArray();
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] data) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, data.length, 0, 0, 0100644, 0));
        ar.write(data);
        ar.closeArchiveEntry();
    }

    static byte[] cpio(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(bytes, CpioConstants.FORMAT_NEW)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                CpioArchiveEntry c = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, e.getKey(), data.length);
                c.setMode(CpioConstants.C_ISREG | 0644);
                cpio.putArchiveEntry(c);
                cpio.write(data);
                cpio.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Path write(Path dir, String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }
}
