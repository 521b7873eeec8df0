package io.github.bootimage.squashfs;

import io.github.bootimage.testing.HostTools;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** squashfs-tools' unsquashfs, the independent reader: required on CI, skipped elsewhere when missing. */
final class Unsquashfs {
    /** {@code -lln}: mode, uid/gid, size or "major, minor", date, path, optional "-> target". */
    private static final Pattern LINE = Pattern.compile(
            "^(\\S{10}) (\\d+)/(\\d+) +(\\d+|\\d+, *\\d+) \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d squashfs-root(/.*)?$");

    private Unsquashfs() {
    }

    static void require() {
        HostTools.require("unsquashfs");
    }

    static String run(String... args) throws Exception {
        require();
        String[] command = new String[args.length + 1];
        command[0] = "unsquashfs";
        System.arraycopy(args, 0, command, 1, args.length);
        return HostTools.run(null, command);
    }

    /** Path ("/" for the root) to "mode uid/gid size-or-device[ -> target]", directory sizes left out. */
    static Map<String, String> list(Path image) throws Exception {
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : run("-lln", "-UTC", image.toString()).split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String path = m.group(5) == null ? "/" : m.group(5);
            String target = "";
            int arrow = path.indexOf(" -> ");
            if (m.group(1).startsWith("l") && arrow >= 0) {
                target = path.substring(arrow);
                path = path.substring(0, arrow);
            }
            String size = m.group(1).startsWith("d") ? "-" : m.group(4).replaceAll(" +", "");
            result.put(path, m.group(1) + " " + m.group(2) + "/" + m.group(3) + " " + size + target);
        }
        return result;
    }
}
