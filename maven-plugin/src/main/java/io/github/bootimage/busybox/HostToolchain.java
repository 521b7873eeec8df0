package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host's {@code make}, {@code gcc} and static C library, looked up on an explicit {@code PATH}. Its
 * {@link #fingerprint()} (compiler and make versions) is part of the cache key: another compiler gives
 * another binary.
 */
public final class HostToolchain {
    static final String PACKAGES = "Install a C toolchain with a static C library: Debian/Ubuntu"
            + " 'apt-get install build-essential libc6-dev', Fedora 'dnf install make gcc glibc-static',"
            + " Arch 'pacman -S base-devel'.";

    private final String searchPath;
    private final String fingerprint;

    private HostToolchain(String searchPath, String fingerprint) {
        this.searchPath = searchPath;
        this.fingerprint = fingerprint;
    }

    /** Finds make, gcc and libc.a on {@code searchPath}, or throws naming what is missing and the packages. */
    public static HostToolchain detect(String searchPath) throws BootImageException {
        List<String> missing = new ArrayList<>();
        Path make = find(searchPath, "make");
        Path gcc = find(searchPath, "gcc");
        if (make == null) {
            missing.add("make");
        }
        if (gcc == null) {
            missing.add("gcc");
        }
        if (gcc != null && !Path.of(run(searchPath, gcc.toString(), "-print-file-name=libc.a").trim()).isAbsolute()) {
            // gcc prints the bare name when no libc.a is on its library path.
            missing.add("static C library libc.a (gcc -print-file-name=libc.a found none)");
        }
        if (!missing.isEmpty()) {
            throw new BootImageException("Cannot build BusyBox: missing " + String.join(", ", missing)
                    + " on PATH " + searchPath + ". " + PACKAGES);
        }
        String version = run(searchPath, gcc.toString(), "--version") + run(searchPath, make.toString(), "--version");
        return new HostToolchain(searchPath, version);
    }

    /** The PATH the tools were found on; the build's only inherited environment. */
    public String searchPath() {
        return searchPath;
    }

    /** {@code gcc --version} and {@code make --version} output. */
    public String fingerprint() {
        return fingerprint;
    }

    private static Path find(String searchPath, String tool) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String run(String searchPath, String... command) throws BootImageException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", searchPath, "LC_ALL", "C"));
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new BootImageException(String.join(" ", command) + " failed:\n" + out + "\n" + PACKAGES);
            }
            return out;
        } catch (IOException e) {
            throw new BootImageException("Cannot run " + String.join(" ", command) + ": " + e.getMessage() + ". "
                    + PACKAGES, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
