package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.boot.BootableIso;
import io.github.bootimage.boot.IsoContent;
import io.github.bootimage.boot.grub.GrubBios;
import io.github.bootimage.boot.grub.GrubPcFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes a bootable, hybrid ISO in pure Java: ISOLINUX or GRUB for BIOS, shim + GRUB for UEFI (Secure Boot too),
 * bootable as CD and, written to a USB disk, as disk. With packaging {@code iso} it is the main artifact;
 * otherwise it is attached with classifier {@code iso}.
 */
@Mojo(name = "iso", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class IsoMojo extends BootImageMojo {
    static final InputSpec DEFAULT_KERNEL = InputSpec.ofDeb("linux-image-amd64", "boot/vmlinuz-*");
    static final InputSpec DEFAULT_ISOLINUX = InputSpec.ofDeb("isolinux", "usr/lib/ISOLINUX/isolinux.bin");
    static final InputSpec DEFAULT_ISOHYBRID_MBR = InputSpec.ofDeb("isolinux", "usr/lib/ISOLINUX/isohdpfx.bin");
    static final InputSpec DEFAULT_LDLINUX = InputSpec.ofDeb("syslinux-common",
            "usr/lib/syslinux/modules/bios/ldlinux.c32");
    static final InputSpec DEFAULT_SHIM = InputSpec.ofDeb("shim-signed", "usr/lib/shim/shimx64.efi.signed");
    static final InputSpec DEFAULT_GRUB = InputSpec.ofDeb("grub-efi-amd64-signed",
            "usr/lib/grub/x86_64-efi-signed/gcdx64.efi.signed");
    /** The whole .deb: GRUB for BIOS takes all of usr/lib/grub/i386-pc/ from it. */
    static final InputSpec DEFAULT_GRUB_PC = InputSpec.ofDeb("grub-pc-bin", null);

    /** The kernel (bzImage). Default: Debian's linux-image-amd64, file boot/vmlinuz-*. */
    @Parameter
    private InputSpec kernel;
    /** The initramfs. Default: the output of the initramfs goal. */
    @Parameter
    private InputSpec initrd;
    /** ISOLINUX's isolinux.bin (BIOS). Default: Debian's isolinux. */
    @Parameter
    private InputSpec isolinux;
    /** ISOLINUX's ldlinux.c32. Default: Debian's syslinux-common. */
    @Parameter
    private InputSpec ldlinux;
    /** The isohybrid MBR (isohdpfx.bin) for USB boot. Default: Debian's isolinux. */
    @Parameter
    private InputSpec isohybridMbr;
    /** shim, booted by UEFI as EFI/BOOT/BOOTX64.EFI. Default: Debian's Microsoft-signed shim-signed. */
    @Parameter
    private InputSpec shim;
    /** GRUB, loaded by shim as grubx64.efi. Default: Debian's signed CD GRUB (gcdx64.efi.signed). */
    @Parameter
    private InputSpec grub;

    /**
     * GRUB for BIOS (with biosBootloader grub): an archive holding GRUB's usr/lib/grub/i386-pc/ (kernel.img,
     * cdboot.img, the modules). Default: Debian's grub-pc-bin .deb, pinned in bootimage.lock. Give the .deb itself,
     * no path.
     */
    @Parameter
    private InputSpec grubPc;
    /**
     * The BIOS boot loader: isolinux or grub. Default: grub when the isoDirectory has its own boot/grub/grub.cfg
     * and no isolinux/isolinux.cfg (the classic grub-mkrescue recipe: one grub.cfg for BIOS and UEFI), otherwise
     * isolinux.
     */
    @Parameter(property = "bootimage.iso.biosBootloader")
    private String biosBootloader;

    /** The kernel command line of every menu entry (entries may add to it). */
    @Parameter(property = "bootimage.cmdline", defaultValue = "")
    private String cmdline;
    /** The boot menu; default: one entry with the console on screen and ttyS0. */
    @Parameter
    private Menu menu;
    /** BIOS boot (with ISOLINUX or GRUB, see biosBootloader). */
    @Parameter(property = "bootimage.iso.bios", defaultValue = "true")
    private boolean bios;
    /** UEFI boot with shim and GRUB. */
    @Parameter(property = "bootimage.iso.uefi", defaultValue = "true")
    private boolean uefi;
    /** The isohybrid MBR/GPT, so that the image also boots from a USB disk (needs bios). */
    @Parameter(property = "bootimage.iso.hybrid", defaultValue = "true")
    private boolean hybrid;
    /** Where the kernel goes on the ISO (an absolute path; the boot menus load it from there). */
    @Parameter(defaultValue = "/boot/vmlinuz")
    private String kernelPath;
    /** Where the initramfs goes on the ISO (an absolute path; the boot menus load it from there). */
    @Parameter(defaultValue = "/boot/initrd.img")
    private String initrdPath;
    /** Files copied onto the ISO. */
    @Parameter(defaultValue = "${project.basedir}/src/main/iso")
    private File isoDirectory;
    /** ECMA-119 volume identifier (A-Z 0-9 _, at most 32); default: the artifactId in upper case. */
    @Parameter(property = "bootimage.iso.volumeId")
    private String volumeId;
    /** ECMA-119 publisher identifier of the primary volume descriptor (upper-cased, at most 128 characters). */
    @Parameter(defaultValue = "")
    private String publisher;
    /** ECMA-119 application identifier of the primary volume descriptor (upper-cased, at most 128 characters). */
    @Parameter(defaultValue = "")
    private String applicationId;
    /** The one timestamp of every date in the image. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;
    /** Classifier when the ISO is attached (packaging other than iso). */
    @Parameter(defaultValue = "iso")
    private String classifier;
    /** Skips the ISO only. */
    @Parameter(property = "bootimage.iso.skip", defaultValue = "false")
    private boolean skip;

    private final MavenInputs inputs;
    private final MavenProjectHelper projectHelper;

    @Inject
    public IsoMojo(MavenInputs inputs, MavenProjectHelper projectHelper) {
        this.inputs = inputs;
        this.projectHelper = projectHelper;
    }

    @Override
    String skipSwitch() {
        return "bootimage.iso.skip";
    }

    @Override
    boolean skip() {
        return skip;
    }

    @Override
    void build() throws BootImageException, IOException, MojoExecutionException {
        validate();
        Instant epoch = BuildEpoch.resolve(outputTimestamp, getLog());
        String volume = volumeId != null ? volumeId : defaultVolumeId(project.getArtifactId());
        Path output = ImageFiles.iso(project);
        ProjectInputs in = inputs.resolver(session, project, getLog());
        IsoContent content = content(in);
        Path work = Files.createDirectories(ImageFiles.workDir(project).resolve("iso"));
        String what = "ISO" + content.bios().map(b -> b instanceof IsoContent.GrubPc ? " [BIOS: GRUB]"
                : " [BIOS: ISOLINUX]").orElse("")
                + (content.uefi().isPresent() ? " [UEFI: shim + GRUB]" : "") + (hybrid && bios ? " [hybrid]" : "");
        BootableIso.Request request = new BootableIso.Request(content, volume, upper(publisher), upper(applicationId),
                epoch, output, work);
        unlessUpToDate(what, output, in.verified(), request::fingerprint, () -> {
            warnOnGrubVersions(content);
            BootableIso.write(request);
        });
        attach(output);
    }

    private IsoContent content(ProjectInputs in) throws MojoExecutionException {
        Optional<IsoContent.Bios> biosFiles = Optional.empty();
        if (bios && biosGrub()) {
            biosFiles = Optional.of(new IsoContent.GrubPc(in.resolve("grubPc", grubPc, DEFAULT_GRUB_PC), hybrid));
        } else if (bios) {
            biosFiles = Optional.of(new IsoContent.Isolinux(in.resolve("isolinux", isolinux, DEFAULT_ISOLINUX),
                    in.resolve("ldlinux", ldlinux, DEFAULT_LDLINUX),
                    hybrid ? Optional.of(in.resolve("isohybridMbr", isohybridMbr, DEFAULT_ISOHYBRID_MBR))
                            : Optional.empty()));
        }
        Optional<IsoContent.Uefi> uefiFiles = uefi
                ? Optional.of(new IsoContent.Uefi(in.resolve("shim", shim, DEFAULT_SHIM),
                        in.resolve("grub", grub, DEFAULT_GRUB)))
                : Optional.empty();
        if (biosFiles.isEmpty() && uefiFiles.isEmpty()) {
            throw new MojoExecutionException("Both <bios> and <uefi> are false: the ISO would not boot. Enable one.");
        }
        Menu m = menu != null ? menu : Menu.defaultMenu();
        try {
            return new IsoContent(in.resolve("kernel", kernel, DEFAULT_KERNEL), initramfs(in), biosFiles, uefiFiles,
                    m.toBootMenu(cmdline, kernelPath, initrdPath),
                    Optional.ofNullable(isoDirectory).map(File::toPath).filter(Files::isDirectory),
                    project.getName() + " " + project.getVersion());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** biosBootloader, or its default from the project's own menu files. */
    boolean biosGrub() throws MojoExecutionException {
        if (biosBootloader == null || biosBootloader.isBlank()) {
            Path dir = isoDirectory == null ? null : isoDirectory.toPath();
            return dir != null && Files.isRegularFile(dir.resolve("boot/grub/grub.cfg"))
                    && !Files.exists(dir.resolve("isolinux/isolinux.cfg"));
        }
        return switch (biosBootloader.strip().toLowerCase(Locale.ROOT)) {
            case "grub" -> true;
            case "isolinux" -> false;
            default -> throw new MojoExecutionException("<biosBootloader>" + biosBootloader + "</biosBootloader> "
                    + "(-Dbootimage.iso.biosBootloader) must be isolinux or grub.");
        };
    }

    private void warnOnGrubVersions(IsoContent c) throws BootImageException {
        if (c.bios().orElse(null) instanceof IsoContent.GrubPc g && c.uefi().isPresent()) {
            GrubBios.versionMismatch(GrubPcFiles.fromArchive(g.archive()), c.uefi().get().grub())
                    .ifPresent(getLog()::warn);
        }
    }

    /** Checks the parameters that need no input, before anything is fetched. */
    void validate() throws MojoExecutionException {
        if (hybrid && !bios) {
            getLog().warn("<hybrid> is ignored because <bios> is false: the hybrid MBR/GPT starts the BIOS boot loader, so "
                    + "this ISO boots from CD/DVD only, not as a USB disk. Set <hybrid>false</hybrid> to silence this, "
                    + "or <bios>true</bios> for USB boot.");
        }
        absolute("kernelPath", kernelPath);
        absolute("initrdPath", initrdPath);
        biosGrub();
    }

    private static void absolute(String parameter, String value) throws MojoExecutionException {
        if (value == null || !value.startsWith("/")) {
            throw new MojoExecutionException("<" + parameter + ">" + value + "</" + parameter + "> must be an "
                    + "absolute path on the ISO, such as /boot/vmlinuz or /boot/initrd.img.");
        }
    }

    private Path initramfs(ProjectInputs in) throws MojoExecutionException {
        if (initrd != null && !initrd.isEmpty()) {
            return in.resolve("initrd", initrd, null);
        }
        try {
            return ImageFiles.findInitramfs(project).orElseThrow(() -> new MojoExecutionException(
                    "No initramfs to put on the ISO: run the initramfs goal before iso (packaging iso does), or "
                            + "set <initrd><file>path/to/initrd.img</file></initrd>."));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot look for the initramfs: " + e.getMessage(), e);
        }
    }

    private void attach(Path output) {
        if (IsoArtifactHandlerProvider.TYPE.equals(project.getPackaging())) {
            project.getArtifact().setFile(output.toFile());
        } else {
            projectHelper.attachArtifact(project, "iso", classifier, output.toFile());
        }
    }

    /** ECMA-119 d-characters: upper-case letters, digits and '_', at most 32. */
    static String defaultVolumeId(String artifactId) {
        String id = artifactId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return id.length() > 32 ? id.substring(0, 32) : id;
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }
}
