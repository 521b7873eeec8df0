package io.github.bootimage.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way tests find and run host tools (cpio, bsdtar, xorriso, gpg, QEMU, ...), the independent readers.
 * A missing tool skips the test on a developer's machine, but fails it when the environment variable {@code CI}
 * is set or with {@code -Dbootimage.test.requireTools}: a CI run must not pass while testing nothing. Either way
 * the message names the Debian package to install. Tools run in UTC and the C locale.
 */
public final class HostTools {
    /** The Debian 12 package of each tool the tests use; keep .ci/run installing all of them. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("7z", "p7zip-full"), Map.entry("apt-cache", "apt"), Map.entry("apt-get", "apt"),
            Map.entry("bash", "bash"), Map.entry("bzip2", "bzip2"), Map.entry("cat", "coreutils"), Map.entry("file", "file"), Map.entry("strings", "binutils"),
            Map.entry("mtype", "mtools"), Map.entry("mformat", "mtools"),
            Map.entry("depmod", "kmod"), Map.entry("modprobe", "kmod"), Map.entry("mkfs.ext4", "e2fsprogs"),
            Map.entry("bsdtar", "libarchive-tools"), Map.entry("cpio", "cpio"), Map.entry("dpkg-deb", "dpkg"),
            Map.entry("fsck.fat", "dosfstools"), Map.entry("gcc", "gcc"), Map.entry("gpg", "gpg"),
            Map.entry("gpgconf", "gpgconf"), Map.entry("grub-mkimage", "grub-common"),
            Map.entry("grub-mkrescue", "grub-common"), Map.entry("gzip", "gzip"), Map.entry("isoinfo", "genisoimage"),
            Map.entry("lz4", "lz4"), Map.entry("make", "make"), Map.entry("mcopy", "mtools"),
            Map.entry("mdir", "mtools"), Map.entry("mkfs.vfat", "dosfstools"), Map.entry("mmd", "mtools"),
            Map.entry("pigz", "pigz"), Map.entry("qemu-system-x86_64", "qemu-system-x86"),
            Map.entry("sfdisk", "fdisk"), Map.entry("sgdisk", "gdisk"), Map.entry("sha256sum", "coreutils"),
            Map.entry("sh", "dash"), Map.entry("xorriso", "xorriso"), Map.entry("xz", "xz-utils"),
            Map.entry("unsquashfs", "squashfs-tools"), Map.entry("mksquashfs", "squashfs-tools"),
            Map.entry("zstd", "zstd"));
    /** System tools live in sbin, which a normal user's PATH may lack. */
    private static final String SBIN = ":/usr/sbin:/sbin";

    private HostTools() {
    }

    /** Each tool's path; skips the test if one is missing, or fails it in CI (see the class comment). */
    public static Path require(String tool) {
        return find(tool).orElseGet(() -> missing(tool + " is not installed", packageOf(tool)));
    }

    /** {@link #require(String)} for several tools. */
    public static void require(String... tools) {
        for (String tool : tools) {
            require(tool);
        }
    }

    /**
     * Skips the test, or fails it in CI, because something the test needs is not on this machine.
     *
     * @param what          what is missing and why it matters
     * @param debianPackage the package that provides it
     */
    public static <T> T missing(String what, String debianPackage) {
        String install = "install it with: apt-get install -y --no-install-recommends " + debianPackage
                + " (and keep it in .ci/run's install line)";
        if (required()) {
            return fail(what + "; " + install + ". CI is set (or -Dbootimage.test.requireTools), so a missing "
                    + "tool fails the test instead of skipping it.");
        }
        return abort(what + "; skipped (" + install + "; set CI=1 or -Dbootimage.test.requireTools to fail "
                + "instead)");
    }

    /** Whether a missing tool fails the test rather than skipping it. */
    public static boolean required() {
        String ci = System.getenv("CI");
        String property = System.getProperty("bootimage.test.requireTools");
        return (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false"))
                || (property != null && !property.equalsIgnoreCase("false"));
    }

    /** The Debian package, or a pointer to find it for a tool not yet listed in {@link #PACKAGES}. */
    static String packageOf(String tool) {
        return PACKAGES.getOrDefault(tool, "$(apt-file search -l bin/" + tool + ")");
    }

    private static Optional<Path> find(String tool) {
        String path = System.getenv("PATH");
        for (String dir : ((path == null ? "" : path) + SBIN).split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)) && !Files.isDirectory(Path.of(dir, tool))) {
                return Optional.of(Path.of(dir, tool));
            }
        }
        return Optional.empty();
    }

    /** Runs a command with {@code stdin} (or nothing) as input; fails on a non-zero exit; returns stdout. */
    public static String run(Path stdin, String... command) throws IOException, InterruptedException {
        return runIn(null, stdin, command);
    }

    public static String runIn(Path dir, Path stdin, String... command) throws IOException, InterruptedException {
        if (!command[0].contains("/")) {
            require(command[0]);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(command));
        pb.environment().put("TZ", "UTC");
        pb.environment().put("LC_ALL", "C");
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile())
                : ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path err = Files.createTempFile("hosttool", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(err));
            }
            return out;
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(err);
        }
    }
}
