package io.github.bootimage.busybox;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What to build: a pinned source tarball, a base configuration and fragments, and the build inputs.
 *
 * @param tarball     the BusyBox source tarball ({@code .tar.bz2}, {@code .tar.gz}, {@code .tar.xz} or {@code .tar})
 * @param sha256      its expected SHA-256 (hex); checked before anything is unpacked
 * @param baseConfig  a {@code .config} to start from, or {@code null} for {@code make defconfig}
 * @param fragments   {@code CONFIG_X -> value}, a {@code null} value switches the option off; applied on top of
 *                    {@link #DEFAULT_FRAGMENTS} (so {@code CONFIG_STATIC=y} unless overridden)
 * @param jobs        parallel make jobs ({@code make -jN})
 * @param epoch       the build time written into the binary's banner ({@code SOURCE_DATE_EPOCH})
 * @param cacheRoot   the cache directory shared across projects; private build directories live below it
 * @param searchPath  the {@code PATH} given to make and gcc (the only part of the host environment used)
 * @param signature   optional detached OpenPGP signature of the tarball ({@code .sig}), or {@code null}
 * @param publicKey   the pinned OpenPGP public key (armored or binary) for {@code signature}, or {@code null}
 * @param log         receives progress lines
 */
public record BusyboxRequest(Path tarball, String sha256, Path baseConfig, Map<String, String> fragments, int jobs,
        Instant epoch, Path cacheRoot, String searchPath, Path signature, Path publicKey, Consumer<String> log) {

    /** Fragments applied unless the request overrides them: a static binary runs in any initramfs. */
    public static final Map<String, String> DEFAULT_FRAGMENTS = Map.of("CONFIG_STATIC", "y");

    /** A {@code PATH} for hosts where the caller has none to offer. */
    public static final String DEFAULT_SEARCH_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public BusyboxRequest {
        Objects.requireNonNull(tarball, "tarball");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        Objects.requireNonNull(searchPath, "searchPath");
        Objects.requireNonNull(log, "log");
        sha256 = sha256.trim().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> merged = new TreeMap<>(DEFAULT_FRAGMENTS);
        if (fragments != null) {
            merged.putAll(fragments);
        }
        fragments = Collections.unmodifiableMap(merged);
    }

    /** A request with defconfig, the default fragments, the given job count and no signature check. */
    public static BusyboxRequest of(Path tarball, String sha256, int jobs, Instant epoch, Path cacheRoot,
            Consumer<String> log) {
        return new BusyboxRequest(tarball, sha256, null, Map.of(), jobs, epoch, cacheRoot, DEFAULT_SEARCH_PATH,
                null, null, log);
    }

    public BusyboxRequest withBaseConfig(Path config) {
        return new BusyboxRequest(tarball, sha256, config, fragments, jobs, epoch, cacheRoot, searchPath,
                signature, publicKey, log);
    }

    public BusyboxRequest withFragments(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(fragments);
        merged.putAll(more);
        return new BusyboxRequest(tarball, sha256, baseConfig, merged, jobs, epoch, cacheRoot, searchPath,
                signature, publicKey, log);
    }

    public BusyboxRequest withSearchPath(String path) {
        return new BusyboxRequest(tarball, sha256, baseConfig, fragments, jobs, epoch, cacheRoot, path,
                signature, publicKey, log);
    }

    public BusyboxRequest withSignature(Path sig, Path key) {
        return new BusyboxRequest(tarball, sha256, baseConfig, fragments, jobs, epoch, cacheRoot, searchPath,
                sig, key, log);
    }

    public BusyboxRequest withCacheRoot(Path root) {
        return new BusyboxRequest(tarball, sha256, baseConfig, fragments, jobs, epoch, root, searchPath,
                signature, publicKey, log);
    }
}
