package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import io.github.bootimage.io.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Content-addressed store shared by all projects on the machine: {@code <root>/sha256/ab/abcdef...}. A file
 * enters only through {@link #store}, after its hash was checked, by an atomic rename from {@code <root>/tmp}
 * (same file system), so readers never see half a file. {@link #locked} serialises fetches of the same thing
 * across threads ({@code mvn -T}) and processes (a {@link FileLock} on {@code <root>/locks/<key>.lock}).
 */
public final class ContentCache {
    /** FileLock is per process: threads of one JVM need their own lock first, or lock() throws. */
    private static final ConcurrentHashMap<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    public ContentCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Where a file with this hash lives (whether or not it is there). */
    public Path pathOf(String sha256) {
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public Optional<Path> find(String sha256) {
        Path p = pathOf(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** A new empty temporary file or directory on the cache's file system. */
    public Path newTempFile(String prefix) throws IOException {
        return Files.createTempFile(Files.createDirectories(root.resolve("tmp")), prefix, ".part");
    }

    public Path newTempDir(String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(root.resolve("tmp")), prefix);
    }

    /** Moves a verified temporary file into place under its hash and returns the final path. */
    public Path store(Path verifiedTemp, String sha256) throws IOException {
        Path target = pathOf(sha256);
        Files.createDirectories(target.getParent());
        AtomicOutput.readableByAll(verifiedTemp);
        AtomicOutput.moveIntoPlace(verifiedTemp, target);
        return target;
    }

    /** A small text value under a key (e.g. which entry of which archive has which hash), or empty. */
    public Optional<String> readIndex(String key) throws IOException {
        Path p = indexPath(key);
        return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    }

    public void writeIndex(String key, String value) throws IOException {
        AtomicOutput.writeString(indexPath(key), value);
    }

    private Path indexPath(String key) {
        String h = Sha256.of(key);
        return root.resolve("index").resolve(h.substring(0, 2)).resolve(h);
    }

    /** Work that may touch the cache. */
    @FunctionalInterface
    public interface CacheAction<T> {
        T run() throws BootImageException, IOException;
    }

    /** Runs {@code action} while holding the lock for {@code key}, in this JVM and across processes. */
    public <T> T locked(String key, CacheAction<T> action) throws BootImageException, IOException {
        Path lockFile = root.resolve("locks").resolve(Sha256.of(key) + ".lock");
        ReentrantLock threadLock = THREAD_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return action.run();
            }
        } finally {
            threadLock.unlock();
        }
    }
}
