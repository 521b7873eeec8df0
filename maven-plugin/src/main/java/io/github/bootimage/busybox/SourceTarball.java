package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * A pinned source tarball: its SHA-256 is checked before anything is unpacked, then it is unpacked in Java
 * (no host {@code tar}) with its single top-level directory stripped. Entries that would land outside the
 * target directory (absolute names, {@code ..}, links pointing out) are refused.
 */
public final class SourceTarball {
    private final Path file;
    private final String sha256;

    public SourceTarball(Path file, String sha256) {
        this.file = file;
        this.sha256 = sha256;
    }

    /** Throws unless the file's SHA-256 is the pinned one; reads the file once, streaming. */
    public void verify() throws BootImageException {
        String actual;
        try {
            actual = sha256(file);
        } catch (IOException e) {
            throw new BootImageException("Cannot read the BusyBox source tarball " + file + ": " + e.getMessage(), e);
        }
        if (!actual.equals(sha256)) {
            throw new BootImageException("The BusyBox source tarball " + file + " has SHA-256 " + actual
                    + " but " + sha256 + " is pinned: nothing was unpacked. If you changed the BusyBox version on"
                    + " purpose, update the pinned <sha256>; otherwise the download is corrupt or tampered with.");
        }
    }

    /** Unpacks into {@code dir} (which must exist), stripping the top-level directory. Call {@link #verify} first. */
    public void unpackTo(Path dir) throws BootImageException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                InputStream in = decompress(raw);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                extract(tar, entry, dir);
            }
        } catch (IOException e) {
            throw new BootImageException("Cannot unpack " + file + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static InputStream decompress(InputStream raw) throws IOException {
        try {
            String kind = CompressorStreamFactory.detect(raw);
            return new CompressorStreamFactory().createCompressorInputStream(kind, raw);
        } catch (CompressorException notCompressed) {
            return raw; // a plain .tar: the tar reader checks its own header
        }
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path dir) throws IOException {
        String name = stripTop(entry.getName());
        if (name.isEmpty() || entry.isGlobalPaxHeader()) {
            return;
        }
        Path target = inside(dir, dir, name, entry.getName());
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            checkReal(dir, target, entry.getName());
        } else {
            Files.createDirectories(target.getParent());
            checkReal(dir, target.getParent(), entry.getName());
            if (entry.isSymbolicLink()) {
                // The link target is resolved from the link's directory and must stay inside the tree.
                inside(dir, target.getParent(), entry.getLinkName(), entry.getName());
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                return;
            } else if (entry.isLink()) {
                Path source = inside(dir, dir, stripTop(entry.getLinkName()), entry.getName());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            } else if (entry.isFile()) {
                Files.copy(tar, target);
                boolean executable = (entry.getMode() & 0111) != 0;
                Files.setPosixFilePermissions(target,
                        PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            } else {
                throw new IOException("unsupported entry type in tarball: " + entry.getName());
            }
        }
        // Upstream mtimes keep make's view of which generated files are up to date.
        Files.setLastModifiedTime(target, FileTime.from(entry.getLastModifiedTime().toInstant()));
    }

    private static String stripTop(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }

    /** Lexical check: {@code name} resolved against {@code base} stays below {@code dir}. */
    private static Path inside(Path dir, Path base, String name, String entryName) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Path p = base.toAbsolutePath().resolve(name).normalize();
        if (name.startsWith("/") || !p.startsWith(root)) {
            throw new IOException("entry " + entryName + " points outside the build directory; refusing the tarball");
        }
        return p;
    }

    /** Physical check: an earlier symbolic link must not redirect writes out of the tree. */
    private static void checkReal(Path dir, Path existing, String entryName) throws IOException {
        if (!existing.toRealPath().startsWith(dir.toRealPath())) {
            throw new IOException("entry " + entryName + " would be written through a symbolic link leading outside"
                    + " the build directory; refusing the tarball");
        }
    }

    static String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }
}
