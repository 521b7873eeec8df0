package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Obtains the source file of each kind of input, verified against the expected SHA-256 before anything enters
 * the cache. Each result carries the lock entry describing what was fetched.
 */
final class Fetchers {
    private final ContentCache cache;
    private final InputSettings settings;
    private final HttpDownloader http;
    private final AptArchive apt = new AptArchive();

    Fetchers(ContentCache cache, InputSettings settings) {
        this.cache = cache;
        this.settings = settings;
        this.http = new HttpDownloader(settings.proxySelector(), settings.authenticator(), settings.log());
    }

    record Result(InputResolver.Fetched fetched, LockEntry entry) {
    }

    Result local(Input in, Source.LocalFile f, String expected) throws BootImageException, IOException {
        if (!Files.isRegularFile(f.file())) {
            throw new BootImageException(in.name() + ": file " + f.file() + " does not exist or is not a regular file. "
                    + "Fix <file> (relative paths start at the project directory).");
        }
        String actual = Sha256.of(f.file());
        verify(in, f.file().toString(), expected, actual);
        return new Result(new InputResolver.Fetched(f.file(), actual, f.file().getFileName().toString(),
                f.file().toString()), null);
    }

    Result url(Input in, Source.Url u, String expected, LockEntry locked) throws BootImageException, IOException {
        String path = u.uri().getPath() == null ? "" : u.uri().getPath();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        String origin = u.uri().toString();
        Optional<Result> hit = cached(expected, fileName, origin, locked);
        if (hit.isPresent()) {
            return hit.get();
        }
        offlineCheck(in, origin, expected);
        return cache.locked(in.source().lockKey(), () -> {
            Optional<Result> again = cached(expected, fileName, origin, locked);
            if (again.isPresent()) {
                return again.get();
            }
            Path tmp = cache.newTempFile("download-");
            try {
                Sha256.HashingOutputStream out;
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    out = new Sha256.HashingOutputStream(os);
                    http.download(in.name(), u.uri(), out);
                    out.flush();
                }
                String actual = out.hex();
                verify(in, origin, expected, actual);
                Path stored = cache.store(tmp, actual);
                return new Result(new InputResolver.Fetched(stored, actual, fileName, origin),
                        new LockEntry("url", in.name(), null, null, origin, fileName, actual, out.count()));
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
    }

    Result artifact(Input in, Source.MavenArtifact a, String expected) throws BootImageException, IOException {
        if (settings.artifactFetcher() == null) {
            throw new BootImageException(in.name() + ": <artifact> inputs need Maven's resolver, which is not "
                    + "available here; use <file>, <url> or <deb>.");
        }
        Path file = settings.artifactFetcher().fetch(a.coordinates());
        String actual = Sha256.of(file);
        String origin = a.coordinates().toString();
        verify(in, origin, expected, actual);
        String fileName = file.getFileName().toString();
        return new Result(new InputResolver.Fetched(file, actual, fileName, origin),
                new LockEntry("artifact", in.name(), null, null, origin, fileName, actual, Files.size(file)));
    }

    Result deb(Input in, Source.DebianPackage deb, String expected, LockEntry locked)
            throws BootImageException, IOException {
        String origin = "Debian package " + (locked == null ? deb : locked.packageName() + "=" + locked.version());
        Optional<Result> hit = cached(expected, locked == null ? deb.name() + ".deb" : locked.fileName(), origin, locked);
        if (hit.isPresent()) {
            return hit.get();
        }
        offlineCheck(in, origin, expected);
        AptArchive.Candidate c = locked != null
                ? new AptArchive.Candidate(locked.packageName(), locked.version(), locked.fileName(), null, locked.size())
                : apt.resolve(in.name(), deb);
        String spec = c.pkg() + "=" + c.version();
        if (locked == null && c.sha256() != null && cache.find(c.sha256()).isPresent()) {
            // The archive index names the .deb's hash: another project may have fetched it already.
            verify(in, "apt-get download " + spec + " (hash in the apt archive index)", expected, c.sha256());
            return new Result(new InputResolver.Fetched(cache.pathOf(c.sha256()), c.sha256(), c.fileName(),
                    "Debian package " + spec), new LockEntry("deb", in.name(), c.pkg(), c.version(),
                    "apt-get download " + spec, c.fileName(), c.sha256(), c.size()));
        }
        return cache.locked("deb " + spec, () -> {
            Optional<Result> again = cached(expected, c.fileName(), origin, locked);
            if (again.isPresent()) {
                return again.get();
            }
            settings.log().info(in.name() + ": apt-get download " + spec);
            Path dir = cache.newTempDir("apt-");
            try {
                Path file = apt.download(in.name(), c.pkg(), c.version(), dir, locked != null);
                String actual = Sha256.of(file);
                verify(in, "apt-get download " + spec, expected, actual);
                verify(in, "apt-get download " + spec + " (hash in the apt archive index)", c.sha256(), actual);
                long size = Files.size(file);
                // The archive's name (pool file name), as a cache hit through the index records it: one lock text.
                String fileName = c.fileName() == null || c.fileName().isEmpty() ? file.getFileName().toString() : c.fileName();
                Path stored = cache.store(file, actual);
                return new Result(new InputResolver.Fetched(stored, actual, fileName, "Debian package " + spec),
                        new LockEntry("deb", in.name(), c.pkg(), c.version(), "apt-get download " + spec, fileName,
                                actual, size));
            } finally {
                deleteTree(dir);
            }
        });
    }

    /** The cached file for {@code sha256}, re-using the lock entry that led to it. */
    private Optional<Result> cached(String sha256, String fileName, String origin, LockEntry locked) {
        if (sha256 == null) {
            return Optional.empty();
        }
        return cache.find(sha256).map(p -> new Result(new InputResolver.Fetched(p, sha256, fileName, origin), locked));
    }

    private void offlineCheck(Input in, String origin, String expected) throws BootImageException {
        if (settings.offline()) {
            throw new BootImageException(in.name() + ": " + origin + (expected == null ? "" : " (sha256 " + expected + ")")
                    + " is not in the cache " + cache.root() + " and the build is offline (mvn -o). "
                    + "Run the build once without -o to fetch it.");
        }
    }

    /** Fails unless {@code actual} equals {@code expected} (null = nothing to check). */
    static void verify(Input in, String source, String expected, String actual) throws BootImageException {
        if (expected != null && !expected.equals(actual)) {
            throw new BootImageException(in.name() + ": SHA-256 mismatch for " + source + "\n  expected: " + expected
                    + "\n  actual:   " + actual + "\nThe file was not used and not cached. If the new file is "
                    + "trustworthy, update <sha256> (or re-resolve bootimage.lock with -Dbootimage.lock.update).");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
