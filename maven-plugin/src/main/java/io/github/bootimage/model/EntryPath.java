package io.github.bootimage.model;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A normalised path inside an image: components separated by {@code /}, no leading {@code /} or
 * {@code ./}, no empty, {@code .} or {@code ..} components. The empty path is the root.
 *
 * <p>Paths order by their UTF-8 bytes (unsigned). In that order a directory always comes before
 * everything below it, because it is a prefix of their paths: the order archives and images need.
 */
public record EntryPath(String value) implements Comparable<EntryPath> {
    public static final EntryPath ROOT = new EntryPath("");
    private static final Pattern SLASHES = Pattern.compile("/+");

    public EntryPath {
        if (value.startsWith("/") || value.endsWith("/") && !value.isEmpty()) {
            throw new IllegalArgumentException("path must be relative and normalised: '" + value + "'");
        }
        if (!value.isEmpty()) {
            // one pass, no split(): trees of 100,000 entries create millions of paths
            int nul = value.indexOf('\0');
            for (int start = 0, end; start <= value.length(); start = end + 1) {
                end = value.indexOf('/', start);
                if (end < 0) {
                    end = value.length();
                }
                checkComponent(value, start, end, nul);
            }
        }
    }

    private static void checkComponent(String value, int start, int end, int nul) {
        int length = end - start;
        boolean dots = length <= 2 && value.startsWith("..", start) || length == 1 && value.charAt(start) == '.';
        if (length == 0 || dots || nul >= start && nul < end) {
            throw new IllegalArgumentException("invalid path component '" + value.substring(start, end) + "' in '"
                    + value + "'");
        }
    }

    /** Parses a user-written path: leading {@code /} and {@code ./}, repeated and trailing slashes are dropped. */
    public static EntryPath of(String path) {
        String p = path.contains("//") ? SLASHES.matcher(path).replaceAll("/") : path;
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

    /** True if {@code other} is a direct child of this path; compares in place, without building the parent. */
    public boolean isParentOf(EntryPath other) {
        String v = other.value;
        if (isRoot()) {
            return !v.isEmpty() && v.indexOf('/') < 0;
        }
        int n = value.length();
        return v.length() > n + 1 && v.charAt(n) == '/' && v.startsWith(value) && v.indexOf('/', n + 1) < 0;
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
        if (isRoot()) {
            return 0;
        }
        int depth = 1;
        for (int i = value.indexOf('/'); i >= 0; i = value.indexOf('/', i + 1)) {
            depth++;
        }
        return depth;
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int compareTo(EntryPath other) {
        return compareUtf8(value, other.value);
    }

    /**
     * Compares two strings as their UTF-8 bytes would compare (unsigned), without encoding them: UTF-8 byte
     * order is code point order, which is UTF-16 order except that surrogates (supplementary characters) sort
     * above U+E000..U+FFFF. Tree maps compare paths millions of times; encoding each time was a hot spot.
     */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(codePointRank(x), codePointRank(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int codePointRank(char c) {
        // Lifts surrogates above U+FFFF (the first differing units decide; equal prefixes keep pairs aligned).
        return Character.isSurrogate(c) ? c + 0x10000 : c;
    }

    @Override
    public String toString() {
        return "/" + value;
    }
}
