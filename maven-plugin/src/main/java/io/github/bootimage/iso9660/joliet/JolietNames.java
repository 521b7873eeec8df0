package io.github.bootimage.iso9660.joliet;

import io.github.bootimage.iso9660.encoding.NameMangler;
import java.nio.charset.StandardCharsets;

/**
 * Joliet names: the real name in UCS-2 big-endian (UTF-16BE; characters outside the BMP become
 * surrogate pairs, which Linux and Windows decode), at most 64 code units, characters Joliet forbids
 * (* / : ; ? \ and controls) replaced by _. A long name keeps its extension (up to 8 units) and loses the
 * end of its base; clashes are resolved by {@link NameMangler}. Files get the version ";1" like libisofs.
 */
public final class JolietNames {
    public static final int MAX = 64;
    private static final int KEPT_EXTENSION = 8;

    private JolietNames() {
    }

    public static NameMangler.Candidate candidate(String name, boolean directory) {
        String clean = clean(name);
        int dot = clean.lastIndexOf('.');
        if (!directory && dot > 0 && clean.length() - dot - 1 <= KEPT_EXTENSION) {
            String ext = clean.substring(dot + 1);
            int limit = MAX - ext.length() - 1;
            return new NameMangler.Candidate(NameMangler.cut(clean.substring(0, dot), limit), ext, limit);
        }
        return new NameMangler.Candidate(NameMangler.cut(clean, MAX), null, MAX);
    }

    static String clean(String name) {
        boolean clean = true;
        for (int i = 0; i < name.length() && clean; i++) {
            char c = name.charAt(i);
            clean = c >= 0x20 && "*/:;?\\".indexOf(c) < 0;
        }
        if (clean) {
            return name;
        }
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            b.append(c < 0x20 || "*/:;?\\".indexOf(c) >= 0 ? '_' : c);
        }
        return b.toString();
    }

    public static byte[] identifier(String name, boolean directory) {
        String id = directory ? name : name + ";1";
        byte[] b = new byte[id.length() * 2];
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isSurrogate(c)) {
                return id.getBytes(StandardCharsets.UTF_16BE); // the encoder's rules for pairs and lone halves
            }
            b[2 * i] = (byte) (c >>> 8);
            b[2 * i + 1] = (byte) c;
        }
        return b;
    }
}
