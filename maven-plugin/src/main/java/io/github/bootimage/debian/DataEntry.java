package io.github.bootimage.debian;

import io.github.bootimage.BootImageException;

/**
 * One member of a package's {@code data.tar}, as the unpack manifest in the cache records it.
 *
 * @param type   {@code d} directory, {@code f} regular file, {@code l} symlink, {@code h} hard link,
 *               {@code c}/{@code b} character/block device
 * @param path   the path in the package, without a leading {@code ./} or {@code /}
 * @param mode   permission bits (07777)
 * @param uid    owner id
 * @param gid    group id
 * @param group  the group's name in the tar header ({@code tty}, {@code shadow}), for {@code /etc/group}
 * @param size   file size; device numbers {@code major * 2^20 + minor} for devices; 0 otherwise
 * @param value  the file's SHA-256, a link's target, or empty
 */
public record DataEntry(char type, String path, int mode, int uid, int gid, String group, long size, String value) {

    /** One tab-separated line; the path last. Paths and targets with a tab or newline are refused when reading the tar. */
    String line() {
        return type + "\t" + Integer.toOctalString(mode) + "\t" + uid + "\t" + gid + "\t" + group + "\t" + size
                + "\t" + value + "\t" + path;
    }

    static DataEntry parse(String line) throws BootImageException {
        String[] f = line.split("\t", 8);
        if (f.length != 8 || f[0].length() != 1) {
            throw new BootImageException("corrupt unpack manifest line '" + line + "'");
        }
        return new DataEntry(f[0].charAt(0), f[7], Integer.parseInt(f[1], 8), Integer.parseInt(f[2]),
                Integer.parseInt(f[3]), f[4], Long.parseLong(f[5]), f[6]);
    }
}
