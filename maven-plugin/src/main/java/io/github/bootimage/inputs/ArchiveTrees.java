package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Whole directories out of a verified archive (.deb, tar, cpio), unpacked once into the content cache:
 * {@code <cache>/trees/<archive sha256>-<prefix hash>/}, the entries below {@code prefix} with their archive
 * paths. The directory appears complete or not at all (unpacked into a temporary directory and renamed).
 * Regular files, directories and symbolic links that stay inside the tree; nothing else is needed by a kernel
 * module or firmware tree.
 */
final class ArchiveTrees {
    private ArchiveTrees() {
    }

    static Path unpack(ContentCache cache, ResolvedInput archive, String prefix) throws BootImageException, IOException {
        Path target = cache.root().resolve("trees").resolve(archive.sha256() + "-" + Sha256.of(prefix).substring(0, 16));
        if (Files.isDirectory(target)) {
            return target;
        }
        return cache.locked("unpack " + target, () -> {
            if (Files.isDirectory(target)) {
                return target;
            }
            Path tmp = cache.newTempDir("unpack-");
            try {
                extract(archive, prefix, tmp);
                Files.createDirectories(target.getParent());
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
                return target;
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                throw new IOException("cannot move " + tmp + " into place at " + target + ": " + e, e);
            } finally {
                deleteTree(tmp);
            }
        });
    }

    private static void extract(ResolvedInput archive, String prefix, Path into) throws BootImageException, IOException {
        Path file = archive.file();
        try (ArchiveInputStream<?> in = ArchiveFormats.open(Files.newInputStream(file), file.toString())) {
            for (ArchiveEntry e; (e = in.getNextEntry()) != null;) {
                String name = ArchiveExtractor.entryName(archive.name(), file, e.getName());
                if (!name.startsWith(prefix) || "TRAILER!!!".equals(name)) {
                    continue;
                }
                Path out = into.resolve(name);
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e instanceof TarArchiveEntry t && t.isSymbolicLink()) {
                    symlink(archive, name, t.getLinkName(), out);
                } else if (e instanceof TarArchiveEntry t && !t.isFile()) {
                    continue; // hard links, devices, FIFOs: not part of a module or firmware tree
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(new NonClosing(in), out);
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BootImageException(archive.name() + ": cannot unpack " + prefix + " from " + file + " ("
                    + archive.origin() + "): " + e.getMessage() + ". Delete it from the cache and fetch it again, or "
                    + "fix the input.", e);
        }
    }

    /** A relative link whose target stays inside the archive; other links are dropped. */
    private static void symlink(ResolvedInput archive, String name, String target, Path out) throws IOException {
        int depth = name.split("/").length - 1;
        for (String part : target.split("/")) {
            depth += part.equals("..") ? -1 : part.isEmpty() || part.equals(".") ? 0 : 1;
            if (depth < 0 || target.startsWith("/")) {
                return;
            }
        }
        Files.createDirectories(out.getParent());
        Files.createSymbolicLink(out, Path.of(target));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Files.copy must not close the archive stream after one entry. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
