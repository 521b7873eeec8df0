package io.github.bootimage.fat;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.EntryPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Short (8.3) names for the entries of one directory, following fatgen103 §7 "The Basis-Name Generation
 * Algorithm" and "Numeric-Tail Generation": names that already are upper-case 8.3 are kept without a long
 * name; every other name gets a long name and a basis name, with a {@code ~n} tail when the basis was
 * lossy, too long, or already taken. Names are processed in the directory's sorted order, so the result
 * depends only on the set of names.
 */
final class ShortNames {
    /** Characters allowed in a short name besides A-Z and 0-9 (fatgen103 §6.1). */
    private static final String SHORT_SPECIALS = "$%'-_@~`!(){}^#&";
    /** Characters forbidden even in long names (fatgen103 §7). */
    private static final String LONG_FORBIDDEN = "\"*/:<>?\\|";
    private static final int MAX_LONG_NAME = 255;

    /** One child's names: the 11-byte short name and the long name, or null when the short name says it all. */
    record Name(byte[] shortName, String longName) {
        int entryCount() {
            return 1 + (longName == null ? 0 : (longName.length() + LongNameEntry.CHARS - 1) / LongNameEntry.CHARS);
        }
    }

    private ShortNames() {
    }

    /** Names for the children (sorted) of {@code dir}; throws for names FAT cannot store or tell apart. */
    static Map<String, Name> assign(EntryPath dir, List<String> children) throws BootImageException {
        Map<String, Name> result = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        Map<String, String> folded = new HashMap<>();
        for (String child : children) {
            validate(dir, child);
            String previous = folded.put(child.toUpperCase(Locale.ROOT), child);
            if (previous != null) {
                throw new BootImageException("FAT names are case-insensitive: " + dir.resolve(previous) + " and "
                        + dir.resolve(child) + " would be the same file in the ESP image. Rename one of them.");
            }
            if (isShortName(child)) {
                result.put(child, new Name(pad(child), null));
                taken.add(child);
            }
        }
        for (String child : children) {
            if (!result.containsKey(child)) {
                String shortName = generate(child, taken);
                taken.add(shortName);
                result.put(child, new Name(pad(shortName), child));
            }
        }
        return result;
    }

    private static void validate(EntryPath dir, String name) throws BootImageException {
        String problem = null;
        if (name.length() > MAX_LONG_NAME) {
            problem = "is longer than " + MAX_LONG_NAME + " UTF-16 code units";
        } else if (name.endsWith(".") || name.endsWith(" ")) {
            problem = "ends with a dot or a space, which FAT drops";
        } else {
            for (char c : name.toCharArray()) {
                if (c < 0x20 || LONG_FORBIDDEN.indexOf(c) >= 0) {
                    problem = "contains '" + (c < 0x20 ? String.format("\\x%02x", (int) c) : c)
                            + "', which FAT does not allow (" + LONG_FORBIDDEN + " and control characters)";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new BootImageException("The name of " + dir.resolve(name) + " " + problem
                    + "; rename it to put it into the FAT (ESP) image.");
        }
    }

    /** An upper-case 8.3 name needs no long name. */
    static boolean isShortName(String name) {
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return !base.isEmpty() && base.length() <= 8 && ext.length() <= 3 && (dot < 0 || !ext.isEmpty())
                && allShortChars(base) && allShortChars(ext);
    }

    private static boolean allShortChars(String s) {
        return s.chars().allMatch(ShortNames::isShortChar);
    }

    private static boolean isShortChar(int c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || SHORT_SPECIALS.indexOf(c) >= 0;
    }

    private static String generate(String longName, Set<String> taken) {
        String upper = longName.toUpperCase(Locale.ROOT);
        boolean lossy = false;
        StringBuilder cleaned = new StringBuilder();
        for (char c : upper.toCharArray()) {
            if (c == ' ') {
                continue;
            }
            if (c == '.' || isShortChar(c)) {
                cleaned.append(c);
            } else {
                cleaned.append('_');
                lossy = true;
            }
        }
        String s = cleaned.toString().replaceFirst("^\\.+", "");
        int lastDot = s.lastIndexOf('.');
        String base = (lastDot < 0 ? s : s.substring(0, lastDot)).replace(".", "");
        String ext = lastDot < 0 ? "" : s.substring(lastDot + 1);
        boolean fits = base.length() <= 8 && ext.length() <= 3 && !base.isEmpty()
                && s.indexOf('.') == lastDot && s.length() == upper.length();
        base = base.isEmpty() ? "_" : base;
        ext = ext.length() > 3 ? ext.substring(0, 3) : ext;
        String suffix = ext.isEmpty() ? "" : "." + ext;
        if (!lossy && fits && !taken.contains(base + suffix)) {
            return base + suffix;
        }
        for (int n = 1; ; n++) {
            String tail = "~" + n;
            String candidate = base.substring(0, Math.min(base.length(), 8 - tail.length())) + tail + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The 11-byte DIR_Name: base padded to 8, extension padded to 3, no dot. */
    static byte[] pad(String shortName) {
        byte[] name = new byte[11];
        Arrays.fill(name, (byte) ' ');
        int dot = shortName.indexOf('.');
        byte[] base = (dot < 0 ? shortName : shortName.substring(0, dot)).getBytes(StandardCharsets.US_ASCII);
        byte[] ext = (dot < 0 ? "" : shortName.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(base, 0, name, 0, base.length);
        System.arraycopy(ext, 0, name, 8, ext.length);
        return name;
    }

    static List<String> names(List<EntryPath> paths) {
        List<String> names = new ArrayList<>();
        for (EntryPath p : paths) {
            names.add(p.name());
        }
        return names;
    }
}
