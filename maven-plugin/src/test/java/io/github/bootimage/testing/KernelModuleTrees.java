package io.github.bootimage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's kernel module trees, unpacked by {@code dpkg-deb} (see {@link DebianPackages}), and a reference copy
 * indexed by the host's {@code depmod} (kmod), the independent reader our depmod and closure are compared with.
 */
public final class KernelModuleTrees {
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "bootimage-tests");

    private static String release;

    private KernelModuleTrees() {
    }

    /** The release of Debian's default kernel (looked up once: it walks the unpacked package). */
    public static synchronized String release() throws IOException {
        if (release == null) {
            release = BootFixtures.kernelRelease();
        }
        return release;
    }

    /** {@code lib/modules/<release>} of Debian's default kernel package. */
    public static Path debian() throws IOException {
        return debianPackageRoot().resolve("lib/modules").resolve(release());
    }

    /** The root of Debian's kernel package, unpacked (boot/, lib/modules/). */
    public static synchronized Path debianPackageRoot() throws IOException {
        if (packageRoot == null) {
            packageRoot = DebianPackages.kernel().getParent().getParent();
        }
        return packageRoot;
    }

    private static Path packageRoot;

    /** {@code lib/modules/<release>} of another kernel package (e.g. the cloud flavour), and its release. */
    public static Path of(String packageName) throws IOException {
        Path kernel = DebianPackages.file(packageName, "boot/vmlinuz-*");
        return moduleDir(kernel, kernel.getFileName().toString().substring("vmlinuz-".length()));
    }

    private static Path moduleDir(Path kernel, String release) {
        return kernel.getParent().getParent().resolve("lib/modules").resolve(release);
    }

    /**
     * A root directory whose {@code lib/modules/<release>} holds Debian's modules (hard links) and the indexes
     * that kmod's {@code depmod -b ROOT RELEASE} wrote: query it with {@code modprobe -d ROOT -S RELEASE}.
     */
    public static synchronized Path depmodReference() throws IOException, InterruptedException {
        String release = release();
        Path root = CACHE.resolve("depmod").resolve(release);
        if (Files.isRegularFile(root.resolve("lib/modules").resolve(release).resolve("modules.dep"))) {
            return root;
        }
        Path tmp = CACHE.resolve("depmod").resolve(release + ".tmp-" + ProcessHandle.current().pid());
        Files.createDirectories(tmp.resolve("lib/modules"));
        run("cp", "-al", debian().toString(), tmp.resolve("lib/modules").toString());
        run(depmod(), "-b", tmp.toString(), release);
        Files.move(tmp, root);
        return root;
    }

    /** kmod's {@code modprobe --show-depends} of several modules: the set of module paths it would insert. */
    public static List<String> showDepends(Path reference, List<String> modules) throws IOException, InterruptedException {
        String release = release();
        List<String> command = new ArrayList<>(List.of(tool("modprobe"), "-d", reference.toString(), "-S", release,
                "--show-depends", "-a"));
        command.addAll(modules);
        Path base = reference.resolve("lib/modules").resolve(release);
        List<String> paths = new ArrayList<>();
        for (String line : run(command.toArray(String[]::new)).split("\n")) {
            if (line.startsWith("insmod ")) {
                String path = line.substring("insmod ".length()).strip().split(" ")[0];
                paths.add(base.relativize(Path.of(path)).toString());
            }
        }
        return paths;
    }

    private static String depmod() {
        return HostTools.require("depmod").toString();
    }

    private static String tool(String name) {
        return HostTools.require(name).toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
