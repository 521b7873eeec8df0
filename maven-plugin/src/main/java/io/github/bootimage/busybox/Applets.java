package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.EntryPath;
import java.io.IOException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The applets of a BusyBox, as install paths ({@code bin/ash}, {@code sbin/init}, ...), sorted.
 * Sources: a configured list, a {@code busybox.links} file of a source build, or {@code busybox --list-full}
 * when the binary runs on the build host.
 */
public final class Applets {
    private Applets() {
    }

    /**
     * Parses configured applets or {@code busybox.links} lines: {@code /bin/ash}, {@code bin/ash}, or a bare
     * name such as {@code ash} (placed in {@code bin}). Blank lines and {@code #} comments are skipped.
     */
    public static List<EntryPath> parse(List<String> lines) {
        return parse(lines, true);
    }

    private static List<EntryPath> parse(List<String> lines, boolean bareNamesInBin) {
        TreeSet<EntryPath> result = new TreeSet<>();
        for (String line : lines) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            EntryPath p = EntryPath.of(l);
            result.add(bareNamesInBin && p.depth() == 1 && !l.contains("/") ? EntryPath.of("bin/" + l) : p);
        }
        result.remove(EntryPath.of("bin/busybox"));
        return List.copyOf(result);
    }

    /**
     * Fails when a configured applet is not one the BusyBox has: its symlink would run {@code busybox NAME}, which
     * prints "applet not found" at boot. The binary's own list comes from {@code links} or from running it; when
     * neither is possible (a binary for another host), nothing can be checked.
     */
    public static void requireKnown(List<EntryPath> wanted, Path busybox, Path links) throws BootImageException {
        List<EntryPath> available;
        try {
            available = links != null ? fromLinksFile(links) : fromBinary(busybox);
        } catch (BootImageException cannotList) {
            return;
        }
        Set<String> names = new TreeSet<>();
        available.forEach(a -> names.add(a.name()));
        List<String> unknown = wanted.stream().map(EntryPath::name).filter(n -> !names.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new BootImageException("<applets>: the BusyBox " + busybox + " has no applet " + String.join(", ",
                    unknown) + " (" + names.size() + " applets, listed by " + (links != null ? links : "busybox "
                    + "--list-full") + "). Fix the name, leave it out, or build a BusyBox with it (the busybox goal's "
                    + "<configFragments>).");
        }
    }

    /** Reads a {@code busybox.links} file. */
    public static List<EntryPath> fromLinksFile(Path links) throws BootImageException {
        try {
            return parse(Files.readAllLines(links, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BootImageException("Cannot read the BusyBox links file " + links + ": " + e.getMessage()
                    + ". Check the <busyboxLinks> parameter of the initramfs goal.", e);
        }
    }

    /** Runs {@code busybox --list-full}; fails with advice when the binary does not run on this host. */
    public static List<EntryPath> fromBinary(Path busybox) throws BootImageException {
        if (Files.isExecutable(busybox)) {
            return list(busybox, busybox);
        }
        // Inputs come from a read-only content cache without the executable bit: run a private copy.
        Path copy = null;
        try {
            copy = Files.createTempFile("busybox", ".bin");
            Files.copy(busybox, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
            return list(busybox, copy);
        } catch (IOException | UnsupportedOperationException e) {
            throw cannotRun(busybox, "cannot make an executable copy: " + e.getMessage(), e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless; the build result is what matters
                }
            }
        }
    }

    private static List<EntryPath> list(Path busybox, Path executable) throws BootImageException {
        ProcessBuilder pb = new ProcessBuilder(executable.toAbsolutePath().toString(), "--list-full");
        pb.environment().clear();
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            byte[] out;
            try {
                out = p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw cannotRun(busybox, "exit status " + (p.isAlive() ? "(timeout)" : p.exitValue()), null);
                }
            } finally {
                p.destroyForcibly();
            }
            List<EntryPath> applets = parse(new ArrayList<>(List.of(new String(out, StandardCharsets.UTF_8)
                    .split("\n"))), false);
            if (applets.isEmpty()) {
                throw cannotRun(busybox, "it listed no applets", null);
            }
            return applets;
        } catch (IOException e) {
            throw cannotRun(busybox, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cannotRun(busybox, "interrupted", e);
        }
    }

    private static BootImageException cannotRun(Path busybox, String why, Exception cause) {
        return new BootImageException("Cannot list the applets of " + busybox + " with 'busybox --list-full' ("
                + why + "); it may be built for another architecture. List them in the 'applets' parameter, or "
                + "give the busybox.links file of the BusyBox build ('busyboxLinks').", cause);
    }
}
