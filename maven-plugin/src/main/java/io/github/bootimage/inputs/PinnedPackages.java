package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A set of Debian packages pinned as a whole in {@code bootimage.lock}: one {@code [packages]} block for the
 * request (its text in {@code source}, the SHA-256 over the members' lines in {@code sha256}, their total size)
 * and one {@code [package NAME]} block per member. Fetched through the content cache in one {@code apt-get
 * download} for whatever is missing; every file checked against its pinned SHA-256 before it enters the cache.
 */
public final class PinnedPackages {
    static final String REQUEST_KEY = "packages";
    static final String MEMBER_PREFIX = "package ";

    private final InputSettings settings;
    private final ContentCache cache;
    private final LockFile lock;
    private final AptArchive apt = new AptArchive();

    PinnedPackages(InputSettings settings, ContentCache cache, LockFile lock) {
        this.settings = settings;
        this.cache = cache;
        this.lock = lock;
    }

    /** A member of the set, as pinned: {@code kind = package}. */
    public static LockEntry member(String inputName, String pkg, String version, String fileName, String sha256,
                                   long size) {
        return new LockEntry("package", inputName, pkg, version, "apt-get download " + pkg + "=" + version, fileName,
                sha256, size);
    }

    /**
     * The members locked for {@code request}, or empty when the set must be resolved (no lock for it, another
     * request, {@code -Dbootimage.lock.update}); with {@code -Dbootimage.lock.frozen} that is an error.
     */
    public Optional<List<LockEntry>> locked(String inputName, String request) throws BootImageException {
        Optional<LockEntry> head = lock.get(REQUEST_KEY);
        List<LockEntry> members = new ArrayList<>();
        for (String key : lock.keys()) {
            if (key.startsWith(MEMBER_PREFIX)) {
                members.add(lock.get(key).orElseThrow());
            }
        }
        boolean matches = head.isPresent() && request.equals(head.get().source());
        if (matches && !digest(members).equals(head.get().sha256())) {
            throw new BootImageException(lock.file() + ": the [package ...] blocks do not match the [packages] block "
                    + "(edited by hand, or a merge?). Run the build with -Dbootimage.lock.update and commit the file.");
        }
        if (settings.lockMode() == LockMode.FROZEN && !matches) {
            throw new BootImageException(inputName + ": " + (head.isEmpty() ? "no package set is in " + lock.file()
                    : "<packages> changed since " + lock.file() + " was written (it holds '" + head.get().source()
                    + "', the build asks for '" + request + "')") + ", and the lock is frozen (-Dbootimage.lock.frozen)."
                    + " Run the build once without it (or with -Dbootimage.lock.update) and commit bootimage.lock.");
        }
        return matches && settings.lockMode() != LockMode.UPDATE ? Optional.of(members) : Optional.empty();
    }

    /** Replaces the locked set by {@code members} (written once, sorted); a frozen lock is never written. */
    public void record(String inputName, String request, List<LockEntry> members) throws BootImageException {
        if (settings.lockMode() == LockMode.FROZEN) {
            return;
        }
        Map<String, LockEntry> blocks = new LinkedHashMap<>();
        long total = 0;
        for (LockEntry m : members) {
            blocks.put(MEMBER_PREFIX + m.packageName(), m);
            total += m.size();
        }
        blocks.put(REQUEST_KEY, new LockEntry("packages", inputName, null, null, request, null, digest(members), total));
        if (lock.replaceAll(k -> k.equals(REQUEST_KEY) || k.startsWith(MEMBER_PREFIX), blocks)) {
            settings.log().info(inputName + ": locked " + members.size() + " packages (" + total + " bytes of .deb) in "
                    + lock.file());
        }
    }

    /** SHA-256 over the members' {@code name version sha256} lines, in name order. */
    static String digest(List<LockEntry> members) {
        StringBuilder sb = new StringBuilder();
        members.stream().sorted(Comparator.comparing(LockEntry::packageName))
                .forEach(m -> sb.append(m.packageName()).append(' ').append(m.version()).append(' ')
                        .append(m.sha256()).append('\n'));
        return Sha256.of(sb.toString());
    }

    /** The cached .deb of each member (by SHA-256), fetching the missing ones with one {@code apt-get download}. */
    public Map<String, Path> fetch(String inputName, List<LockEntry> members, boolean pinnedBefore)
            throws BootImageException {
        try {
            Map<String, Path> files = new HashMap<>();
            List<LockEntry> missing = missing(members, files);
            if (missing.isEmpty()) {
                return files;
            }
            if (settings.offline()) {
                throw new BootImageException(inputName + ": " + missing.size() + " packages (" + String.join(", ",
                        missing.stream().map(m -> m.packageName() + "=" + m.version()).toList()) + ") are not in the "
                        + "cache " + cache.root() + " and the build is offline (mvn -o). Run it once without -o.");
            }
            cache.locked("packages download", () -> {
                download(inputName, missing(members, files), pinnedBefore);
                return null;
            });
            missing(members, files);
            return files;
        } catch (IOException e) {
            throw new BootImageException(inputName + ": " + e + " (cache " + cache.root() + ")", e);
        }
    }

    private List<LockEntry> missing(List<LockEntry> members, Map<String, Path> files) {
        List<LockEntry> missing = new ArrayList<>();
        for (LockEntry m : members) {
            Optional<Path> p = cache.find(m.sha256());
            if (p.isPresent()) {
                files.put(m.sha256(), p.get());
            } else {
                missing.add(m);
            }
        }
        return missing;
    }

    private void download(String inputName, List<LockEntry> missing, boolean pinnedBefore)
            throws BootImageException, IOException {
        if (missing.isEmpty()) {
            return;
        }
        List<String> specs = missing.stream().map(m -> m.packageName() + "=" + m.version()).toList();
        settings.log().info(inputName + ": apt-get download of " + specs.size() + " packages");
        Path dir = cache.newTempDir("apt-");
        try {
            apt.downloadAll(inputName, specs, dir, pinnedBefore);
            Map<String, Path> bySha = new HashMap<>();
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.toList()) {
                    bySha.put(Sha256.of(f), f);
                }
            }
            for (LockEntry m : missing) {
                Path f = bySha.get(m.sha256());
                if (f == null) {
                    throw new BootImageException(inputName + ": 'apt-get download " + m.packageName() + "=" + m.version()
                            + "' did not give a file with the pinned SHA-256 " + m.sha256() + ". Nothing was cached. "
                            + "If the archive changed on purpose, run the build with -Dbootimage.lock.update.");
                }
                cache.store(f, m.sha256());
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
