package io.github.bootimage.iso9660.rockridge;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.StatMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the Rock Ridge (RRIP 1.12) entries of one directory record. Every time stamp is the build epoch;
 * long names and link targets are split over several NM / SL entries, as RRIP §4.1.3 and §4.1.4 allow.
 */
public final class RockRidge {
    /** The extension reference mkisofs and xorriso write: Linux and isoinfo look for "RRIP_1991A". */
    public static final SuspEntry.ER EXTENSION = new SuspEntry.ER("RRIP_1991A",
            "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS",
            "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY "
                    + "VOLUME DESCRIPTOR FOR CONTACT INFORMATION.", 1);
    static final int MAX_DATA = 255 - SuspEntry.HEADER;
    private static final int NM_CHUNK = MAX_DATA - 1;
    private static final int TF_FLAGS = SuspEntry.TF.CREATION | SuspEntry.TF.MODIFY | SuspEntry.TF.ACCESS
            | SuspEntry.TF.ATTRIBUTES;

    private RockRidge() {
    }

    /**
     * Entries of a record: PX, TF, then PN for devices, SL for symlinks and NM when {@code name} is not
     * null ("." and ".." have none). {@code entry} is the file the record describes (the target of a hard link).
     */
    public static List<SuspEntry> entries(Entry entry, long links, long ino, Instant epoch, String name) {
        List<SuspEntry> result = new ArrayList<>();
        result.add(new SuspEntry.PX(StatMode.of(entry), links, entry.uid(), entry.gid(), ino));
        result.add(new SuspEntry.TF(TF_FLAGS, epoch));
        if (entry instanceof Entry.DeviceNode d) {
            result.add(new SuspEntry.PN(0, deviceNumber(d.major(), d.minor())));
        }
        if (name != null) {
            result.addAll(names(name));
        }
        if (entry instanceof Entry.Symlink s) {
            result.addAll(symlink(s.target()));
        }
        return result;
    }

    /** The encoded length of {@link #entries} without building them (symlinks: built, they are few). */
    public static int length(Entry entry, String name) {
        if (entry instanceof Entry.Symlink) {
            int len = 0;
            for (SuspEntry e : entries(entry, 1, 1, Instant.EPOCH, name)) {
                len += e.length();
            }
            return len;
        }
        int len = SuspEntry.PX.LENGTH + SuspEntry.TF.length(TF_FLAGS)
                + (entry instanceof Entry.DeviceNode ? SuspEntry.PN.LENGTH : 0);
        if (name != null) {
            int utf8 = utf8Length(name);
            int chunks = (utf8 + NM_CHUNK - 1) / NM_CHUNK;
            len += SuspEntry.NM.length(0) * chunks + utf8;
        }
        return len;
    }

    /**
     * Writes the bytes of {@link #entries} at {@code off} of {@code b}; returns the offset after them. The hot path
     * of directory writing (one call per record) writes the same {@link SuspEntry} encodings without building a
     * list, NM chunks without copying the name, and TF from {@code date7}, {@code epoch} encoded by
     * {@link IsoBytes#putDate7} once per image.
     */
    public static int encode(byte[] b, int off, Entry entry, long links, long ino, Instant epoch, byte[] date7,
            String name) {
        int p = off;
        if (entry instanceof Entry.Symlink) {
            for (SuspEntry e : entries(entry, links, ino, epoch, name)) {
                p = e.encode(b, p);
            }
            return p;
        }
        p = new SuspEntry.PX(StatMode.of(entry), links, entry.uid(), entry.gid(), ino).encode(b, p);
        p = SuspEntry.TF.encode(b, p, TF_FLAGS, date7);
        if (entry instanceof Entry.DeviceNode d) {
            p = new SuspEntry.PN(0, deviceNumber(d.major(), d.minor())).encode(b, p);
        }
        if (name != null) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < utf8.length; at += NM_CHUNK) {
                int end = Math.min(utf8.length, at + NM_CHUNK);
                p = SuspEntry.NM.encode(b, p, end < utf8.length ? SuspEntry.NM.CONTINUE : 0, utf8, at, end);
            }
        }
        return p;
    }

    static int utf8Length(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }

    /** Linux's new_encode_dev(): the 32-bit dev_t Linux's isofs decodes from PN's low word. */
    static long deviceNumber(int major, int minor) {
        if (major > 0xFFF || minor > 0xFFFFF) {
            throw new IllegalArgumentException("device " + major + ":" + minor + " does not fit a 32-bit dev_t");
        }
        return (minor & 0xFFL) | ((long) major << 8) | ((long) (minor & ~0xFF) << 12);
    }

    /** NM entries for a name in UTF-8, split at {@value #MAX_DATA}-1 bytes per entry. */
    static List<SuspEntry> names(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        List<SuspEntry> result = new ArrayList<>();
        int chunk = NM_CHUNK;
        for (int off = 0; off < utf8.length; off += chunk) {
            int end = Math.min(utf8.length, off + chunk);
            result.add(new SuspEntry.NM(end < utf8.length ? SuspEntry.NM.CONTINUE : 0,
                    Arrays.copyOfRange(utf8, off, end)));
        }
        return result;
    }

    /** SL entries for a link target: components of at most 248 bytes, SL entries of at most 255 bytes. */
    static List<SuspEntry> symlink(String target) {
        List<SuspEntry.SL.Component> components = components(target);
        List<SuspEntry> result = new ArrayList<>();
        List<SuspEntry.SL.Component> current = new ArrayList<>();
        int used = 1;
        for (SuspEntry.SL.Component c : components) {
            if (used + c.length() > MAX_DATA) {
                result.add(new SuspEntry.SL(SuspEntry.SL.CONTINUE, current));
                current = new ArrayList<>();
                used = 1;
            }
            current.add(c);
            used += c.length();
        }
        result.add(new SuspEntry.SL(0, current));
        return result;
    }

    static List<SuspEntry.SL.Component> components(String target) {
        List<SuspEntry.SL.Component> result = new ArrayList<>();
        if (target.startsWith("/")) {
            result.add(new SuspEntry.SL.Component(SuspEntry.SL.Component.ROOT, new byte[0]));
        }
        int max = MAX_DATA - 1 - 2;
        for (String part : target.split("/")) {
            if (part.isEmpty()) {
                continue;
            } else if (part.equals(".")) {
                result.add(new SuspEntry.SL.Component(SuspEntry.SL.Component.CURRENT, new byte[0]));
            } else if (part.equals("..")) {
                result.add(new SuspEntry.SL.Component(SuspEntry.SL.Component.PARENT, new byte[0]));
            } else {
                byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                for (int off = 0; off < utf8.length; off += max) {
                    int end = Math.min(utf8.length, off + max);
                    result.add(new SuspEntry.SL.Component(end < utf8.length ? SuspEntry.SL.Component.CONTINUE : 0,
                            Arrays.copyOfRange(utf8, off, end)));
                }
            }
        }
        return result;
    }
}
