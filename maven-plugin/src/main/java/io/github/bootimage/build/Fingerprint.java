package io.github.bootimage.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest over everything a build step depends on: configuration values and input files (path, size,
 * modification time, executable bit). Cheap to compute, so an unchanged step can be skipped without
 * reading its inputs. It only decides whether to rebuild; it never goes into an output.
 */
public final class Fingerprint {
    private final MessageDigest digest;

    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A named configuration value; null is distinct from the empty string. */
    public Fingerprint add(String key, Object value) {
        update(key);
        update(value == null ? "\u0000null" : String.valueOf(value));
        return this;
    }

    /** An input file, or its absence. */
    public Fingerprint addFile(String key, Path file) throws IOException {
        update(key);
        if (file == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            update("\u0000missing");
            return this;
        }
        update(file.toAbsolutePath().normalize().toString());
        if (Files.isSymbolicLink(file)) {
            update("->" + Files.readSymbolicLink(file));
        } else {
            update(Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis() + ":" + Files.isExecutable(file));
        }
        return this;
    }

    /** Every file below a directory, in sorted order; a missing directory counts as empty. */
    public Fingerprint addTree(String key, Path dir) throws IOException {
        update(key);
        if (dir == null || !Files.isDirectory(dir)) {
            update("\u0000none");
            return this;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.sorted().toList();
        }
        for (Path f : files) {
            addFile(dir.relativize(f).toString(), f);
        }
        return this;
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
