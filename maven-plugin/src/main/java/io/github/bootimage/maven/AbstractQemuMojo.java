package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.qemu.AcceleratorChoice;
import io.github.bootimage.qemu.BootTarget;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import io.github.bootimage.qemu.OvmfFiles;
import io.github.bootimage.qemu.OvmfLocator;
import io.github.bootimage.qemu.QemuHost;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.io.IOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters both QEMU goals share: what to boot and where QEMU and OVMF are. */
abstract class AbstractQemuMojo extends AbstractMojo {
    /** The image to boot from CD-ROM or as a disk. */
    @Parameter(property = "bootimage.image", defaultValue = "${project.build.directory}/${project.build.finalName}.iso")
    protected File image;

    /** The kernel (bzImage) for medium {@code kernel}, as a plain file; wins over {@code <kernel>}. */
    @Parameter(property = "bootimage.kernelFile")
    protected File kernelFile;

    /** The kernel input for medium {@code kernel} (the iso goal's {@code <kernel>}); default linux-image-amd64. */
    @Parameter
    protected InputSpec kernel;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** Resolves pinned inputs; set by the subclass's injected constructor. */
    protected final MavenInputs inputs;

    AbstractQemuMojo(MavenInputs inputs) {
        this.inputs = inputs;
    }

    /** The initramfs for medium {@code kernel}. */
    @Parameter(property = "bootimage.initrdFile")
    protected File initrdFile;

    /**
     * Kernel command line for medium {@code kernel} (the same parameter as the iso goal's); {@code console=ttyS0}
     * and {@code panic=-1} are added unless the line sets them.
     */
    @Parameter(property = "bootimage.cmdline", defaultValue = "")
    protected String cmdline;

    /** Extra arguments appended to the QEMU command line, e.g. {@code -nic user}. */
    @Parameter
    protected List<String> qemuArgs;

    /** The QEMU binary: a name looked up on the PATH, or a path. */
    @Parameter(property = "bootimage.qemu", defaultValue = "qemu-system-x86_64")
    protected String qemu;

    /** OVMF code for {@code uefi}; found in the distribution's usual place when not set. */
    @Parameter(property = "bootimage.ovmfCode")
    protected File ovmfCode;

    /** Template of the OVMF variables for {@code uefi}; each run boots with its own copy. */
    @Parameter(property = "bootimage.ovmfVars")
    protected File ovmfVars;

    /** OVMF code with Secure Boot (SMM build) for {@code uefi-secureboot}. */
    @Parameter(property = "bootimage.ovmfSecureBootCode")
    protected File ovmfSecureBootCode;

    /** OVMF variables with Microsoft's keys enrolled for {@code uefi-secureboot}. */
    @Parameter(property = "bootimage.ovmfSecureBootVars")
    protected File ovmfSecureBootVars;

    /**
     * The accelerator: {@code auto} uses KVM only when a test guest has run with it on this host (checked once per
     * build), else software emulation (TCG); {@code kvm} insists on KVM and fails where it cannot run guests;
     * {@code tcg} never tries KVM. The log says which was chosen and why.
     */
    @Parameter(property = "bootimage.accel", defaultValue = "auto")
    protected String accel;

    /** Finds QEMU, KVM and OVMF on this host: the one place that reads the environment. Logs the accelerator. */
    QemuHost host() throws BootImageException {
        OvmfLocator ovmf = new OvmfLocator(Path.of("/"), pair(ovmfCode, ovmfVars, "ovmfCode", "ovmfVars"),
                pair(ovmfSecureBootCode, ovmfSecureBootVars, "ovmfSecureBootCode", "ovmfSecureBootVars"));
        QemuHost host = QemuHost.discover(qemu, System.getenv("PATH"), AcceleratorChoice.parse(accel), ovmf);
        getLog().info(host.acceleratorNote());
        return host;
    }

    private static Optional<OvmfFiles> pair(File code, File vars, String codeName, String varsName)
            throws BootImageException {
        if (code == null && vars == null) {
            return Optional.empty();
        }
        if (code == null || vars == null) {
            throw new BootImageException("<" + codeName + "> and <" + varsName + "> must be set together");
        }
        return Optional.of(new OvmfFiles(code.toPath(), vars.toPath()));
    }

    /** The kernel for medium {@code kernel}: {@code kernelFile}, else the pinned {@code <kernel>} input. */
    Optional<Path> kernelFor(boolean needed) throws MojoExecutionException {
        if (kernelFile != null || !needed) {
            return path(kernelFile);
        }
        return Optional.of(inputs.resolver(session, project, getLog()).resolve("kernel", kernel, IsoMojo.DEFAULT_KERNEL));
    }

    /** The initramfs for medium {@code kernel}: {@code initrdFile}, else the initramfs goal's output. */
    Optional<Path> initrdFor(boolean needed) throws MojoExecutionException {
        if (initrdFile != null || !needed) {
            return path(initrdFile);
        }
        try {
            return Optional.of(ImageFiles.findInitramfs(project).orElseThrow(() -> new MojoExecutionException(
                    "Medium 'kernel' needs an initramfs: run the initramfs goal first or set <initrdFile>.")));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot look for the initramfs: " + e.getMessage(), e);
        }
    }

    /** Checks a number before it reaches QEMU, naming it as the POM and the command line spell it. */
    static void atLeast(int value, int min, String parameter, String property, String unit) throws BootImageException {
        if (value < min) {
            throw new BootImageException("<" + parameter + ">" + value + "</" + parameter + "> (-D" + property
                    + "=" + value + ") must be at least " + min + unit);
        }
    }

    static BootTarget target(String firmware, String medium) throws BootImageException {
        return new BootTarget(Firmware.parse(firmware), Medium.parse(medium));
    }

    static Optional<Path> path(File f) {
        return Optional.ofNullable(f).map(File::toPath);
    }

    List<String> qemuArgs() {
        return qemuArgs == null ? List.of() : new ArrayList<>(qemuArgs);
    }
}
