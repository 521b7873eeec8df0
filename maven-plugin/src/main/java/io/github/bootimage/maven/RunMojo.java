package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.qemu.InteractiveRun;
import io.github.bootimage.qemu.QemuLaunch;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Boots the built image interactively, like the classic recipe's {@code qemu-system-x86_64 -m 4096 -cdrom ...}:
 * the serial console on this terminal (Ctrl-A x quits), a window only with {@code -Dbootimage.run.gui}.
 */
@Mojo(name = "run", threadSafe = true)
public class RunMojo extends AbstractQemuMojo {
    @Inject
    public RunMojo(MavenInputs inputs) {
        super(inputs);
    }

    /** {@code bios}, {@code uefi} or {@code uefi-secureboot}. */
    @Parameter(property = "bootimage.run.firmware", defaultValue = "bios")
    String firmware;

    /** {@code cdrom}, {@code disk} (a copy-on-write snapshot, the image is not changed) or {@code kernel}. */
    @Parameter(property = "bootimage.run.medium", defaultValue = "cdrom")
    String medium;

    /** Guest memory in MiB. */
    @Parameter(property = "bootimage.run.memory", defaultValue = "4096")
    int memory;

    /** Guest CPUs; default all of the host's cores. */
    @Parameter(property = "bootimage.run.cpus")
    Integer cpus;

    /** Opens QEMU's graphical window as well. */
    @Parameter(property = "bootimage.run.gui", defaultValue = "false")
    boolean gui;

    /** Where this run's copy of the OVMF variables goes. */
    @Parameter(defaultValue = "${project.build.directory}/bootimage/run")
    File workDirectory;

    /** Skips every bootimage goal. */
    @Parameter(property = "bootimage.skip", defaultValue = "false")
    boolean skipAll;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipAll) {
            getLog().info("bootimage:run skipped");
            return;
        }
        InteractiveRun run;
        QemuLaunch launch;
        try {
            launch = launch(Runtime.getRuntime().availableProcessors());
            run = new InteractiveRun(host(), getLog()::info);
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        try {
            int exit = run.run(launch, gui, workDirectory.toPath());
            if (exit != 0) {
                throw new MojoFailureException("QEMU exited with code " + exit);
            }
        } catch (BootImageException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    QemuLaunch launch(int hostCores) throws BootImageException, MojoExecutionException {
        atLeast(memory, 16, "memory", "bootimage.run.memory", " (MiB)");
        atLeast(cpus != null ? cpus : hostCores, 1, "cpus", "bootimage.run.cpus", "");
        try {
            return new QemuLaunch(target(firmware, medium), path(image), kernelFor("kernel".equals(medium)), initrdFor("kernel".equals(medium)),
                    cmdline == null ? "" : cmdline, memory, cpus != null ? cpus : hostCores, qemuArgs());
        } catch (IllegalArgumentException e) {
            throw new BootImageException("invalid run configuration: " + e.getMessage(), e);
        }
    }
}
