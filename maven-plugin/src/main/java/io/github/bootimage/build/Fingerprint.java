package io.github.bootimage.build;

import io.github.bootimage.io.Sha256;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.FileContent;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A digest over everything a build step depends on: configuration values, the content of every input file
 * (through a {@link FileIndex}, so unchanged files are not read again), and the code that builds. It only decides
 * whether to rebuild; it never goes into an output.
 *
 * <p>A core request adds itself with {@link #addRecord}: every component counts (a {@link Path} by the content
 * of the file or tree it names) unless the request names it as not affecting the output, so a component added
 * later cannot be forgotten here.
 */
public final class Fingerprint {
    private final MessageDigest digest;
    private final FileIndex index;
    private final Map<Path, String> verified = new HashMap<>();

    /** A fingerprint that reads every file it is given. */
    public Fingerprint() {
        this(FileIndex.none());
    }

    public Fingerprint(FileIndex index) {
        this.digest = Sha256.digest();
        this.index = index;
    }

    /**
     * Files whose SHA-256 is already known (inputs just checked against their pin); they are not read or stat'ed.
     */
    public Fingerprint verified(Map<Path, String> sha256ByFile) {
        sha256ByFile.forEach((file, sha) -> verified.put(file.toAbsolutePath().normalize(), sha));
        return this;
    }

    /** A named configuration value; null is distinct from the empty string. */
    public Fingerprint add(String key, Object value) {
        update(key);
        update(value == null ? "\u0000null" : String.valueOf(value));
        return this;
    }

    /**
     * The code that builds: its version and, for a {@code -SNAPSHOT} (where the same version may be other code),
     * the content of its jar (or classes directory), see {@link #codeLocation}.
     */
    public Fingerprint addCode(Path location, String version) throws IOException {
        add("code version", version);
        if (version.endsWith("-SNAPSHOT")) {
            addPath("code", location);
        }
        return this;
    }

    /** The jar (or classes directory) a class was loaded from. */
    public static Path codeLocation(Class<?> type) throws IOException {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("cannot find the jar of " + type.getName());
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot find the jar of " + type.getName() + ": " + source.getLocation(), e);
        }
    }

    /** An input file by its content and executable bit (following links), or its absence. */
    public Fingerprint addFile(String key, Path file) throws IOException {
        update(key);
        if (file == null) {
            update("\u0000none");
            return this;
        }
        Path absolute = file.toAbsolutePath().normalize();
        update(absolute.toString());
        String known = verified.get(absolute);
        if (known != null) {
            update(known);
        } else if (!Files.exists(file)) {
            update("\u0000missing");
        } else {
            update(index.sha256(file) + (Files.isExecutable(file) ? " x" : ""));
        }
        return this;
    }

    /** Every entry below a directory in sorted order, symlinks as links; a missing directory counts as none. */
    public Fingerprint addTree(String key, Path dir) throws IOException {
        update(key);
        if (dir == null || !Files.isDirectory(dir)) {
            update("\u0000none");
            return this;
        }
        update(dir.toAbsolutePath().normalize().toString());
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(dir)) {
            entries = walk.sorted().toList();
        }
        for (Path p : entries) {
            update(dir.relativize(p).toString());
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                update("-> " + Files.readSymbolicLink(p));
            } else if (a.isDirectory()) {
                update("/");
            } else {
                update(index.sha256(p, LinkOption.NOFOLLOW_LINKS) + (Files.isExecutable(p) ? " x" : ""));
            }
        }
        return this;
    }

    /** A file or a directory tree, whichever {@code path} is. */
    public Fingerprint addPath(String key, Path path) throws IOException {
        return path != null && Files.isDirectory(path) ? addTree(key, path) : addFile(key, path);
    }

    /**
     * Every component of {@code record}, recursively, except those named in {@code ignore}: paths by content,
     * {@link Content} by its bytes, collections in order, maps by sorted key, records by component.
     *
     * @throws IllegalArgumentException for a component of a type that cannot be fingerprinted (say what it means
     *                                  for the output by converting it, or ignore it)
     */
    public Fingerprint addRecord(String key, Record record, String... ignore) throws IOException {
        update(key);
        Set<String> skipped = Set.of(ignore);
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (!skipped.contains(c.getName())) {
                addValue(key + "." + c.getName(), component(record, c));
            }
        }
        return this;
    }

    private void addValue(String key, Object value) throws IOException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof Instant
                || value instanceof Duration) {
            add(key, value);
        } else if (value instanceof Path p) {
            addPath(key, p);
        } else if (value instanceof Optional<?> o) {
            addValue(key, o.orElse(null));
        } else if (value instanceof Collection<?> c) {
            add(key, "[" + c.size());
            int i = 0;
            for (Object o : c) {
                addValue(key + "[" + i++ + "]", o);
            }
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            add(key, "{" + sorted.size());
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                addValue(key + "{" + e.getKey() + "}", e.getValue());
            }
        } else if (value instanceof FileContent f) {
            addFile(key, f.file());
        } else if (value instanceof BytesContent b) {
            add(key, Sha256.of(b.bytes()));
        } else if (value instanceof Record r) {
            addRecord(key + ":" + r.getClass().getSimpleName(), r);
        } else {
            throw new IllegalArgumentException("cannot fingerprint " + key + " of type " + value.getClass().getName());
        }
    }

    private static Object component(Record record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c + " of " + record.getClass().getName(), e);
        }
    }

    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(b);
    }
}
