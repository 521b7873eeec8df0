package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.busybox.BusyboxBuild;
import io.github.bootimage.busybox.BusyboxRequest;
import io.github.bootimage.busybox.BusyboxResult;
import java.io.File;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds a static BusyBox from a pinned source tarball ({@code make defconfig} or a given {@code .config},
 * plus fragments), reproducibly and cached across projects; writes {@code busybox} and
 * {@code busybox.links} to {@link #outputDirectory} for the {@code initramfs} goal.
 */
@Mojo(name = "busybox", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class BusyboxMojo extends AbstractMojo {
    /** The BusyBox source tarball, e.g. {@code busybox-1.35.0.tar.bz2} (.tar.bz2, .tar.gz or .tar.xz). */
    @Parameter(property = "bootimage.busybox.source")
    File source;

    /** The pinned SHA-256 of {@link #source}; the build refuses any other bytes. */
    @Parameter(property = "bootimage.busybox.sha256")
    String sha256;

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

    /** The build cache shared by all projects of this user. */
    @Parameter(property = "bootimage.cacheDirectory", defaultValue = "${user.home}/.cache/bootimage")
    File cacheDirectory;

    /** The reproducible build time: ISO-8601 instant or seconds since 1970; it becomes SOURCE_DATE_EPOCH. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    @Parameter(property = "bootimage.busybox.skip", defaultValue = "false")
    boolean skip;

    @Parameter(property = "bootimage.skip", defaultValue = "false")
    boolean skipAll;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip || skipAll) {
            getLog().info("Skipping the BusyBox build (bootimage.busybox.skip / bootimage.skip)");
            return;
        }
        try {
            BusyboxResult result = new BusyboxBuild(request()).build();
            result.copyTo(outputDirectory.toPath());
            getLog().info("BusyBox " + (result.cacheHit() ? "(cached) " : "") + "written to " + outputDirectory);
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    BusyboxRequest request() throws BootImageException {
        // Checked here rather than with required = true, so that -Dbootimage.skip works without them.
        if (source == null || sha256 == null || sha256.isBlank()) {
            throw new BootImageException("The busybox goal needs <source> (the BusyBox source tarball, e.g."
                    + " busybox-1.35.0.tar.bz2) and its pinned <sha256> (sha256sum busybox-1.35.0.tar.bz2).");
        }
        Map<String, String> fragments = new HashMap<>();
        if (configFragments != null) {
            // An empty element (<CONFIG_VI/>) means "switch off", like "n".
            configFragments.forEach((k, v) -> fragments.put(k, v == null || v.isBlank() ? null : v.trim()));
        }
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        String path = System.getenv("PATH");
        return new BusyboxRequest(source.toPath(), sha256, config == null ? null : config.toPath(), fragments, n,
                epoch(outputTimestamp, System.getenv("SOURCE_DATE_EPOCH")), cacheDirectory.toPath(),
                path == null || path.isEmpty() ? BusyboxRequest.DEFAULT_SEARCH_PATH : path,
                signature == null ? null : signature.toPath(), publicKey == null ? null : publicKey.toPath(),
                getLog()::info);
    }

    /** project.build.outputTimestamp, else SOURCE_DATE_EPOCH; ISO-8601 with offset or epoch seconds. */
    static Instant epoch(String outputTimestamp, String sourceDateEpoch) throws BootImageException {
        String value = outputTimestamp != null && !outputTimestamp.isBlank() ? outputTimestamp.trim()
                : sourceDateEpoch != null && !sourceDateEpoch.isBlank() ? sourceDateEpoch.trim() : null;
        if (value == null) {
            throw new BootImageException("The BusyBox build needs a fixed build time for its banner: set"
                    + " <project.build.outputTimestamp> (e.g. 2026-01-01T00:00:00Z) in the pom's <properties>,"
                    + " or the environment variable SOURCE_DATE_EPOCH.");
        }
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BootImageException("project.build.outputTimestamp '" + value + "' is neither an ISO-8601"
                    + " date-time with offset (2026-01-01T00:00:00Z) nor seconds since 1970.", e);
        }
    }
}
