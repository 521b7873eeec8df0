package io.github.bootimage.kmod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Module names as the kernel and modprobe compare them: {@code -} and {@code _} are the same
 * ({@code usb-storage.ko} is the module {@code usb_storage}), and a file name ends at its first dot.
 */
public final class ModuleNames {
    private ModuleNames() {
    }

    /** {@code usb-storage} becomes {@code usb_storage}. */
    public static String normalize(String name) {
        return name.replace('-', '_');
    }

    /**
     * An alias or alias pattern as kmod compares it ({@code alias_normalize}): {@code -} becomes {@code _}, except
     * inside a bracket expression, where it is a range.
     */
    public static String normalizeAlias(String alias) {
        StringBuilder b = new StringBuilder(alias.length());
        boolean inBracket = false;
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            inBracket = c == '[' || inBracket && c != ']';
            b.append(c == '-' && !inBracket ? '_' : c);
        }
        return b.toString();
    }

    /** The module name of a file name such as {@code usb-storage.ko.xz}: {@code usb_storage}. */
    public static String ofFileName(String fileName) {
        int dot = fileName.indexOf('.');
        return normalize(dot < 0 ? fileName : fileName.substring(0, dot));
    }

    /** Up to {@code max} of {@code known} closest to {@code wanted}: by edit distance, then by name. */
    public static List<String> closest(String wanted, Iterable<String> known, int max) {
        String w = normalize(wanted).toLowerCase(Locale.ROOT);
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            // a name that contains what was typed (nvme -> nvme_core) is close whatever its length
            if (k.contains(w) && w.length() >= 3) {
                d = Math.min(d, 1 + (k.length() - w.length()) / 4);
            }
            scored.add(new Scored(k, d));
        }
        int limit = Math.max(2, w.length() / 2);
        return scored.stream().filter(s -> s.score() <= limit)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(max).map(Scored::name).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
