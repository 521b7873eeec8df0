package io.github.bootimage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Source tarballs from Debian's archive, fetched with {@code apt-get source --download-only} through a
 * private apt configuration (its own deb-src list and package lists), so the system's apt setup is neither
 * needed nor touched. apt checks the files against the signed Sources index. Cached under
 * {@code ~/.cache/bootimage-tests/sources}, filled through a temp directory and an atomic move.
 */
public final class DebianSources {
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "bootimage-tests");
    private static final String DEB_SRC = "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]"
            + " http://deb.debian.org/debian bookworm main\n";

    private DebianSources() {
    }

    /** Debian's {@code busybox_1.35.0.orig.tar.bz2}, byte-identical to upstream's busybox-1.35.0.tar.bz2. */
    public static Path busyboxOrig() throws IOException {
        return orig("busybox", "busybox_1.35.0.orig.tar.bz2");
    }

    /** The {@code .orig.tar.*} of a source package from bookworm. */
    public static synchronized Path orig(String sourcePackage, String fileName) throws IOException {
        Path dir = CACHE.resolve("sources").resolve(sourcePackage);
        Path file = dir.resolve(fileName);
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path tmp = Files.createDirectories(CACHE.resolve("tmp"))
                .resolve("src-" + sourcePackage + "-" + ProcessHandle.current().pid());
        Path lists = Files.createDirectories(tmp.resolve("lists/partial"));
        Path download = Files.createDirectories(tmp.resolve("download"));
        Path sourceList = tmp.resolve("sources.list");
        Files.writeString(sourceList, DEB_SRC);
        List<String> options = List.of("-o", "Dir::Etc::SourceList=" + sourceList, "-o",
                "Dir::Etc::SourceParts=/dev/null", "-o", "Dir::State::Lists=" + lists.getParent(), "-o",
                "Dir::Cache::pkgcache=", "-o", "Dir::Cache::srcpkgcache=", "-o", "Debug::NoLocking=1");
        run(tmp, "update", options);
        run(download, "source", options, "--download-only", sourcePackage);
        Files.createDirectories(dir);
        Files.move(download.resolve(fileName), file.resolveSibling(fileName + ".tmp"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(file.resolveSibling(fileName + ".tmp"), file, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        deleteTree(tmp);
        return file;
    }

    private static void run(Path dir, String verb, List<String> options, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
        command.addAll(options);
        command.add(verb);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
