package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.boot.BootFileVersions;
import io.github.bootimage.busybox.Architecture;
import io.github.bootimage.compress.Compression;
import io.github.bootimage.debian.AptIndex;
import io.github.bootimage.debian.PackageRequest;
import io.github.bootimage.debian.PackageSet;
import io.github.bootimage.debian.PathFilter;
import io.github.bootimage.debian.Userland;
import io.github.bootimage.inputs.InputResolver;
import io.github.bootimage.initramfs.AppletLayout;
import io.github.bootimage.initramfs.InitSystem;
import io.github.bootimage.initramfs.InitramfsBuilder;
import io.github.bootimage.initramfs.InitramfsRequest;
import io.github.bootimage.initramfs.InitramfsTree;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.FileTree;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds a bit-reproducible BusyBox initramfs ({@code cpio -H newc}, optionally compressed): the classic
 * directory layout, a static BusyBox with one symlink per applet, BusyBox init (or the minimal classic
 * {@code /init}), {@code /dev/console} and {@code /dev/null}, then {@code src/main/initramfs/} on top.
 */
@Mojo(name = "initramfs", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class InitramfsMojo extends BootImageMojo {
    static final InputSpec DEFAULT_BUSYBOX = InputSpec.ofDeb("busybox-static", "bin/busybox");

    /** The static BusyBox. Default: Debian's busybox-static. */
    @Parameter
    private InputSpec busybox;
    /** A busybox.links file (from a source build), for when the binary cannot run on this host. */
    @Parameter
    private File busyboxLinks;
    /** Applets to link, as names or paths (e.g. sh, /sbin/ifconfig); default: all the binary has. */
    @Parameter
    private List<String> applets;
    /** true puts every applet symlink in /bin (the classic layout); default: each in its own directory. */
    @Parameter(property = "bootimage.initramfs.allInBin", defaultValue = "false")
    private boolean allInBin;
    /** busybox-init (inittab, rcS, a respawning shell) or minimal (mounts, printk, exec /bin/sh). */
    @Parameter(property = "bootimage.initramfs.init", defaultValue = "busybox-init")
    private String init;
    /** A file used as /init instead of the generated one (an init in the overlay does the same). */
    @Parameter
    private File initFile;
    /** none, gzip, xz, zstd, lz4, lzma or bzip2: every one the Linux kernel unpacks. */
    @Parameter(property = "bootimage.compression", defaultValue = "gzip")
    private String compression;
    /** Compression level; default: the strongest sensible one for each (gzip 9, xz 6, zstd 19, ...). */
    @Parameter(property = "bootimage.compressionLevel")
    private Integer compressionLevel;
    /** Compression threads; the output is the same for any count. Default: the number of cores. */
    @Parameter(property = "bootimage.threads")
    private Integer threads;
    /** Copied into the initramfs over the default layout. */
    @Parameter(defaultValue = "${project.basedir}/src/main/initramfs")
    private File initramfsDirectory;
    /** Extra entries: directories, files with mode/owner, symlinks, device nodes. */
    @Parameter
    private List<InitramfsEntry> entries;
    /** Uncompressed archives placed first, e.g. an early-microcode cpio. */
    @Parameter
    private List<File> prefixArchives;
    /** An existing archive to extend: placed before ours, so our entries win when the kernel unpacks. */
    @Parameter
    private File baseArchive;
    /**
     * Debian packages for the image's userland, each {@code name} or {@code name=version}
     * ({@code <packages><package>e2fsprogs</package><package>parted</package></packages>}). Their closure over
     * Depends and Pre-Depends is resolved from the host's apt index, pinned in bootimage.lock, fetched through the
     * cache and unpacked in merged-/usr layout; a package's program replaces the BusyBox applet of the same name.
     * See docs/packages.md.
     */
    @Parameter
    private List<String> packages;
    /** Also install the Recommends of every package in the closure (apt's default; off to keep images small). */
    @Parameter(property = "bootimage.packages.recommends", defaultValue = "false")
    private boolean packageRecommends;
    /**
     * Packages left out of the closure when they are only a dependency (a relation they satisfy counts as
     * satisfied). Default: adduser, debconf, dpkg, init-system-helpers, lsb-base, perl-base, sysvinit-utils, ucf
     * (needed by maintainer scripts only, which are not run). Setting it replaces the default.
     */
    @Parameter
    private List<String> packageOmits;
    /**
     * Paths of packages not unpacked, as dpkg's path-exclude globs ({@code *} matches {@code /} too). Default:
     * /usr/share/doc/*, /usr/share/man/*, /usr/share/info/*, /usr/share/locale/*, /usr/share/lintian/*,
     * /usr/share/linda/*, /usr/share/bug/*. Setting it replaces the default.
     */
    @Parameter
    private List<String> packagePathExcludes;
    /** Paths kept although an exclude matches, as dpkg's path-include. Default: /usr/share/doc/&#42;/copyright. */
    @Parameter
    private List<String> packagePathIncludes;
    /**
     * Kernel modules to put into the initramfs, with their dependencies: module names ({@code nvme}, {@code ext4};
     * {@code -} and {@code _} alike), name wildcards ({@code dm-*}), path globs below {@code lib/modules/<release>/}
     * ({@code kernel/drivers/usb/storage/**}) or sets: {@code storage}, {@code usb}, {@code filesystems},
     * {@code network}, {@code all} (docs/modules.md lists them). The generated init loads the drivers of the
     * devices present and of those plugged in later. Default: none.
     */
    @Parameter
    private List<String> modules;
    /**
     * The kernel the modules are for (its release is read from it); the same parameter as the iso goal's, so set
     * it once in the plugin's configuration. Default: Debian's linux-image-amd64, whose package also holds the
     * modules.
     */
    @Parameter
    private InputSpec kernel;
    /**
     * Where the modules come from when the kernel is a bare file: an archive (.deb, tar, cpio) or a directory
     * holding {@code lib/modules/<release>/}. Default: the kernel's own package.
     */
    @Parameter
    private InputSpec kernelModules;
    /**
     * Firmware for the selected modules: an archive (e.g. {@code <deb>firmware-linux-free</deb>}) or a directory
     * holding {@code lib/firmware/}. Files a module names but this lacks are listed in the log. Default: none.
     */
    @Parameter
    private InputSpec firmware;
    /** The one timestamp of every entry (and of the compressed stream); also read from SOURCE_DATE_EPOCH when unset. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;
    /** The classifier of the attached initramfs: {@code <artifactId>-<version>-<classifier>.cpio.<compression>}. */
    @Parameter(defaultValue = "initramfs")
    private String classifier;
    /** Attach the initramfs to the project (installed and deployed with the ISO). */
    @Parameter(property = "bootimage.initramfs.attach", defaultValue = "true")
    private boolean attach;
    /** Skips the initramfs only. */
    @Parameter(property = "bootimage.initramfs.skip", defaultValue = "false")
    private boolean skip;

    private final MavenInputs inputs;
    private final MavenProjectHelper projectHelper;

    @Inject
    public InitramfsMojo(MavenInputs inputs, MavenProjectHelper projectHelper) {
        this.inputs = inputs;
        this.projectHelper = projectHelper;
    }

    @Override
    String skipSwitch() {
        return "bootimage.initramfs.skip";
    }

    @Override
    boolean skip() {
        return skip;
    }

    @Override
    void build() throws BootImageException, IOException, MojoExecutionException {
        ProjectInputs in = inputs.resolver(session, project, getLog());
        InitramfsRequest request = request(in);
        ModuleInputs m = modules == null || modules.isEmpty() ? null
                : ModuleInputs.resolve(in, kernel, kernelModules, firmware);
        unlessUpToDate("Initramfs (" + request.compression().id() + ", " + request.threads() + " threads)",
                request.output(), in.verified(), f -> {
                    request.fingerprint(f);
                    if (m != null) {
                        m.fingerprint(f, modules);
                    }
                }, () -> write(m == null ? request
                        : request.withModules(ModuleLog.select(m, modules, getLog()))));
        project.setContextValue(ImageFiles.INITRAMFS_KEY, request.output());
        if (attach) {
            String ext = request.compression().extension();
            projectHelper.attachArtifact(project, "cpio" + ext, classifier, request.output().toFile());
        }
    }

    /** Builds the tree, lists it with -X, writes it: each step logged with its entries, bytes and time. */
    private void write(InitramfsRequest request) throws BootImageException, IOException {
        getLog().info("  " + BootFileVersions.busybox(request.busybox())
                .orElse("BusyBox (no version string) " + request.busybox()));
        TimedSteps steps = new TimedSteps(getLog());
        FileTree tree = InitramfsTree.of(request);
        long bytes = 0;
        for (Entry e : tree.entries()) {
            long size = e instanceof Entry.RegularFile f ? f.content().size() : 0;
            bytes += size;
            if (getLog().isDebugEnabled()) {
                getLog().debug(String.format(Locale.ROOT, "  %-7s %04o %d:%d %,12d /%s%s", kind(e), e.mode(),
                        e.uid(), e.gid(), size, e.path().value(),
                        e instanceof Entry.Symlink s ? " -> " + s.target() : ""));
            }
        }
        steps.done("tree (applets, init, overlay, entries; -X lists them)", tree.size(), bytes);
        InitramfsBuilder.write(tree, request);
        steps.done("cpio newc + " + request.compression().id(), tree.size(), Files.size(request.output()));
    }

    private static String kind(Entry e) {
        if (e instanceof Entry.DeviceNode n) {
            return n.kind() == Entry.DeviceNode.Kind.CHARACTER ? "char" : "block";
        }
        return e instanceof Entry.Directory ? "dir" : e instanceof Entry.RegularFile ? "file"
                : e instanceof Entry.Symlink ? "symlink" : "link";
    }

    private InitramfsRequest request(ProjectInputs in) throws MojoExecutionException {
        Compression c;
        InitSystem initSystem;
        try {
            c = Compression.of(compression);
            c.level(compressionLevel);
        } catch (BootImageException e) {
            throw new MojoExecutionException("<compression>: " + e.getMessage(), e);
        }
        switch (init) {
            case "busybox-init" -> initSystem = InitSystem.BUSYBOX_INIT;
            case "minimal" -> initSystem = InitSystem.MINIMAL_SCRIPT;
            default -> throw new MojoExecutionException("<init>" + init + "</init> is unknown: use busybox-init or "
                    + "minimal (or put your own init in src/main/initramfs/init).");
        }
        List<Entry> extra = new ArrayList<>();
        for (InitramfsEntry e : entries == null ? List.<InitramfsEntry>of() : entries) {
            extra.add(e.toEntry());
        }
        Instant epoch = BuildEpoch.resolve(outputTimestamp, getLog());
        Path busyboxFile;
        Path links = path(busyboxLinks);
        Object built = project.getContextValue(BusyboxMojo.BINARY_KEY);
        if ((busybox == null || busybox.isEmpty()) && built instanceof Path p) {
            // The busybox goal ran in this build: its binary and its applet list (no need to run it).
            busyboxFile = p;
            links = links != null ? links : (Path) project.getContextValue(BusyboxMojo.LINKS_KEY);
            getLog().info("Using the BusyBox built by the busybox goal: " + p);
        } else {
            busyboxFile = in.resolve("busybox", busybox, DEFAULT_BUSYBOX);
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new InitramfsRequest(busyboxFile, Architecture.X86_64, applets == null ? List.of() : applets,
                links, allInBin ? AppletLayout.ALL_IN_BIN : AppletLayout.OWN_DIRECTORIES, initSystem,
                path(initFile), path(initramfsDirectory), extra, c, compressionLevel, Math.max(1, n), epoch,
                prefixArchives == null ? List.of() : prefixArchives.stream().map(File::toPath).toList(),
                path(baseArchive), ImageFiles.initramfs(project, c.extension()), userland(Math.max(1, n)), null);
    }

    private Userland userland(int threads) throws MojoExecutionException {
        if (packages == null || packages.isEmpty()) {
            return Userland.NONE;
        }
        PackageRequest request = new PackageRequest(packages.stream().map(String::strip).toList(), packageRecommends,
                packageOmits == null ? PackageRequest.DEFAULT_OMITTED : new java.util.HashSet<>(packageOmits),
                Architecture.X86_64.debianName());
        PathFilter filter = new PathFilter(packagePathExcludes == null ? PathFilter.DEFAULT_EXCLUDES : packagePathExcludes,
                packagePathIncludes == null ? PathFilter.DEFAULT_INCLUDES : packagePathIncludes);
        try {
            InputResolver resolver = inputs.resolver(session, project, getLog()).resolver();
            return new Userland(PackageSet.prepare(request, resolver, new AptIndex(), new MavenInputs.MavenLog(getLog()),
                    threads), filter, getLog()::info);
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }
}
