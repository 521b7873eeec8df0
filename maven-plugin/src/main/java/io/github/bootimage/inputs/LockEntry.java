package io.github.bootimage.inputs;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one input request resolved to, as recorded in {@code bootimage.lock}.
 *
 * @param kind        {@code deb}, {@code url} or {@code artifact}
 * @param inputs      the inputs (Mojo parameters) that use it, comma-separated and sorted, e.g. {@code kernel}
 * @param packageName the real Debian package (after metapackage resolution), null for other kinds
 * @param version     the exact Debian version, null for other kinds
 * @param source      where the bytes came from: the URL, the coordinates, {@code apt-get download pkg=version}
 * @param fileName    the fetched file's name (e.g. the .deb's), or null
 * @param sha256      SHA-256 of the fetched file
 * @param size        its size in bytes
 */
public record LockEntry(String kind, String inputs, String packageName, String version, String source,
                        String fileName, String sha256, long size) {

    /** The fields in the file's order (sorted by key), nulls left out. */
    Map<String, String> fields() {
        Map<String, String> m = new TreeMap<>();
        put(m, "file", fileName);
        put(m, "inputs", inputs);
        put(m, "kind", kind);
        put(m, "package", packageName);
        put(m, "sha256", sha256);
        put(m, "size", Long.toString(size));
        put(m, "source", source);
        put(m, "version", version);
        return m;
    }

    /**
     * An entry from the lock file's fields.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    static LockEntry of(Map<String, String> f) {
        String sha256 = f.get("sha256");
        if (sha256 == null) {
            throw new IllegalArgumentException("has no 'sha256 = ...' line");
        }
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("has sha256 = " + sha256 + ", which is not 64 lower-case hex digits");
        }
        String size = f.getOrDefault("size", "-1");
        if (!size.matches("-?[0-9]{1,18}")) {
            throw new IllegalArgumentException("has size = " + size + ", which is not a number of bytes");
        }
        return new LockEntry(f.get("kind"), f.get("inputs"), f.get("package"), f.get("version"), f.get("source"),
                f.get("file"), sha256, Long.parseLong(size));
    }

    LockEntry withInputs(String newInputs) {
        return new LockEntry(kind, newInputs, packageName, version, source, fileName, sha256, size);
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
