package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import io.github.bootimage.io.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Built BusyBox binaries under {@code <cacheRoot>/busybox/<key>/}, keyed by SHA-256 over everything that
 * decides the binary's bytes. Entries are filled through a temporary directory and an atomic move, so a
 * reader sees a whole entry or none; a file lock (plus an in-JVM lock, since Java file locks are per
 * process) serialises builds of the same key across parallel Maven builds.
 */
final class BusyboxCache {
    static final String BINARY = "busybox";
    static final String LINKS = "busybox.links";
    static final String CONFIG = "busybox.config";
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    BusyboxCache(Path cacheRoot) {
        this.root = cacheRoot.resolve("busybox");
    }

    /** The key: SHA-256 over length-prefixed parts, so no two part lists collide by concatenation. */
    static String key(List<String> parts) {
        MessageDigest md = Sha256.digest();
        for (String part : parts) {
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            md.update(b);
        }
        return Sha256.hex(md);
    }

    Path entry(String key) {
        return root.resolve(key);
    }

    /** The cached result for {@code key}, or {@code null}. */
    BusyboxResult lookup(String key) {
        Path dir = entry(key);
        if (Files.isRegularFile(dir.resolve(BINARY)) && Files.isRegularFile(dir.resolve(LINKS))
                && Files.isRegularFile(dir.resolve(CONFIG))) {
            return new BusyboxResult(dir.resolve(BINARY), dir.resolve(LINKS), dir.resolve(CONFIG), key, true);
        }
        return null;
    }

    /** The result a request with this key produced before, or {@code null}. */
    BusyboxResult lookupRequest(String requestKey) {
        try {
            Path known = root.resolve("requests").resolve(requestKey);
            return Files.isRegularFile(known) ? lookup(Files.readString(known, StandardCharsets.US_ASCII).trim()) : null;
        } catch (IOException unreadable) {
            return null; // the index is only a shortcut: fall back to building and keying the config
        }
    }

    /** Records which result a request produced (temp file + atomic move). */
    void rememberRequest(String requestKey, String key) throws BootImageException {
        try {
            Path dir = Files.createDirectories(root.resolve("requests"));
            AtomicOutput.writeString(dir.resolve(requestKey), key + "\n");
        } catch (IOException e) {
            throw new BootImageException("Cannot write the BusyBox cache index in " + root + ": " + e.getMessage()
                    + ". Check that the cache directory is writable.", e);
        }
    }

    /** Copies the outputs of a finished build into the cache (temp dir + atomic move) and returns the entry. */
    BusyboxResult store(String key, Path binary, Path links, Path config, Path buildLog) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, key + ".tmp-");
        Files.copy(binary, tmp.resolve(BINARY), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(links, tmp.resolve(LINKS));
        Files.copy(config, tmp.resolve(CONFIG));
        Files.copy(buildLog, tmp.resolve("build.log"));
        AtomicOutput.moveIntoPlace(tmp, entry(key));
        BusyboxResult stored = lookup(key);
        return new BusyboxResult(stored.binary(), stored.links(), stored.config(), key, false);
    }

    /** Holds the lock for one key; close to release. */
    Lock lock(String key) throws BootImageException {
        Path lockFile = root.resolve(key + ".lock");
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new Lock(channel.lock(), channel, jvmLock);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            jvmLock.unlock();
            throw new BootImageException("Cannot lock the BusyBox cache " + lockFile + ": " + e.getMessage()
                    + ". Check that the cache directory is writable.", e);
        }
    }

    record Lock(FileLock fileLock, FileChannel channel, ReentrantLock jvmLock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (channel) {
                fileLock.release();
            } finally {
                jvmLock.unlock();
            }
        }
    }
}
