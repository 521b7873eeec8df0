package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Takes the regular files of one directory out of a .deb, tar or cpio archive (such as
 * {@code usr/lib/grub/i386-pc/} of grub-pc-bin), for inputs that are a set of files rather than one.
 * Links and subdirectories are skipped; the total is bounded so a wrong archive cannot fill the heap.
 */
public final class ArchiveDirectory {
    private ArchiveDirectory() {
    }

    /**
     * @param directory the directory inside the archive, without leading {@code ./} and with a trailing {@code /}
     * @param maxBytes  refuse the archive when the files together are larger
     * @return file name (without the directory) to bytes, sorted by name
     */
    public static SortedMap<String, byte[]> read(String inputName, Path archive, String directory, long maxBytes)
            throws BootImageException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ArchiveInputStream<?> in = ArchiveFormats.open(Files.newInputStream(archive), archive.toString())) {
            for (ArchiveEntry e; (e = in.getNextEntry()) != null;) {
                String name = ArchiveExtractor.entryName(inputName, archive, e.getName());
                if (!name.startsWith(directory) || name.indexOf('/', directory.length()) >= 0 || e.isDirectory()
                        || e instanceof TarArchiveEntry t && !t.isFile()) {
                    continue;
                }
                total += e.getSize();
                if (total > maxBytes) {
                    throw new BootImageException(inputName + ": " + directory + " in " + archive + " holds more than "
                            + maxBytes + " bytes; is it the right package?");
                }
                files.put(name.substring(directory.length()), in.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            throw new BootImageException(inputName + ": " + archive + " is not a valid .deb, tar or cpio archive "
                    + "(corrupt or truncated?): " + e.getMessage() + ". Delete it and fetch it again, or fix <file>/<url>.", e);
        }
        if (files.isEmpty()) {
            throw new BootImageException(inputName + ": the archive " + archive + " has no files in " + directory
                    + ". Give the package that holds them, e.g. <grubPc><deb>grub-pc-bin</deb></grubPc>.");
        }
        return files;
    }
}
