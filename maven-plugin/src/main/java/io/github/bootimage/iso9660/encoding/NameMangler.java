package io.github.bootimage.iso9660.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the names of one directory unique after they were cut to fit a namespace, the way libisofs
 * does: every member of a clashing group gets the end of its base name replaced by a decimal counter
 * (VERYLONGNAME1.TXT and VERYLONGNAME2.TXT become VERYLON0.TXT and VERYLON1.TXT). Input order is the
 * tree's bytewise order, so the result never depends on how the host listed a directory.
 */
public final class NameMangler {

    /** A name split for mangling; {@code ext} is null for names without an extension part. */
    public record Candidate(String base, String ext, int baseLimit) {
        public String join() {
            return ext == null ? base : base + "." + ext;
        }
    }

    private NameMangler() {
    }

    public static List<String> resolve(List<Candidate> candidates) {
        String[] joined = new String[candidates.size()];
        Map<String, Integer> counts = new HashMap<>(joined.length * 2);
        for (int i = 0; i < joined.length; i++) {
            joined[i] = candidates.get(i).join();
            counts.merge(joined[i], 1, Integer::sum);
        }
        if (counts.size() == joined.length) {
            return Arrays.asList(joined);
        }
        Set<String> used = new HashSet<>(counts.keySet());
        Map<String, Integer> nextNumber = new HashMap<>();
        List<String> result = new ArrayList<>(joined.length);
        for (int i = 0; i < joined.length; i++) {
            result.add(counts.get(joined[i]) == 1 ? joined[i] : mangle(candidates.get(i), used, nextNumber));
        }
        return result;
    }

    /**
     * The first free name with the lowest number of digits, then the lowest number. {@code used} only grows,
     * so a number found taken stays taken: {@code nextNumber} remembers, per cut base, extension and digit
     * count, where the search stopped, which keeps a directory of n clashing names linear instead of O(n^2).
     */
    private static String mangle(Candidate c, Set<String> used, Map<String, Integer> nextNumber) {
        for (int digits = 1; digits <= c.baseLimit(); digits++) {
            int limit = digits >= 10 ? Integer.MAX_VALUE : (int) Math.pow(10, digits);
            String base = cut(c.base(), c.baseLimit() - digits);
            String key = digits + "/" + base + "/" + (c.ext() == null ? "\0" : "." + c.ext());
            for (int n = nextNumber.getOrDefault(key, 0); n < limit; n++) {
                String candidate = new Candidate(base + zeroPadded(n, digits), c.ext(), c.baseLimit()).join();
                if (used.add(candidate)) {
                    nextNumber.put(key, n + 1);
                    return candidate;
                }
            }
            nextNumber.put(key, limit);
        }
        throw new IllegalStateException("cannot make '" + c.join() + "' unique");
    }

    private static String zeroPadded(int n, int digits) {
        String s = Integer.toString(n);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }

    /** Cuts to at most {@code max} UTF-16 units without splitting a surrogate pair. */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
