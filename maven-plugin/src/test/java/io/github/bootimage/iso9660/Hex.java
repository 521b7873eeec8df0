package io.github.bootimage.iso9660;

import java.util.HexFormat;

/** Hex dumps for readable encode diffs: 16 bytes a line with the offset. */
public final class Hex {
    private Hex() {
    }

    public static String dump(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i += 16) {
            s.append(String.format("%04x: ", i))
                    .append(HexFormat.ofDelimiter(" ").formatHex(b, i, Math.min(b.length, i + 16))).append('\n');
        }
        return s.toString();
    }

    public static byte[] parse(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s", ""));
    }
}
