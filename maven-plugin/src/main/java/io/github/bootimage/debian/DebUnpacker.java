package io.github.bootimage.debian;

import io.github.bootimage.BootImageException;
import io.github.bootimage.inputs.ArchiveExtractor;
import io.github.bootimage.inputs.ArchiveFormats;
import io.github.bootimage.inputs.ContentCache;
import io.github.bootimage.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Unpacks the {@code data.tar.*} of a .deb (xz, zstd, gzip, bzip2 or none; deb(5)) into the content cache:
 * each regular file under its SHA-256, and a manifest of every member (see {@link DataEntry}) under the .deb's
 * hash. The manifest is written last, so a failed unpack leaves nothing that a later build would trust. While
 * reading, the .deb's own SHA-256 is checked: a cached .deb that changed on disk is refused.
 */
public final class DebUnpacker {
    private static final String KEY = "deb-data v1 ";

    private final ContentCache cache;

    public DebUnpacker(ContentCache cache) {
        this.cache = cache;
    }

    /** The members of the .deb with SHA-256 {@code sha256} (the file at {@code deb}), unpacking it if needed. */
    public List<DataEntry> unpack(String pkg, Path deb, String sha256) throws BootImageException {
        try {
            Optional<List<DataEntry>> known = manifest(sha256);
            if (known.isPresent()) {
                return known.get();
            }
            return cache.locked(KEY + sha256, () -> {
                Optional<List<DataEntry>> again = manifest(sha256);
                return again.isPresent() ? again.get() : read(pkg, deb, sha256);
            });
        } catch (IOException e) {
            throw new BootImageException(pkg + ": cannot unpack " + deb + " into the cache " + cache.root() + ": " + e, e);
        }
    }

    private Optional<List<DataEntry>> manifest(String sha256) throws IOException, BootImageException {
        Optional<String> text = cache.readIndex(KEY + sha256);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<DataEntry> entries = new ArrayList<>();
        for (String line : text.get().split("\n")) {
            if (!line.isEmpty()) {
                DataEntry e = DataEntry.parse(line);
                if (e.type() == 'f' && cache.find(e.value()).isEmpty()) {
                    return Optional.empty(); // a file was removed from the cache: unpack again
                }
                entries.add(e);
            }
        }
        return Optional.of(entries);
    }

    private List<DataEntry> read(String pkg, Path deb, String sha256) throws BootImageException, IOException {
        MessageDigest debDigest = Sha256.digest();
        List<DataEntry> entries = new ArrayList<>();
        try (InputStream raw = new DigestInputStream(Files.newInputStream(deb), debDigest)) {
            try {
                ArchiveInputStream<?> tar = ArchiveFormats.open(raw, deb.toString());
                for (TarArchiveEntry e; (e = (TarArchiveEntry) tar.getNextEntry()) != null;) {
                    DataEntry d = entry(pkg, deb, e, tar);
                    if (d != null) {
                        entries.add(d);
                    }
                }
                raw.transferTo(OutputStream.nullOutputStream()); // the rest of the .deb, for its hash
            } catch (IOException | RuntimeException e) {
                throw corrupt(pkg, deb, "it is not a valid .deb (" + e.getMessage() + ")", e);
            }
        }
        String actual = Sha256.hex(debDigest);
        if (!actual.equals(sha256)) {
            throw corrupt(pkg, deb, "its SHA-256 is " + actual + ", not " + sha256 + " as pinned", null);
        }
        StringBuilder sb = new StringBuilder();
        entries.forEach(d -> sb.append(d.line()).append('\n'));
        cache.writeIndex(KEY + sha256, sb.toString());
        return entries;
    }

    private DataEntry entry(String pkg, Path deb, TarArchiveEntry e, InputStream in) throws BootImageException, IOException {
        String path = ArchiveExtractor.entryName(pkg, deb, e.getName());
        if (path.isEmpty()) {
            return null;
        }
        checkName(pkg, deb, path);
        int mode = e.getMode() & 07777;
        long uid = e.getLongUserId();
        long gid = e.getLongGroupId();
        String group = e.getGroupName().isEmpty() ? "-" : e.getGroupName();
        if (e.isDirectory()) {
            return new DataEntry('d', path, mode, (int) uid, (int) gid, group, 0, "");
        } else if (e.isSymbolicLink()) {
            checkName(pkg, deb, e.getLinkName());
            return new DataEntry('l', path, 0777, (int) uid, (int) gid, group, 0, e.getLinkName());
        } else if (e.isLink()) {
            String target = ArchiveExtractor.entryName(pkg, deb, e.getLinkName());
            return new DataEntry('h', path, mode, (int) uid, (int) gid, group, 0, target);
        } else if (e.isCharacterDevice() || e.isBlockDevice()) {
            long dev = ((long) e.getDevMajor() << 20) | e.getDevMinor();
            return new DataEntry(e.isCharacterDevice() ? 'c' : 'b', path, mode, (int) uid, (int) gid, group, dev, "");
        } else if (!e.isFile()) {
            throw corrupt(pkg, deb, "member " + path + " is neither a file, directory, link nor device", null);
        }
        return new DataEntry('f', path, mode, (int) uid, (int) gid, group, e.getSize(), store(in));
    }

    /** Copies one member into the cache under its SHA-256. */
    private String store(InputStream member) throws IOException {
        Path tmp = cache.newTempFile("member-");
        try {
            String sha;
            try (Sha256.HashingOutputStream out = new Sha256.HashingOutputStream(Files.newOutputStream(tmp))) {
                member.transferTo(out);
                sha = out.hex();
            }
            if (cache.find(sha).isEmpty()) {
                cache.store(tmp, sha);
            }
            return sha;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void checkName(String pkg, Path deb, String name) throws BootImageException {
        if (name.indexOf('\n') >= 0 || name.indexOf('\t') >= 0) {
            throw corrupt(pkg, deb, "a member's name or link target holds a tab or newline: '" + name + "'", null);
        }
    }

    private static BootImageException corrupt(String pkg, Path deb, String why, Throwable cause) {
        return new BootImageException(pkg + ": the cached .deb " + deb + " is unusable: " + why + ". Delete the "
                + "file and build again: it will be fetched anew (and checked against bootimage.lock).", cause);
    }
}
