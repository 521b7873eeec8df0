package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns declared {@link Input}s into verified local files: fetches (or finds in the cache) the source, checks
 * its SHA-256 against the declaration or {@code bootimage.lock}, records what had to be resolved, and takes
 * {@code path} out of an archive. Safe to use from several threads.
 */
public final class InputResolver {
    private final InputSettings settings;
    private final ContentCache cache;
    private final LockFile lock;
    private final Fetchers fetchers;
    private final Set<String> updated = new HashSet<>();
    private final ConcurrentHashMap<String, Object> requestLocks = new ConcurrentHashMap<>();

    public InputResolver(InputSettings settings) throws BootImageException {
        this.settings = settings;
        this.cache = new ContentCache(settings.cacheRoot());
        this.lock = LockFile.load(settings.lockFile());
        this.fetchers = new Fetchers(cache, settings);
    }

    public LockFile lockFile() {
        return lock;
    }

    /** Package sets pinned as a whole (the {@code <packages>} of the image), with this resolver's cache and lock. */
    public PinnedPackages packages() {
        return new PinnedPackages(settings, cache, lock);
    }

    public ContentCache cache() {
        return cache;
    }

    /** The verified local file for {@code input}; read it, never modify it (it may be shared by other builds). */
    public ResolvedInput resolve(Input input) throws BootImageException {
        try {
            Fetched source = fetch(input);
            if (input.path() == null) {
                return new ResolvedInput(input.name(), source.file(), source.fileName(), source.sha256(),
                        Files.size(source.file()), source.origin());
            }
            return extract(input, source);
        } catch (IOException e) {
            throw new BootImageException(input.name() + ": " + e + " (cache " + cache.root() + ")", e);
        }
    }

    /**
     * The entries of a resolved archive (.deb, tar, cpio) below {@code prefix} (e.g. {@code lib/modules/}), unpacked
     * once into the cache: a directory holding them at their archive paths. Read it, never modify it.
     */
    public Path unpack(ResolvedInput archive, String prefix) throws BootImageException {
        try {
            return ArchiveTrees.unpack(cache, archive, prefix);
        } catch (IOException e) {
            throw new BootImageException(archive.name() + ": cannot unpack " + prefix + " of " + archive.file() + ": "
                    + e + " (cache " + cache.root() + ")", e);
        }
    }

    /** A fetched, verified source file. */
    record Fetched(Path file, String sha256, String fileName, String origin) {
    }

    private Fetched fetch(Input input) throws BootImageException, IOException {
        if (!input.needsLock()) {
            return fetchAndRecord(input);
        }
        // Threads resolving the same unpinned request wait for the first one's lock entry instead of resolving again.
        synchronized (requestLocks.computeIfAbsent(input.source().lockKey(), k -> new Object())) {
            return fetchAndRecord(input);
        }
    }

    private Fetched fetchAndRecord(Input input) throws BootImageException, IOException {
        LockEntry entry = lockedEntry(input);
        String expected = input.sha256() != null ? input.sha256() : entry == null ? null : entry.sha256();
        Source s = input.source();
        Fetchers.Result r;
        if (s instanceof Source.LocalFile f) {
            r = fetchers.local(input, f, expected);
        } else if (s instanceof Source.Url u) {
            r = fetchers.url(input, u, expected, entry);
        } else if (s instanceof Source.MavenArtifact a) {
            r = fetchers.artifact(input, a, expected);
        } else {
            r = fetchers.deb(input, (Source.DebianPackage) s, expected, entry);
        }
        if (input.needsLock() && r.entry() != null) {
            recordLock(input, r.entry());
        }
        return r.fetched();
    }

    /** The lock entry to honour, null to resolve afresh; errors when frozen and nothing matching is locked. */
    private LockEntry lockedEntry(Input input) throws BootImageException {
        if (!input.needsLock()) {
            return null;
        }
        String key = input.source().lockKey();
        synchronized (updated) {
            if (settings.lockMode() == LockMode.UPDATE && !updated.contains(key)) {
                return null;
            }
        }
        Optional<LockEntry> e = lock.get(key);
        boolean stale = e.isPresent() && input.sha256() != null && !input.sha256().equals(e.get().sha256());
        if (settings.lockMode() == LockMode.FROZEN && (e.isEmpty() || stale)) {
            throw new BootImageException(input.name() + ": " + key + (stale
                    ? " is locked with sha256 " + e.get().sha256() + " but declared with " + input.sha256()
                    : " is not in " + lock.file()) + ", and the lock is frozen (-Dbootimage.lock.frozen). "
                    + "Run the build once without -Dbootimage.lock.frozen (or with -Dbootimage.lock.update) "
                    + "and commit bootimage.lock, or pin the input fully (<deb>name=version</deb> and <sha256>).");
        }
        return stale ? null : e.orElse(null);
    }

    private void recordLock(Input input, LockEntry entry) throws BootImageException {
        if (settings.lockMode() == LockMode.FROZEN) {
            return;
        }
        String key = input.source().lockKey();
        Optional<LockEntry> before = lock.get(key);
        lock.record(key, entry.withInputs(input.name()));
        synchronized (updated) {
            updated.add(key);
        }
        if (before.isEmpty() || !before.get().sha256().equals(entry.sha256())) {
            settings.log().info(input.name() + ": locked " + key + " -> "
                    + (entry.packageName() == null ? "" : entry.packageName() + " " + entry.version() + ", ")
                    + "sha256 " + entry.sha256() + " in " + lock.file());
        }
    }

    private ResolvedInput extract(Input input, Fetched source) throws BootImageException, IOException {
        String key = "extract " + source.sha256() + " " + input.path();
        Optional<ResolvedInput> known = fromIndex(input, source, key);
        if (known.isPresent()) {
            return known.get();
        }
        return cache.locked(key, () -> {
            Optional<ResolvedInput> again = fromIndex(input, source, key);
            if (again.isPresent()) {
                return again.get();
            }
            Path tmp = cache.newTempFile("extract-");
            try {
                Sha256.HashingOutputStream out;
                String entry;
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    out = new Sha256.HashingOutputStream(os);
                    entry = ArchiveExtractor.extract(input.name(), source.file(), input.path(), out);
                    out.flush();
                }
                String sha = out.hex();
                cache.store(tmp, sha);
                cache.writeIndex(key, sha + " " + entry);
                return resolved(input, source, sha, entry);
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
    }

    private Optional<ResolvedInput> fromIndex(Input input, Fetched source, String key) throws IOException {
        Optional<String> idx = cache.readIndex(key);
        if (idx.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = idx.get().split(" ", 2);
        if (cache.find(parts[0]).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolved(input, source, parts[0], parts[1]));
    }

    private ResolvedInput resolved(Input input, Fetched source, String sha, String entry) throws IOException {
        Path file = cache.pathOf(sha);
        return new ResolvedInput(input.name(), file, entry.substring(entry.lastIndexOf('/') + 1), sha,
                Files.size(file), entry + " from " + source.origin());
    }
}
