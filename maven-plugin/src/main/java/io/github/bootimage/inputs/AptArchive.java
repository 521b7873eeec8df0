package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final String UPDATE_HINT = "Is this a Debian/Ubuntu machine with package lists? "
            + "Run 'sudo apt-get update'.";

    /** A concrete package version in the archive, with the archive's own hash of its .deb. */
    record Candidate(String pkg, String version, String fileName, String sha256, long size) {
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
        if (pinned.size() != 1) {
            return null;
        }
        Map<String, String> target = show(inputName, pinned.get(0));
        return source.equals(sourceName(target)) ? pinned.get(0) : null;
    }

    private static String sourceName(Map<String, String> stanza) {
        String s = stanza.getOrDefault("Source", stanza.get("Package"));
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private Map<String, String> show(String inputName, String spec) throws BootImageException {
        Result r = run(null, "apt-cache", "show", "--no-all-versions", spec);
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
            throw new BootImageException(inputName + ": Debian package '" + spec + "' is not in the apt archive of "
                    + "this machine. Check the name/version ('apt-cache policy " + spec.split("=")[0]
                    + "' lists versions). " + UPDATE_HINT + "\n" + r.out.strip());
        }
        return fields;
    }

    /** Downloads exactly {@code pkg=version} into the empty directory {@code dir} and returns the .deb. */
    Path download(String inputName, String pkg, String version, Path dir, boolean locked) throws BootImageException {
        String spec = pkg + "=" + version;
        downloadAll(inputName, List.of(spec), dir, locked);
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
        List<String> command = new ArrayList<>(List.of("apt-get", "download", "-q"));
        command.addAll(specs);
        Result r = run(dir, command.toArray(String[]::new));
        String spec = String.join(" ", specs);
        String pkg = specs.size() == 1 ? specs.get(0).split("=")[0] : "NAME";
        if (r.exit != 0) {
            if (r.out.contains("was not found") || r.out.contains("Unable to locate")) {
                throw new BootImageException(inputName + ": Debian package " + spec + (locked
                        ? " (pinned in bootimage.lock) is no longer in the apt archive (Debian replaces versions "
                        + "after security updates). Update the lock: run the build with -Dbootimage.lock.update "
                        + "and commit bootimage.lock."
                        : " is not in the apt archive; check the version with 'apt-cache policy " + pkg + "'. ")
                        + UPDATE_HINT + "\n" + r.out.strip());
            }
            throw new BootImageException(inputName + ": 'apt-get download " + spec + "' failed (exit " + r.exit
                    + "). " + UPDATE_HINT + "\n" + r.out.strip());
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result run(Path dir, String... command) throws BootImageException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C"); // apt's messages are parsed above
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new BootImageException(String.join(" ", command) + " did not finish in 30 minutes");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BootImageException("cannot run " + String.join(" ", command) + ": " + e
                    + ". Debian packages as inputs need apt (Debian/Ubuntu); otherwise use <file>, <url> or <artifact>.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException(String.join(" ", command) + " interrupted", e);
        }
    }
}
