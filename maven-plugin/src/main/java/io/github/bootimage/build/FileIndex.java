package io.github.bootimage.build;

import io.github.bootimage.io.AtomicOutput;
import io.github.bootimage.io.Sha256;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of input files, remembered by their stat data the way git's index does: a file whose size, mtime,
 * ctime, inode, device and mode are unchanged is not read again. ctime cannot be set back ({@code touch},
 * {@code cp -p}, {@code rsync -t} and {@code tar x} restore mtime but any write or rename moves ctime), so a
 * same-size edit with its mtime restored is still seen.
 *
 * <p>"Racily clean" files (git's term) are read again: one changed shortly before the index observed it may change
 * again within the same file-system clock tick and keep every stat field. The reference time is the file-system
 * time at which this index was opened (the mtime of the file it will be saved through), so no clock is read.
 * Without the {@code unix} attribute view (not Linux/macOS), every file is hashed every time.
 */
public final class FileIndex implements Closeable {
    private static final String HEADER = "bootimage-file-index 1";
    /** Coarser than any file system's timestamp granularity (FAT: 2 s) and the kernel's coarse clock. */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final String STAT = "unix:size,lastModifiedTime,ctime,ino,dev,mode";
    private static final LinkOption[] FOLLOW = {};
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** Stat data of a file and the hash of its content then. */
    private record Item(long size, long mtime, long ctime, long ino, long dev, int mode, String sha256) {
        boolean sameStat(Item o) {
            return size == o.size && mtime == o.mtime && ctime == o.ctime && ino == o.ino && dev == o.dev
                    && mode == o.mode;
        }

        String line(String path) {
            return sha256 + " " + size + " " + mtime + " " + ctime + " " + ino + " " + dev + " " + mode + " "
                    + escape(path);
        }

        static Item parse(String[] f) {
            if (!f[0].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256: " + f[0]);
            }
            return new Item(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Integer.parseInt(f[6]), f[0]);
        }
    }

    private final Path file;
    private final Path next;
    private final long openedAt;
    private final Map<String, Item> known;
    private final Map<String, Item> seen = new TreeMap<>();
    private int hashed;

    private FileIndex(Path file, Path next, long openedAt, Map<String, Item> known) {
        this.file = file;
        this.next = next;
        this.openedAt = openedAt;
        this.known = known;
    }

    /** An index that remembers nothing: every file is hashed. */
    public static FileIndex none() {
        return new FileIndex(null, null, Long.MIN_VALUE, Map.of());
    }

    /** Loads the index saved in {@code file} (a missing or unreadable one is empty) and starts observing. */
    public static FileIndex open(Path file) throws IOException {
        return open(file, RACY_NANOS);
    }

    /** With another racy margin: tests cannot wait seconds for a file to stop being racily clean. */
    static FileIndex open(Path file, long racyNanos) throws IOException {
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path next = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        long now = Files.getLastModifiedTime(next).to(TimeUnit.NANOSECONDS);
        return new FileIndex(file, next, now, load(file, racyNanos));
    }

    private static Map<String, Item> load(Path file, long racyNanos) throws IOException {
        Map<String, Item> items = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return items;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER + " ")) {
            return items; // another format: start afresh
        }
        try {
            long savedAt = Long.parseLong(lines.get(0).substring(HEADER.length() + 1));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(" ", 8);
                Item item = Item.parse(f);
                // Racily clean: the file may have changed again within the tick it was observed in.
                if (Math.max(item.mtime, item.ctime) < savedAt - racyNanos) {
                    items.put(unescape(f[7]), item);
                }
            }
        } catch (RuntimeException e) {
            items.clear(); // a damaged index costs a rehash, never a wrong answer
        }
        return items;
    }

    /** The SHA-256 of {@code path}'s content (following symbolic links), read only when its stat data changed. */
    public String sha256(Path path) throws IOException {
        return sha256(path, FOLLOW);
    }

    String sha256(Path path, LinkOption... options) throws IOException {
        String key = path.toAbsolutePath().normalize().toString();
        Item stat = stat(path, options);
        if (stat == null) {
            return hash(path);
        }
        Item before = known.get(key);
        Item item = before != null && before.sameStat(stat) ? before : withHash(stat, path);
        seen.put(key, item);
        return item.sha256;
    }

    /** How many files were read (not answered from the index) so far. */
    public int hashed() {
        return hashed;
    }

    private Item withHash(Item stat, Path path) throws IOException {
        String sha = hash(path);
        return new Item(stat.size, stat.mtime, stat.ctime, stat.ino, stat.dev, stat.mode, sha);
    }

    private static Item stat(Path path, LinkOption... options) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, STAT, options);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        return new Item((Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")),
                (Long) a.get("ino"), (Long) a.get("dev"), (Integer) a.get("mode"), null);
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    private String hash(Path path) throws IOException {
        hashed++;
        return Sha256.of(path);
    }

    /**
     * Saves what this index observed (only that: files no longer used are forgotten), unless nothing changed.
     * Call it right after observing, before the work: the saved time must not be later than the observations.
     */
    public void save() throws IOException {
        if (file == null || hashed == 0 && seen.keySet().equals(known.keySet())) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + " " + openedAt);
        seen.forEach((path, item) -> lines.add(item.line(path)));
        Files.write(next, lines, StandardCharsets.UTF_8);
        AtomicOutput.moveIntoPlace(next, file);
    }

    @Override
    public void close() throws IOException {
        if (next != null) {
            Files.deleteIfExists(next);
        }
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
