package io.github.bootimage.kmod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where firmware files come from: a {@code lib/firmware} directory (e.g. of Debian's firmware-linux-free), or none.
 * A name is looked up as is, then with the {@code .xz} or {@code .zst} suffix the kernel's firmware loader
 * also accepts ({@code CONFIG_FW_LOADER_COMPRESS}).
 */
public final class Firmware {
    private static final List<String> SUFFIXES = List.of("", ".xz", ".zst");
    private final Path root;

    private Firmware(Path root) {
        this.root = root;
    }

    /** No firmware input: every firmware file counts as missing. */
    public static Firmware none() {
        return new Firmware(null);
    }

    /** Firmware below {@code root} (the directory the kernel sees as /lib/firmware). */
    public static Firmware in(Path root) {
        return new Firmware(root);
    }

    /** A found firmware file: its path below lib/firmware and the host file. */
    public record Found(String path, Path file) {
    }

    /** The file for {@code name}, if this input has it (symbolic links followed, never out of the root). */
    public Optional<Found> find(String name) {
        if (root == null || name.contains("..") || name.startsWith("/")) {
            return Optional.empty();
        }
        for (String suffix : SUFFIXES) {
            Path p = root.resolve(name + suffix);
            if (Files.isRegularFile(p) && inside(p)) {
                return Optional.of(new Found(name + suffix, p));
            }
        }
        return Optional.empty();
    }

    /** The names of {@code wanted} this input lacks. */
    public List<String> missing(List<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String w : wanted) {
            if (find(w).isEmpty()) {
                missing.add(w);
            }
        }
        return missing;
    }

    private boolean inside(Path p) {
        try {
            return p.toRealPath().startsWith(root.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
