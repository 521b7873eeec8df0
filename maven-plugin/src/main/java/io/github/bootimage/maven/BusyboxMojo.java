package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.busybox.BusyboxBuild;
import io.github.bootimage.busybox.BusyboxRequest;
import io.github.bootimage.busybox.BusyboxResult;
import io.github.bootimage.inputs.ResolvedInput;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds a static BusyBox from a pinned source tarball ({@code make defconfig} or a given {@code .config},
 * plus fragments), reproducibly and cached across projects; writes {@code busybox} and
 * {@code busybox.links} to {@link #outputDirectory}, where the {@code initramfs} goal of the same build
 * picks them up when its {@code <busybox>} is not configured.
 */
@Mojo(name = "busybox", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class BusyboxMojo extends BootImageMojo {
    /** Project context keys under which the initramfs goal finds the binary and its applet list. */
    static final String BINARY_KEY = "bootimage.busybox.binary";
    static final String LINKS_KEY = "bootimage.busybox.links";

    /**
     * The BusyBox source tarball (.tar.bz2, .tar.gz or .tar.xz) as an input with a pinned SHA-256, e.g.
     * {@code <source><file>downloads/busybox-1.35.0.tar.bz2</file><sha256>faeeb2...</sha256></source>}, a
     * {@code <url>}, an {@code <artifact>}, or a Debian source tarball given by {@code <file>}.
     */
    @Parameter
    InputSpec source;

    /** Optional upstream signature of the tarball ({@code .sig}, binary or armored). */
    @Parameter(property = "bootimage.busybox.signature")
    File signature;

    /** The pinned OpenPGP public key that must have made {@link #signature}. */
    @Parameter(property = "bootimage.busybox.publicKey")
    File publicKey;

    /** A {@code .config} to start from; without it, {@code make defconfig}. */
    @Parameter(property = "bootimage.busybox.config")
    File config;

    /**
     * Options set on top of the base config, e.g. {@code <CONFIG_VI>n</CONFIG_VI>} or an empty element to
     * switch an applet off, {@code <CONFIG_BBCONFIG>y</CONFIG_BBCONFIG>}. {@code CONFIG_STATIC=y} is the default.
     */
    @Parameter
    Map<String, String> configFragments;

    /** Parallel make jobs; the number of processors when not set. */
    @Parameter(property = "bootimage.busybox.jobs")
    Integer jobs;

    /** Where {@code busybox} and {@code busybox.links} are written. */
    @Parameter(property = "bootimage.busybox.outputDirectory",
            defaultValue = "${project.build.directory}/bootimage/busybox")
    File outputDirectory;

    /** The cache shared by all projects of this user; default {@code bootimage/} beside the local repository. */
    @Parameter(property = "bootimage.cacheDirectory")
    File cacheDirectory;

    /** The reproducible build time: it becomes SOURCE_DATE_EPOCH of the BusyBox build. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /** Skips the BusyBox build only. */
    @Parameter(property = "bootimage.busybox.skip", defaultValue = "false")
    boolean skip;

    private final MavenInputs inputs;

    @Inject
    public BusyboxMojo(MavenInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    String skipSwitch() {
        return "bootimage.busybox.skip";
    }

    @Override
    boolean skip() {
        return skip;
    }

    @Override
    void build() throws BootImageException, MojoExecutionException {
        if (source == null || source.isEmpty()) {
            throw new MojoExecutionException("The busybox goal needs <source>: the BusyBox source tarball with its "
                    + "pinned SHA-256, e.g. <source><file>busybox-1.35.0.tar.bz2</file><sha256>(sha256sum of it)"
                    + "</sha256></source>.");
        }
        ResolvedInput tarball = inputs.resolver(session, project, getLog()).resolveInput("source", source, null);
        BusyboxResult result = new BusyboxBuild(request(tarball.file(), tarball.sha256())).build();
        result.copyTo(outputDirectory.toPath());
        getLog().info("BusyBox " + (result.cacheHit() ? "(cached) " : "") + "written to " + outputDirectory);
        project.setContextValue(BINARY_KEY, outputDirectory.toPath().resolve("busybox"));
        project.setContextValue(LINKS_KEY, outputDirectory.toPath().resolve("busybox.links"));
    }

    /** The core request for a verified tarball. */
    BusyboxRequest request(Path tarball, String sha256) throws MojoExecutionException {
        Map<String, String> fragments = new HashMap<>();
        if (configFragments != null) {
            // An empty element (<CONFIG_VI/>) means "switch off", like "n".
            configFragments.forEach((k, v) -> fragments.put(k, v == null || v.isBlank() ? null : v.trim()));
        }
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        String path = System.getenv("PATH");
        Instant epoch = BuildEpoch.resolve(outputTimestamp, getLog());
        return new BusyboxRequest(tarball, sha256, config == null ? null : config.toPath(), fragments, n, epoch,
                cacheRoot().resolve("busybox"),
                path == null || path.isEmpty() ? BusyboxRequest.DEFAULT_SEARCH_PATH : path,
                signature == null ? null : signature.toPath(), publicKey == null ? null : publicKey.toPath(),
                getLog()::info);
    }

    private Path cacheRoot() {
        if (cacheDirectory != null) {
            return cacheDirectory.toPath();
        }
        return session.getRepositorySession().getLocalRepository().getBasedir().toPath().toAbsolutePath().getParent()
                .resolve("bootimage");
    }
}
