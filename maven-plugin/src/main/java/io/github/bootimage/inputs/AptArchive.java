package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host's apt archive, through {@code apt-cache show} and {@code apt-get download} (no root needed, nothing
 * installed, no maintainer scripts run; apt checks the .deb against the signed archive indexes).
 */
final class AptArchive {
    private static final String NO_LISTS_HINT = "Run 'apt-get update' as root (sudo apt-get update), then build again.";
    private static final String DEBIAN_HINT = "The default inputs are Debian 12 packages: on Ubuntu or another "
            + "distribution, declare this input with a package of its archive (docs/inputs.md, section 'Ubuntu'), "
            + "or with <file>, <url> or <artifact>.";
    /** Where apt keeps the package lists that 'apt-get update' fetched. */
    static final Path LISTS = Path.of("/var/lib/apt/lists");

    /** Starts one of apt's commands; tests answer with recorded archive data instead. */
    @FunctionalInterface
    interface Apt {
        Process start(Path dir, List<String> command) throws IOException;
    }

    /** A concrete package version in the archive, with the archive's own hash of its .deb. */
    record Candidate(String pkg, String version, String fileName, String sha256, long size) {
    }

    private final Apt apt;
    private final Path lists;
    private final Duration poll;

    AptArchive() {
        this(AptArchive::start, LISTS, Duration.ofSeconds(1));
    }

    AptArchive(Apt apt, Path lists, Duration poll) {
        this.apt = apt;
        this.lists = lists;
        this.poll = poll;
    }

    /**
     * The package to fetch for {@code name[=version]}: the candidate (or given) version, and, for a metapackage
     * such as {@code linux-image-amd64}, the real package it depends on: a dependency pinned with
     * {@code (= version)} on a package built from the same source.
     */
    /** Installed-Size (KiB) up to which a package that depends on exactly one version of its source is a metapackage. */
    private static final long METAPACKAGE_MAX_KIB = 100;

    Candidate resolve(String inputName, Source.DebianPackage deb) throws BootImageException {
        Map<String, String> stanza = show(inputName, deb.toString());
        for (int hop = 0; hop < 4; hop++) {
            String next = metapackageTarget(inputName, stanza);
            if (next == null) {
                break;
            }
            stanza = show(inputName, next);
        }
        String file = stanza.getOrDefault("Filename", "");
        return new Candidate(stanza.get("Package"), stanza.get("Version"),
                file.substring(file.lastIndexOf('/') + 1), stanza.getOrDefault("SHA256", null),
                Long.parseLong(stanza.getOrDefault("Size", "-1")));
    }

    private String metapackageTarget(String inputName, Map<String, String> stanza) throws BootImageException {
        // A metapackage holds no files of its own (linux-image-amd64: 13 KiB of docs); grub-pc-bin also pins one
        // package of its source (grub-common) but is the package wanted.
        if (Long.parseLong(stanza.getOrDefault("Installed-Size", "0").trim()) > METAPACKAGE_MAX_KIB) {
            return null;
        }
        String source = sourceName(stanza);
        String depends = stanza.getOrDefault("Depends", "");
        List<String> pinned = new ArrayList<>();
        for (String dep : depends.split(",")) {
            String d = dep.trim();
            int open = d.indexOf("(=");
            if (!d.contains("|") && open > 0) {
                pinned.add(d.substring(0, open).trim() + "=" + d.substring(open + 2, d.indexOf(')')).trim());
            }
        }
        if (pinned.isEmpty()) {
            return ubuntuKernel(stanza.get("Package"), depends);
        }
        if (pinned.size() != 1) {
            return null;
        }
        Map<String, String> target = show(inputName, pinned.get(0));
        return source.equals(sourceName(target)) ? pinned.get(0) : null;
    }

    /**
     * Ubuntu's kernel metapackages (source linux-meta) depend on their kernel without a version and from another
     * source (linux-signed): {@code linux-image-generic} on {@code linux-image-5.4.0-144-generic, linux-modules-extra-
     * 5.4.0-144-generic, linux-firmware, ...}. The kernel is the one {@code linux-image-<release>} among them.
     */
    private static String ubuntuKernel(String pkg, String depends) {
        if (pkg == null || !pkg.startsWith("linux-image-")) {
            return null;
        }
        List<String> kernels = new ArrayList<>();
        for (String dep : depends.split(",")) {
            String d = dep.trim();
            if (d.matches("linux-image-[0-9][^ |(]*")) {
                kernels.add(d);
            }
        }
        return kernels.size() == 1 ? kernels.get(0) : null;
    }

