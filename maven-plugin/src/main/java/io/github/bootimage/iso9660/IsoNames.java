package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.NameMangler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * ISO 9660 level 1 identifiers (ECMA-119 §7.5, §7.6, §10.1): 8.3 file names of d-characters with
 * version ";1", 8-character directory names, as {@code xorriso -as mkisofs -R -J} writes them. These are
 * the names ISOLINUX and firmware read; Rock Ridge and Joliet carry the real names.
 */
public final class IsoNames {
    private static final int BASE = 8;
    private static final int EXT = 3;

    private IsoNames() {
    }

    /** Candidate of a file name: last dot splits name and extension, every other character mapped. */
    public static NameMangler.Candidate file(String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot + 1) : "";
        return new NameMangler.Candidate(NameMangler.cut(dChars(base), BASE), NameMangler.cut(dChars(ext), EXT), BASE);
    }

    public static NameMangler.Candidate directory(String name) {
        return new NameMangler.Candidate(NameMangler.cut(dChars(name), BASE), null, BASE);
    }

    /** Upper case; anything but A-Z, 0-9 and _ (dots too) becomes _. */
    static String dChars(String s) {
        byte[] ascii = new byte[s.length()];
        for (int i = 0; i < ascii.length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return dCharsOfUnicode(s); // upper case may change the length (ß: SS)
            }
            char u = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
            ascii[i] = (byte) (u >= 'A' && u <= 'Z' || u >= '0' && u <= '9' || u == '_' ? u : '_');
        }
        return new String(ascii, StandardCharsets.ISO_8859_1);
    }

    private static String dCharsOfUnicode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' ? c : '_');
        }
        return b.toString();
    }

    /** The recorded identifier: files get the version ";1" (§7.5.1), directories none. */
    public static byte[] identifier(String name, boolean directory) {
        return (directory ? name : name + ";1").getBytes(StandardCharsets.US_ASCII);
    }

    public static List<String> resolve(List<NameMangler.Candidate> candidates) {
        return NameMangler.resolve(candidates);
    }
}
