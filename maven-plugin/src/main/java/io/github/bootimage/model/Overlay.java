package io.github.bootimage.model;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Copies a host directory (such as {@code src/main/initramfs/}) into a {@link FileTree}.
 *
 * <p>Only what is meant survives from the host: the executable bit of files and symlink targets.
 * Everything else is normalised (directories 0755, files 0644 or 0755, owner root:root), so the result
 * does not depend on the builder's umask, user, mtimes or directory listing order.
 */
public final class Overlay {
    private static final Set<PosixFilePermission> ALL_READ = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    /** Shared: each varargs call would allocate the array. */
    private static final LinkOption[] NOFOLLOW_LINKS = {LinkOption.NOFOLLOW_LINKS};

    private Overlay() {
    }

    /**
     * Adds everything below {@code source} to {@code tree} under {@code target}, replacing entries
     * already there (an overlay wins over generated defaults). A missing source directory adds nothing.
     */
    public static void copy(Path source, EntryPath target, FileTree tree) throws BootImageException {
        if (!Files.isDirectory(source)) {
            return;
        }
        copyDirectory(source, target, target, tree);
    }

    /**
     * Parents go into the tree before their children, as Files.walk gave them, but with one lstat per entry:
     * walk stats every entry itself and its attributes do not carry the mode.
     */
    private static void copyDirectory(Path dir, EntryPath at, EntryPath root, FileTree tree) throws BootImageException {
        List<Path> subdirectories = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                checkDecoded(child, name);
                EntryPath path = new EntryPath(at.isRoot() ? name : at.value() + "/" + name);
                Entry entry = entryFor(child, path, root);
                tree.put(entry);
                if (entry instanceof Entry.Directory) {
                    subdirectories.add(child);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new BootImageException("Cannot read the overlay directory " + dir + ": " + e.getMessage(), e);
        }
        for (Path child : subdirectories) {
            String name = child.getFileName().toString();
            copyDirectory(child, new EntryPath(at.isRoot() ? name : at.value() + "/" + name), root, tree);
        }
    }

    /**
     * Java decodes file names with the locale's character set: under LANG/LC_ALL=C or POSIX a UTF-8 name comes
     * back with U+FFFD in place of every non-ASCII byte, which would land in the image silently mangled.
     */
    private static void checkDecoded(Path file, String name) throws BootImageException {
        if (name.indexOf('\uFFFD') >= 0) {
            throw new BootImageException("Overlay file name " + file + " cannot be decoded: Java reads file names "
                    + "in the locale's character set, and this one is not UTF-8 (LANG/LC_ALL=C or POSIX?). Run the "
                    + "build with a UTF-8 locale (e.g. LC_ALL=C.UTF-8 mvn ...), or rename the file to valid UTF-8.");
        }
    }

    private static Entry entryFor(Path file, EntryPath path, EntryPath root) throws BootImageException {
        try {
            // One lstat gives type, size and mode: the tree of a large overlay is planned in few syscalls.
            BasicFileAttributes attributes = attributes(file);
            if (attributes.isSymbolicLink()) {
                String link = Files.readSymbolicLink(file).toString();
                checkDecoded(file, link);
                checkInside(file, path, link, root);
                return new Entry.Symlink(path, link, 0, 0);
            }
            if (attributes.isDirectory()) {
                return Entry.Directory.of(path);
            }
            if (!attributes.isRegularFile()) {
                throw new BootImageException("Overlay file " + file + " is neither a regular file, a directory nor a "
                        + "symlink (a device, FIFO or socket?). Declare device nodes in the plugin configuration "
                        + "instead; they are written into the archive without root.");
            }
            Set<PosixFilePermission> permissions = attributes instanceof PosixFileAttributes posix
                    ? posix.permissions() : null;
            // r for owner, group and others: readable whoever builds, so access(2) is only asked for the rest
            if ((permissions == null || !permissions.containsAll(ALL_READ)) && !Files.isReadable(file)) {
                throw new BootImageException("Overlay file " + file + " is not readable by the build user. Fix "
                        + "its permissions (chmod a+r) or remove it.");
            }
            boolean executable = permissions != null ? permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                    : Files.isExecutable(file);
            return new Entry.RegularFile(path, executable ? 0755 : 0644, 0, 0, new FileContent(file, attributes.size()));
        } catch (IOException e) {
            throw new BootImageException("Cannot read overlay file " + file + ": " + e, e);
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** A relative symlink must not climb above the root of the image it lands in. */
    private static void checkInside(Path file, EntryPath path, String link, EntryPath root)
            throws BootImageException {
        if (link.startsWith("/")) {
            return; // absolute targets are resolved inside the image at run time
        }
        int depth = path.parent().depth() - root.depth();
        for (String part : link.split("/")) {
            if (part.equals("..")) {
                depth--;
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                throw new BootImageException("Overlay symlink " + file + " -> " + link + " points outside the "
                        + "overlay directory. Use a target inside the image (relative, or absolute such as /bin/sh).");
            }
        }
    }
}
