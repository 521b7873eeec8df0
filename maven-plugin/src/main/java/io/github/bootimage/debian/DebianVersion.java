package io.github.bootimage.debian;

/**
 * A Debian version {@code [epoch:]upstream[-revision]}, ordered as dpkg orders them (Debian Policy §5.6.12:
 * non-digit runs compare by character with letters before other characters and {@code ~} before everything,
 * even the end of the string; digit runs compare numerically).
 */
public final class DebianVersion implements Comparable<DebianVersion> {
    private final long epoch;
    private final String upstream;
    private final String revision;
    private final String text;

    private DebianVersion(long epoch, String upstream, String revision, String text) {
        this.epoch = epoch;
        this.upstream = upstream;
        this.revision = revision;
        this.text = text;
    }

    /** Parses a version; throws IllegalArgumentException for an empty one or a bad epoch. */
    public static DebianVersion parse(String s) {
        String v = s.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty Debian version");
        }
        long epoch = 0;
        int colon = v.indexOf(':');
        if (colon >= 0) {
            try {
                epoch = Long.parseLong(v.substring(0, colon));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad epoch in Debian version '" + s + "'", e);
            }
        }
        String rest = v.substring(colon + 1);
        int dash = rest.lastIndexOf('-');
        return dash < 0 ? new DebianVersion(epoch, rest, "", v)
                : new DebianVersion(epoch, rest.substring(0, dash), rest.substring(dash + 1), v);
    }

    @Override
    public int compareTo(DebianVersion o) {
        int c = Long.compare(epoch, o.epoch);
        if (c != 0) {
            return c;
        }
        c = compareParts(upstream, o.upstream);
        return c != 0 ? c : compareParts(revision, o.revision);
    }

    /** dpkg's verrevcmp(). */
    static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !digit(a.charAt(i)) || j < b.length() && !digit(b.charAt(j))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < a.length() && digit(a.charAt(i)) && j < b.length() && digit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && digit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && digit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    /** The weight of the character at {@code i}: the end and digits 0, '~' below, letters, then the rest. */
    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (digit(c)) {
            return 0;
        }
        if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DebianVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(epoch); // equal versions may differ in text (1.0 = 1.00 = 1.0-0)
    }

    @Override
    public String toString() {
        return text;
    }
}
