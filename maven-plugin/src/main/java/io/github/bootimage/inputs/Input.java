package io.github.bootimage.inputs;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One declared input.
 *
 * @param name   what the user calls it, for messages and the lock file (the Mojo parameter, e.g. {@code kernel})
 * @param source where the bytes come from
 * @param path   the one file to take from inside a .deb/tar/cpio (a glob such as {@code boot/vmlinuz-*}),
 *               or null to use the fetched file itself
 * @param sha256 the expected SHA-256 of the fetched file (the download, the .deb, the local file; not of the
 *               file taken by {@code path}), lower-case hex, or null
 */
public record Input(String name, Source source, String path, String sha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Input {
        if (sha256 != null) {
            sha256 = sha256.trim().toLowerCase(Locale.ROOT);
            if (!HEX64.matcher(sha256).matches()) {
                throw new IllegalArgumentException(name + ": sha256 '" + sha256 + "' is not 64 hex digits");
            }
        }
        if (path != null && path.isBlank()) {
            path = null;
        }
    }

    /** Whether bootimage.lock must supply what the declaration leaves open. */
    public boolean needsLock() {
        if (source instanceof Source.DebianPackage deb && deb.version() == null) {
            return true;
        }
        return source.remote() && sha256 == null;
    }
}
