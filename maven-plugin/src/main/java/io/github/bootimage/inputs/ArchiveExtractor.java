package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Takes one file out of a .deb, tar or cpio archive, in-process and streaming. An entry whose name escapes the
 * archive root ({@code ..}, absolute) makes the whole archive refused; a matched symbolic or hard link is
 * followed inside the archive, and refused if it leads out.
 */
public final class ArchiveExtractor {
    private static final int MAX_LINK_HOPS = 8;
    private static final int MAX_LISTED = 40;

    private enum Kind { FILE, SYMLINK, HARDLINK }

    private record Match(String name, Kind kind, String linkTarget) {
    }

    private record Scan(List<Match> matches, List<String> files) {
    }

    private ArchiveExtractor() {
    }

    /** Writes the one regular file matching {@code glob} to {@code out}; returns its name in the archive. */
    static String extract(String inputName, Path archive, String glob, OutputStream out)
            throws BootImageException, IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalizeGlob(glob));
        Scan scan = scan(inputName, archive, name -> matcher.matches(Path.of(name)), out);
        for (int hop = 0; ; hop++) {
            List<Match> m = scan.matches();
            if (m.isEmpty()) {
                throw new BootImageException(inputName + ": no file '" + glob + "' in " + archive.getFileName()
                        + ". Check <path>; the archive holds:\n  " + listing(candidates(scan.files(), glob)));
            }
            if (m.size() > 1) {
                throw new BootImageException(inputName + ": <path> '" + glob + "' matches " + m.size() + " files in "
                        + archive.getFileName() + "; make it match exactly one:\n  "
                        + listing(m.stream().map(Match::name).toList()));
            }
            Match only = m.get(0);
            if (only.kind() == Kind.FILE) {
                return only.name();
            }
            if (hop == MAX_LINK_HOPS) {
                throw new BootImageException(inputName + ": too many links from '" + glob + "' in " + archive);
            }
            String target = only.linkTarget();
            scan = scan(inputName, archive, target::equals, out);
        }
    }

    private static Scan scan(String inputName, Path archive, Predicate<String> wanted, OutputStream out)
            throws BootImageException, IOException {
        List<Match> matches = new ArrayList<>();
        List<String> files = new ArrayList<>();
        boolean written = false;
        try (ArchiveInputStream<?> in = ArchiveFormats.open(Files.newInputStream(archive), archive.toString())) {
            for (ArchiveEntry e; (e = in.getNextEntry()) != null;) {
                String name = entryName(inputName, archive, e.getName());
                if (name.isEmpty() || e.isDirectory() || "TRAILER!!!".equals(name)) {
                    continue;
                }
                files.add(name);
                if (!wanted.test(name)) {
                    continue;
                }
                Match m = match(inputName, archive, name, e, in);
                matches.add(m);
                if (m.kind() == Kind.FILE && !written) {
                    in.transferTo(out);
                    written = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BootImageException(inputName + ": " + archive + " is not a valid .deb, tar or cpio archive "
                    + "(corrupt or truncated?): " + e.getMessage() + ". Delete it and fetch it again, or fix <file>/<url>.", e);
        }
        return new Scan(matches, files);
    }

    private static Match match(String inputName, Path archive, String name, ArchiveEntry e, InputStream in)
            throws BootImageException, IOException {
        if (e instanceof TarArchiveEntry t && t.isSymbolicLink()) {
            return new Match(name, Kind.SYMLINK, linkTarget(inputName, archive, name, t.getLinkName(), true));
        }
        if (e instanceof TarArchiveEntry t && t.isLink()) {
            return new Match(name, Kind.HARDLINK, linkTarget(inputName, archive, name, t.getLinkName(), false));
        }
        if (e instanceof CpioArchiveEntry c && c.isSymbolicLink()) {
            String target = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            return new Match(name, Kind.SYMLINK, linkTarget(inputName, archive, name, target, true));
        }
        if (e instanceof TarArchiveEntry t && (t.isCharacterDevice() || t.isBlockDevice() || t.isFIFO())) {
            throw new BootImageException(inputName + ": '" + name + "' in " + archive + " is not a regular file");
        }
        return new Match(name, Kind.FILE, null);
    }

    /** The archive path a link points to; symlinks are relative to their directory, tar hard links to the root. */
    private static String linkTarget(String inputName, Path archive, String name, String target, boolean relative)
            throws BootImageException {
        String t = target.startsWith("./") && !relative ? target.substring(2) : target;
        if (t.startsWith("/")) {
            throw escape(inputName, archive, name + " -> " + target);
        }
        List<String> parts = new ArrayList<>();
        if (relative && name.contains("/")) {
            parts.addAll(List.of(name.substring(0, name.lastIndexOf('/')).split("/")));
        }
        for (String seg : t.split("/")) {
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    throw escape(inputName, archive, name + " -> " + target);
                }
                parts.remove(parts.size() - 1);
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    /** The entry's name without {@code ./} and trailing {@code /}; refuses names that leave the archive root. */
    public static String entryName(String inputName, Path archive, String raw) throws BootImageException {
        String n = raw;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.equals(".")) {
            return "";
        }
        if (n.startsWith("/") || n.matches("^[A-Za-z]:[/\\\\].*")) {
            throw escape(inputName, archive, raw);
        }
        for (String seg : n.split("[/\\\\]")) {
            if (seg.equals("..")) {
                throw escape(inputName, archive, raw);
            }
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static BootImageException escape(String inputName, Path archive, String what) {
        return new BootImageException(inputName + ": refusing " + archive + ": entry '" + what
                + "' leads outside the archive (absolute path or '..'). Use a trustworthy archive.");
    }

    private static String normalizeGlob(String glob) {
        String g = glob.trim();
        while (g.startsWith("./") || g.startsWith("/")) {
            g = g.substring(g.startsWith("/") ? 1 : 2);
        }
        return g;
    }

    /** Entries worth showing when nothing matched: those in the glob's directory, else all. */
    private static List<String> candidates(List<String> files, String glob) {
        String g = normalizeGlob(glob);
        String dir = g.contains("/") ? g.substring(0, g.lastIndexOf('/') + 1) : "";
        List<String> near = files.stream().filter(f -> !dir.isEmpty() && f.startsWith(dir)).toList();
        return near.isEmpty() ? files : near;
    }

    private static String listing(List<String> names) {
        List<String> shown = names.stream().sorted().limit(MAX_LISTED).toList();
        return String.join("\n  ", shown) + (names.size() > MAX_LISTED ? "\n  ... (" + names.size() + " in all)" : "");
    }
}
