package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import io.github.bootimage.pgp.DetachedSignatureCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds BusyBox from a pinned source tarball: verify the SHA-256 (and optionally the upstream OpenPGP
 * signature), unpack in Java into a private directory, {@code make defconfig} or a given {@code .config},
 * apply the fragments, {@code make oldconfig} with default answers, then
 * {@code make -jN busybox busybox.links} in a clean environment. The result is cached by a key over the
 * tarball, the effective configuration, the compiler and the flags, so an identical build never compiles
 * twice, across projects. A second index keyed by the request itself (tarball, base config, fragments,
 * compiler, flags) finds a known result without even unpacking.
 *
 * <p>Reproducibility: {@code SOURCE_DATE_EPOCH} fixes the banner date (BusyBox's kconfig reads it, in UTC);
 * {@code LC_ALL=C} and {@code TZ=UTC}; {@code -ffile-prefix-map} maps the build directory to {@code .}; the
 * environment holds only {@code PATH} and these variables, so no user or host name reaches the build.
 * {@code KCONFIG_NOTIMESTAMP} is deliberately not set: it would blank the banner date instead of pinning it.
 */
public final class BusyboxBuild {
    /** Bumped when the build recipe changes in a way that changes the binary. */
    private static final String RECIPE = "bootimage-busybox-1";
    private static final String BUILD_DIR = "<builddir>";

    private final BusyboxRequest request;

    public BusyboxBuild(BusyboxRequest request) {
        this.request = request;
    }

    public BusyboxResult build() throws BootImageException {
        validate();
        new SourceTarball(request.tarball(), request.sha256()).verify();
        if (request.signature() != null) {
            DetachedSignatureCheck.verify(request.tarball(), request.signature(), request.publicKey());
            request.log().accept("BusyBox: OpenPGP signature " + request.signature() + " verified");
        }
        HostToolchain toolchain = HostToolchain.detect(request.searchPath());
        String flags = String.join(" ", makeVariables(BUILD_DIR)) + " "
                + environment(toolchain).toString().replace(toolchain.searchPath(), "");
        BusyboxCache cache = new BusyboxCache(request.cacheRoot());
        String requestKey = BusyboxCache.key(List.of(RECIPE, "request", request.sha256(), baseConfigText(),
                fragmentsText(), toolchain.fingerprint(), flags));
        BusyboxResult known = cache.lookupRequest(requestKey);
        if (known != null) {
            request.log().accept("BusyBox: cache hit " + known.key() + " (" + known.binary() + ")");
            return known;
        }
        BusyboxResult result = unpackConfigureAndBuild(cache, toolchain, flags);
        cache.rememberRequest(requestKey, result.key());
        return result;
    }

    private BusyboxResult unpackConfigureAndBuild(BusyboxCache cache, HostToolchain toolchain, String flags)
            throws BootImageException {
        Path work = createWorkDirectory();
        Path src = work.resolve("src");
        MakeRunner make = new MakeRunner(src, environment(toolchain), work.resolve("build.log"), request.log());
        boolean keepLog = true;
        try {
            Files.createDirectories(src);
            new SourceTarball(request.tarball(), request.sha256()).unpackTo(src);
            String config = configure(src, make);
            String key = BusyboxCache.key(List.of(RECIPE, request.sha256(), config, toolchain.fingerprint(), flags));
            Path effective = Files.writeString(work.resolve("effective.config"), config, StandardCharsets.UTF_8);
            BusyboxResult result = buildOrReuse(cache, key, src, effective, make);
            keepLog = false;
            return result;
        } catch (IOException e) {
            throw new BootImageException("BusyBox build in " + work + " failed: " + e.getMessage(), e);
        } finally {
            cleanUp(work, keepLog);
        }
    }

    private String baseConfigText() throws BootImageException {
        if (request.baseConfig() == null) {
            return "defconfig";
        }
        try {
            return Files.readString(request.baseConfig(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BootImageException("Cannot read the BusyBox config " + request.baseConfig() + " (<config>): "
                    + e.getMessage(), e);
        }
    }

    private String fragmentsText() {
        StringBuilder b = new StringBuilder();
        request.fragments().forEach((name, value) -> b.append(name).append(value == null ? " off" : "=" + value)
                .append('\n'));
        return b.toString();
    }

    private void validate() throws BootImageException {
        KconfigFragments.validate(request.fragments());
        if (request.jobs() < 1) {
            throw new BootImageException("BusyBox jobs must be at least 1, not " + request.jobs() + " (<jobs>).");
        }
        if (request.baseConfig() != null && !Files.isRegularFile(request.baseConfig())) {
            throw new BootImageException("BusyBox config " + request.baseConfig() + " does not exist (<config>):"
                    + " give a .config file, or leave it out for 'make defconfig'.");
        }
        if ((request.signature() == null) != (request.publicKey() == null)) {
            throw new BootImageException("A BusyBox signature check needs both the .sig file and the pinned"
                    + " public key; got only " + (request.signature() == null ? "the key" : "the signature") + ".");
        }
    }

    /** Base config, fragments, {@code make oldconfig}; returns the effective {@code .config}. */
    private String configure(Path src, MakeRunner make) throws BootImageException, IOException {
        Path dotConfig = src.resolve(".config");
        if (request.baseConfig() == null) {
            make.make(false, List.of("defconfig"));
        } else {
            Files.copy(request.baseConfig(), dotConfig, StandardCopyOption.REPLACE_EXISTING);
        }
        String base = Files.readString(dotConfig, StandardCharsets.UTF_8);
        Files.writeString(dotConfig, KconfigFragments.apply(base, request.fragments()), StandardCharsets.UTF_8);
        make.make(true, List.of("oldconfig"));
        String effective = Files.readString(dotConfig, StandardCharsets.UTF_8);
        request.fragments().forEach((name, wanted) -> {
            String actual = KconfigFragments.valueOf(effective, name);
            boolean wantOff = wanted == null || wanted.equals("n");
            if (wantOff ? actual != null : !wanted.equals(actual)) {
                request.log().accept("BusyBox: warning: " + name + " is " + (actual == null ? "off" : actual)
                        + " after 'make oldconfig' although the fragment asks for " + (wantOff ? "off" : wanted)
                        + " (a dependency is not met)");
            }
        });
        return effective;
    }

    private BusyboxResult buildOrReuse(BusyboxCache cache, String key, Path src, Path config, MakeRunner make)
            throws BootImageException, IOException {
        try (BusyboxCache.Lock lock = cache.lock(key)) {
            BusyboxResult cached = cache.lookup(key);
            if (cached != null) {
                request.log().accept("BusyBox: cache hit " + key + " (" + cached.binary() + ")");
                return cached;
            }
            request.log().accept("BusyBox: cache miss " + key + ", compiling with " + request.jobs() + " jobs");
            List<String> args = new ArrayList<>(List.of("-j" + request.jobs()));
            args.addAll(makeVariables(src.toAbsolutePath().toString()));
            args.addAll(List.of("busybox", "busybox.links"));
            make.make(false, args);
            BusyboxResult stored = cache.store(key, src.resolve("busybox"), src.resolve("busybox.links"),
                    config, make.logFile());
            request.log().accept("BusyBox: built " + stored.binary());
            return stored;
        }
    }

    /** Make variables given on the command line; {@code buildDir} is replaced by a placeholder for the key. */
    private static List<String> makeVariables(String buildDir) {
        String map = "-ffile-prefix-map=" + buildDir + "=.";
        return List.of("EXTRA_CFLAGS=" + map, "V=1");
    }

    private Map<String, String> environment(HostToolchain toolchain) {
        long seconds = request.epoch().getEpochSecond();
        Map<String, String> env = new TreeMap<>();
        env.put("PATH", toolchain.searchPath());
        env.put("LC_ALL", "C");
        env.put("TZ", "UTC");
        env.put("SOURCE_DATE_EPOCH", Long.toString(seconds));
        // Read by Linux's kbuild, not by BusyBox 1.35's; set so that no tool falls back to the host's values.
        env.put("KBUILD_BUILD_TIMESTAMP", "@" + seconds);
        env.put("KBUILD_BUILD_USER", "bootimage");
        env.put("KBUILD_BUILD_HOST", "bootimage");
        return env;
    }

    private Path createWorkDirectory() throws BootImageException {
        try {
            Path parent = Files.createDirectories(request.cacheRoot().resolve("busybox-work"));
            return Files.createTempDirectory(parent, "build-");
        } catch (IOException e) {
            throw new BootImageException("Cannot create a BusyBox build directory below " + request.cacheRoot()
                    + ": " + e.getMessage() + ". Check that the cache directory is writable.", e);
        }
    }

    /** Removes the work directory; after a failure only the source tree goes, the build log stays. */
    private static void cleanUp(Path work, boolean keepLog) {
        deleteTree(work.resolve("src"));
        if (!keepLog) {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // Best effort: a leftover temp directory does not change any output.
        }
    }
}
