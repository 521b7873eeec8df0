package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.busybox.Architecture;
import io.github.bootimage.build.Fingerprint;
import io.github.bootimage.build.UpToDate;
import io.github.bootimage.compress.Compression;
import io.github.bootimage.initramfs.AppletLayout;
import io.github.bootimage.initramfs.InitSystem;
import io.github.bootimage.initramfs.InitramfsBuilder;
import io.github.bootimage.initramfs.InitramfsRequest;
import io.github.bootimage.model.Entry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds a bit-reproducible BusyBox initramfs ({@code cpio -H newc}, optionally compressed): the classic
 * directory layout, a static BusyBox with one symlink per applet, BusyBox init (or the minimal classic
 * {@code /init}), {@code /dev/console} and {@code /dev/null}, then {@code src/main/initramfs/} on top.
 */
@Mojo(name = "initramfs", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class InitramfsMojo extends AbstractMojo {
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
    /** Skips this goal only. */
    @Parameter(property = "bootimage.initramfs.skip", defaultValue = "false")
    private boolean skip;
    /** Skips every bootimage goal. */
    @Parameter(property = "bootimage.skip", defaultValue = "false")
    private boolean skipAll;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;
    /** Its id names the up-to-date stamp, so several executions each keep their own. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    private final MavenInputs inputs;
    private final MavenProjectHelper projectHelper;

    @Inject
    public InitramfsMojo(MavenInputs inputs, MavenProjectHelper projectHelper) {
        this.inputs = inputs;
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip || skipAll) {
            getLog().info("Skipping the initramfs (bootimage.initramfs.skip / bootimage.skip).");
            return;
        }
        InitramfsRequest request = request();
        ModuleInputs moduleInputs = modules == null || modules.isEmpty() ? null
                : ModuleInputs.resolve(inputs.resolver(session, project, getLog()), kernel, kernelModules, firmware);
        try {
            Path work = Files.createDirectories(ImageFiles.workDir(project).resolve("initramfs"));
            UpToDate.run("Initramfs (" + request.compression().id() + ", " + request.threads() + " threads)",
                    request.output(), work.resolve(execution.getExecutionId() + ".stamp"),
                    fingerprint(request, moduleInputs), getLog()::info,
                    () -> InitramfsBuilder.build(moduleInputs == null ? request
                            : request.withModules(ModuleLog.select(moduleInputs, modules, getLog()))));
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + request.output() + ": " + e.getMessage(), e);
        }
        project.setContextValue(ImageFiles.INITRAMFS_KEY, request.output());
        if (attach) {
            String ext = request.compression().extension();
            projectHelper.attachArtifact(project, "cpio" + ext, classifier, request.output().toFile());
        }
    }

    private InitramfsRequest request() throws MojoExecutionException {
        Compression c;
        InitSystem initSystem;
        try {
            c = Compression.of(compression);
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
            busyboxFile = inputs.resolver(session, project, getLog()).resolve("busybox", busybox, DEFAULT_BUSYBOX);
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new InitramfsRequest(busyboxFile, Architecture.X86_64, applets == null ? List.of() : applets,
                links, allInBin ? AppletLayout.ALL_IN_BIN : AppletLayout.OWN_DIRECTORIES, initSystem,
                path(initFile), path(initramfsDirectory), extra, c, compressionLevel, Math.max(1, n), epoch,
                prefixArchives == null ? List.of() : prefixArchives.stream().map(File::toPath).toList(),
                path(baseArchive), ImageFiles.initramfs(project, c.extension()), null);
    }

    private String fingerprint(InitramfsRequest r, ModuleInputs m) throws IOException {
        Fingerprint f = new Fingerprint().add("plugin", PluginCoordinates.load().version()).add("applets", r.applets()).add("layout", r.appletLayout())
                .add("init", r.initSystem()).add("extra", r.extraEntries()).add("compression", r.compression())
                .add("level", r.compressionLevel()).add("epoch", r.epoch())
                .addFile("busybox", r.busybox()).addFile("links", r.appletLinks()).addFile("initFile", r.initFile())
                .addTree("overlay", r.overlay()).addFile("base", r.baseArchive());
        for (Path p : r.prefixArchives()) {
            f.addFile("prefix", p);
        }
        if (m != null) {
            f.add("modules", modules).add("release", m.release()).addTree("moduleTree", m.moduleDir())
                    .addTree("firmwareTree", m.firmwareDir());
        }
        return f.hex();
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }
}
