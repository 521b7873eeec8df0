package io.github.bootimage.model;

/**
 * One entry of a file tree. {@code mode} holds only the permission bits (07777); the file type is the
 * record type. Timestamps are not per entry: every writer takes the one build epoch.
 */
public sealed interface Entry permits Entry.Directory, Entry.RegularFile, Entry.Symlink, Entry.HardLink,
        Entry.DeviceNode {

    EntryPath path();

    int mode();

    int uid();

    int gid();

    private static void checkMode(EntryPath path, int mode) {
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode of " + path + " must be permission bits only (07777), got 0"
                    + Integer.toOctalString(mode));
        }
    }

    record Directory(EntryPath path, int mode, int uid, int gid) implements Entry {
        public Directory {
            checkMode(path, mode);
        }

        public static Directory of(EntryPath path) {
            return new Directory(path, 0755, 0, 0);
        }
    }

    record RegularFile(EntryPath path, int mode, int uid, int gid, Content content) implements Entry {
        public RegularFile {
            checkMode(path, mode);
        }
    }

    /** A symbolic link; {@code target} is stored verbatim (relative or absolute inside the image). */
    record Symlink(EntryPath path, String target, int uid, int gid) implements Entry {
        public Symlink {
            if (target.isEmpty() || target.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("invalid symlink target for " + path + ": '" + target + "'");
            }
        }

        /** Symlinks are always 0777 on Linux. */
        @Override
        public int mode() {
            return 0777;
        }
    }

    /** A second name for the regular file at {@code target} (same inode in cpio). */
    record HardLink(EntryPath path, EntryPath target) implements Entry {
        @Override
        public int mode() {
            return 0;
        }

        @Override
        public int uid() {
            return 0;
        }

        @Override
        public int gid() {
            return 0;
        }
    }

    /** A character or block device node, written straight into archives without root. */
    record DeviceNode(EntryPath path, Kind kind, int major, int minor, int mode, int uid, int gid)
            implements Entry {
        public enum Kind { CHARACTER, BLOCK }

        public DeviceNode {
            checkMode(path, mode);
            if (major < 0 || minor < 0) {
                throw new IllegalArgumentException("device numbers of " + path + " must not be negative");
            }
        }
    }
}
