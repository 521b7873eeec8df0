package io.github.bootimage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test fixtures from Debian's archive: real kernels, BusyBox and bootloaders, fetched with
 * {@code apt-get download} (apt checks them against the signed archive indexes) and unpacked with
 * {@code dpkg-deb}, an independent tool. Cached under {@code ~/.cache/bootimage-tests}, filled through
 * temporary directories and atomic moves so that parallel test runs never see half a file.
 */
public final class DebianPackages {
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "bootimage-tests");

    private DebianPackages() {
    }

    /** The .deb of a package; a metapackage such as linux-image-amd64 resolves to the package it depends on. */
    public static synchronized Path deb(String name) throws IOException {
        String real = realPackage(name);
        Path dir = CACHE.resolve("debs").resolve(real);
        Path done = dir.resolve(".done");
        if (!Files.exists(done)) {
            Path tmp = Files.createDirectories(CACHE.resolve("tmp")).resolve(real + "-" + ProcessHandle.current().pid());
            Files.createDirectories(tmp);
            run(tmp, "apt-get", "download", real);
            Files.createDirectories(dir.getParent());
            Files.writeString(tmp.resolve(".done"), real);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException alreadyThere) {
                if (!Files.exists(done)) {
                    throw alreadyThere;
                }
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IOException("no .deb in " + dir));
        }
    }

    /** One file from a package's data, by glob (e.g. {@code boot/vmlinuz-*}), unpacked with dpkg-deb. */
    public static synchronized Path file(String name, String glob) throws IOException {
        Path deb = deb(name);
        Path root = deb.getParent().resolve("root");
        if (!Files.exists(deb.getParent().resolve(".unpacked"))) {
            Path tmp = deb.getParent().resolve("root-" + ProcessHandle.current().pid());
            Files.createDirectories(tmp);
            run(tmp, "dpkg-deb", "-x", deb.toString(), tmp.toString());
            try {
                Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException anotherProcessWasFaster) {
                if (!Files.isDirectory(root)) {
                    throw anotherProcessWasFaster;
                }
            }
            Files.writeString(deb.getParent().resolve(".unpacked"), "");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> found = s.filter(p -> matcher.matches(root.relativize(p))).sorted().toList();
            if (found.isEmpty()) {
                throw new IOException("no " + glob + " in " + deb);
            }
            return found.get(found.size() - 1);
        }
    }

    /** The Debian kernel's bzImage. */
    public static Path kernel() throws IOException {
        return file("linux-image-amd64", "boot/vmlinuz-*");
    }

    /** Debian's static BusyBox. */
    public static Path busybox() throws IOException {
        return file("busybox-static", "bin/busybox");
    }

    private static String realPackage(String name) throws IOException {
        if (!name.equals("linux-image-amd64")) {
            return name;
        }
        String out = run(CACHE, "apt-cache", "depends", "--important", name);
        for (String line : out.split("\n")) {
            String l = line.trim();
            if (l.startsWith("Depends: linux-image-")) {
                return l.substring("Depends: ".length()).trim();
            }
        }
        throw new IOException("cannot resolve " + name + " (run apt-get update?):\n" + out);
    }

    private static String run(Path dir, String... command) throws IOException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (run 'apt-get update' first?):\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