    private static String sourceName(Map<String, String> stanza) {
        String s = stanza.getOrDefault("Source", stanza.get("Package"));
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private Map<String, String> show(String inputName, String spec) throws BootImageException {
        Result r = run(null, null, "apt-cache", "show", "--no-all-versions", spec);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : r.out.split("\n")) {
            if (line.isEmpty() && !fields.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        if (r.exit != 0 || !fields.containsKey("Package") || !fields.containsKey("Version")) {
            throw notInArchive(inputName, spec, r.out);
        }
        return fields;
    }

    /** Why apt knows no such package: no package lists at all, no such version, or no such package. */
    private BootImageException notInArchive(String inputName, String spec, String aptOutput) {
        String name = spec.split("=")[0];
        String why;
        if (!hasPackageLists()) {
            why = "apt has no package lists on this machine (" + lists + " holds no *_Packages* file), so it knows "
                    + "no package at all. " + NO_LISTS_HINT;
        } else if (spec.contains("=") && (aptOutput.contains("was not found") || known(name))) {
            why = "the apt archive of this machine has package " + name + ", but not this version. 'apt-cache "
                    + "policy " + name + "' lists the versions it has.";
        } else {
            why = "the apt archive of this machine has no package of that name (its package lists are there). "
                    + DEBIAN_HINT + " For a typo: 'apt-cache search " + name + "'.";
        }
        return new BootImageException(inputName + ": Debian package '" + spec + "' cannot be fetched: " + why
                + "\n" + aptOutput.strip());
    }

    /** Whether the archive has some version of {@code name} (asked after a version was not found). */
    private boolean known(String name) {
        try {
            Result r = run(null, null, "apt-cache", "show", "--no-all-versions", name);
            return r.exit == 0 && r.out.contains("Package: ");
        } catch (BootImageException e) {
            return false;
        }
    }

    private boolean hasPackageLists() {
        try (Stream<Path> s = Files.list(lists)) {
            // Packages, or compressed (Debian's container images keep them as _Packages.lz4)
            return s.anyMatch(p -> p.getFileName().toString().matches(".*_Packages(\\.[a-z0-9]+)?"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Downloads exactly {@code pkg=version} into the empty directory {@code dir} and returns the .deb. A large
     * package ({@code size} from the archive index, -1 if unknown) reports every 10 % on {@code progress}.
     */
    Path download(String inputName, String pkg, String version, long size, Path dir, boolean locked,
            InputLog progress) throws BootImageException {
        String spec = pkg + "=" + version;
        downloadAll(inputName, List.of(spec), size, dir, locked, progress);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> debs = s.filter(p -> p.getFileName().toString().endsWith(".deb")).toList();
            if (debs.size() != 1) {
                throw new BootImageException(inputName + ": 'apt-get download " + spec + "' left " + debs + " in " + dir);
            }
            return debs.get(0);
        } catch (IOException e) {
            throw new BootImageException(inputName + ": cannot list " + dir + ": " + e, e);
        }
    }

    /** Downloads every {@code pkg=version} of {@code specs} into {@code dir}, in one apt-get run. */
    void downloadAll(String inputName, List<String> specs, Path dir, boolean locked) throws BootImageException {
        downloadAll(inputName, specs, -1, dir, locked, null);
    }

    /** As above; {@code size}, their total size from the index (-1 if unknown), lets a large download report. */
    void downloadAll(String inputName, List<String> specs, long size, Path dir, boolean locked, InputLog progress)
            throws BootImageException {
        List<String> command = new ArrayList<>(List.of("apt-get", "download", "-q"));
        command.addAll(specs);
        String spec = String.join(" ", specs);
        Result r = run(dir, progress != null && size > HttpDownloader.PROGRESS_THRESHOLD
                ? new Progress(inputName, spec, size, dir, progress) : null, command.toArray(String[]::new));
        if (r.exit != 0) {
            if (r.out.contains("was not found") || r.out.contains("Unable to locate")) {
                if (locked && hasPackageLists()) {
                    throw new BootImageException(inputName + ": Debian package " + spec + " (pinned in bootimage.lock) "
                            + "is no longer in the apt archive (Debian replaces versions after security updates). "
                            + "Update the lock: run the build with -Dbootimage.lock.update and commit bootimage.lock. "
                            + "If 'apt-get update' did not run for a while, run it first (as root).\n" + r.out.strip());
                }
                throw notInArchive(inputName, spec, r.out);
            }
            throw new BootImageException(inputName + ": 'apt-get download " + spec + "' failed (exit " + r.exit
                    + "): apt's output follows. A network problem, another apt holding its lock, or a broken "
                    + "/etc/apt/sources.list; run the command by hand to see apt's side.\n" + r.out.strip());
        }
    }

    /** Reports how much of a .deb apt has written so far, every 10 %. */
    private static final class Progress {
        private final String inputName;
        private final String spec;
        private final long size;
        private final Path dir;
        private final InputLog log;
        private int reported;

        Progress(String inputName, String spec, long size, Path dir, InputLog log) {
            this.inputName = inputName;
            this.spec = spec;
            this.size = size;
            this.dir = dir;
            this.log = log;
            log.info(inputName + ": downloading " + spec + " (" + size / (1024 * 1024) + " MB)");
        }

        void check() {
            long got;
            try (Stream<Path> s = Files.walk(dir)) {
                got = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (IOException | java.io.UncheckedIOException e) {
                return; // apt renames its partial file as it finishes; the next look sees it
            }
            int percent = (int) Math.min(100, got * 100 / size);
            if (percent / 10 > reported / 10 && percent < 100) {
                reported = percent;
                log.info(inputName + ": " + percent + " % of " + spec + " (" + got / (1024 * 1024) + " of "
                        + size / (1024 * 1024) + " MB)");
            }
        }
    }

    private record Result(int exit, String out) {
    }

    private Result run(Path dir, Progress progress, String... command) throws BootImageException {
        try {
            Process p = apt.start(dir, List.of(command));
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = p.getInputStream()) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // the process ended; what was read is reported
                }
            }, "apt output");
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (!p.waitFor(poll.toMillis(), TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new BootImageException(String.join(" ", command) + " did not finish in 30 minutes");
                }
                if (progress != null) {
                    progress.check();
                }
            }
            reader.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BootImageException("cannot run " + String.join(" ", command) + ": " + e
                    + ". Debian packages as inputs need apt (Debian/Ubuntu); otherwise use <file>, <url> or <artifact>.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException(String.join(" ", command) + " interrupted", e);
        }
    }

    private static Process start(Path dir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C"); // apt's messages are parsed above
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        return pb.start();
    }
}
