package io.github.bootimage.model;

/**
 * The POSIX {@code st_mode} of an entry: the file type bits of Linux's {@code include/uapi/linux/stat.h} with the
 * permission bits. cpio newc headers and Rock Ridge PX entries store exactly this value, so it is defined once.
 */
public final class StatMode {
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFBLK = 0060000;

    private StatMode() {
    }

    /** The type bits; a hard link is a regular file (its target's type). */
    public static int typeBits(Entry e) {
        if (e instanceof Entry.Directory) {
            return S_IFDIR;
        } else if (e instanceof Entry.Symlink) {
            return S_IFLNK;
        } else if (e instanceof Entry.DeviceNode d) {
            return d.kind() == Entry.DeviceNode.Kind.CHARACTER ? S_IFCHR : S_IFBLK;
        }
        return S_IFREG;
    }

    /** Type bits and permission bits, as {@code stat(2)} reports them. */
    public static int of(Entry e) {
        return typeBits(e) | e.mode();
    }
}
