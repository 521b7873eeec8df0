package io.github.bootimage.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A normalised path inside an image: components separated by {@code /}, no leading {@code /} or
 * {@code ./}, no empty, {@code .} or {@code ..} components. The empty path is the root.
 *
 * <p>Paths order by their UTF-8 bytes (unsigned). In that order a directory always comes before
 * everything below it, because it is a prefix of their paths: the order archives and images need.
 */
public record EntryPath(String value) implements Comparable<EntryPath> {
    public static final EntryPath ROOT = new EntryPath("");

    public EntryPath {
        if (value.startsWith("/") || value.endsWith("/") && !value.isEmpty()) {
            throw new IllegalArgumentException("path must be relative and normalised: '" + value + "'");
        }
        if (!value.isEmpty()) {
            for (String part : value.split("/", -1)) {
                if (part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("invalid path component '" + part + "' in '" + value + "'");
                }
            }
        }
    }

    /** Parses a user-written path: leading {@code /} and {@code ./}, repeated and trailing slashes are dropped. */
    public static EntryPath of(String path) {
        String p = path.replaceAll("/+", "/");
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.equals(".")) {
            p = "";
        }
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return new EntryPath(p);
    }

    public boolean isRoot() {
        return value.isEmpty();
    }

    /** The parent path; the parent of a top-level entry is the root. */
    public EntryPath parent() {
        if (isRoot()) {
            throw new IllegalStateException("the root has no parent");
        }
        int slash = value.lastIndexOf('/');
        return slash < 0 ? ROOT : new EntryPath(value.substring(0, slash));
    }

    /** The last component. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    public EntryPath resolve(String child) {
        EntryPath c = of(child);
        if (c.isRoot()) {
            return this;
        }
        return new EntryPath(isRoot() ? c.value : value + "/" + c.value);
    }

    /** Number of components; the root has depth 0. */
    public int depth() {
        return isRoot() ? 0 : (int) value.chars().filter(ch -> ch == '/').count() + 1;
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int compareTo(EntryPath other) {
        return Arrays.compareUnsigned(utf8(), other.utf8());
    }

    @Override
    public String toString() {
        return "/" + value;
    }
}
