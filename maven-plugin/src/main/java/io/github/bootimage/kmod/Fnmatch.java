package io.github.bootimage.kmod;

/**
 * Shell wildcard matching as modprobe does it for aliases ({@code fnmatch(3)} without flags): {@code *},
 * {@code ?}, bracket expressions with ranges and {@code !}/{@code ^} negation; {@code /} is an ordinary character.
 */
final class Fnmatch {
    private Fnmatch() {
    }

    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
                continue;
            }
            int next = p < pattern.length() ? step(pattern, p, text.charAt(t)) : -1;
            if (next >= 0) {
                p = next;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Where the pattern continues if its element at {@code p} matches {@code c}; -1 if it does not. */
    private static int step(String pattern, int p, char c) {
        char pc = pattern.charAt(p);
        if (pc == '?') {
            return p + 1;
        }
        if (pc == '[') {
            int end = bracketEnd(pattern, p);
            if (end > 0) {
                return bracketMatches(pattern, p + 1, end, c) ? end + 1 : -1;
            }
        }
        if (pc == '\\' && p + 1 < pattern.length()) {
            return pattern.charAt(p + 1) == c ? p + 2 : -1;
        }
        return pc == c ? p + 1 : -1;
    }

    /** The index of the closing bracket, or -1 when the bracket is unterminated (then it is literal). */
    private static int bracketEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        return pattern.indexOf(']', i);
    }

    private static boolean bracketMatches(String pattern, int from, int end, char c) {
        boolean negate = pattern.charAt(from) == '!' || pattern.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        while (i < end) {
            char lo = pattern.charAt(i);
            if (i + 2 < end && pattern.charAt(i + 1) == '-') {
                found |= lo <= c && c <= pattern.charAt(i + 2);
                i += 3;
            } else {
                found |= lo == c;
                i++;
            }
        }
        return found != negate;
    }
}
