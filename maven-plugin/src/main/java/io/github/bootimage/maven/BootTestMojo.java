package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.qemu.BootScript;
import io.github.bootimage.qemu.BootTarget;
import io.github.bootimage.qemu.BootTestRequest;
import io.github.bootimage.qemu.BootTester;
import io.github.bootimage.qemu.ExpectStep;
import io.github.bootimage.qemu.Medium;
import java.io.File;
import javax.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Boots the built image headless in QEMU for each target and checks the serial console with an expect-style
 * script; writes a log per target and a JUnit XML report.
 */
@Mojo(name = "boot-test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class BootTestMojo extends AbstractQemuMojo {
    @Inject
    public BootTestMojo(MavenInputs inputs) {
        super(inputs);
    }

    /**
     * The ways to boot, e.g. {@code <target><firmware>uefi-secureboot</firmware><medium>cdrom</medium></target>}.
     * Default: BIOS and UEFI from CD-ROM.
     */
    @Parameter
    List<Target> targets;

    /**
     * The console script; replaces the default one (wait for a shell prompt, {@code uname -r}, {@code poweroff -f})
     * entirely, and like it must end by powering the machine off.
     */
    @Parameter
    List<Step> steps;

    /** The release {@code uname -r} must print in the default script; any release when not set. */
    @Parameter(property = "bootimage.bootTest.kernelVersion")
    String kernelVersion;

    /** Guest memory in MiB. */
    @Parameter(property = "bootimage.bootTest.memory", defaultValue = "512")
    int memory;

    /** Guest CPUs. */
    @Parameter(property = "bootimage.bootTest.cpus", defaultValue = "1")
    int cpus;

    /** Seconds from QEMU's start until the first step (the shell prompt) must match. */
    @Parameter(property = "bootimage.bootTest.bootTimeout", defaultValue = "300")
    int bootTimeout;

    /** Seconds for every later step and for QEMU to exit after the script. */
    @Parameter(property = "bootimage.bootTest.stepTimeout", defaultValue = "60")
    int stepTimeout;

    /** How many targets boot at once; default half the host's cores (at least one). */
    @Parameter(property = "bootimage.bootTest.parallel")
    Integer parallel;

    /** Where the console logs and {@code TEST-*.xml} go. */
    @Parameter(defaultValue = "${project.build.directory}/bootimage/boot-test")
    File reportsDirectory;

    /** Maven's -DskipTests: skips the boot test like every other test. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Maven's -DskipITs: the boot test is an integration test, so it is skipped too. */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    /** Skips the boot test only. */
    @Parameter(property = "bootimage.bootTest.skip", defaultValue = "false")
    boolean skip;

    /** Skips every bootimage goal. */
    @Parameter(property = "bootimage.skip", defaultValue = "false")
    boolean skipAll;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipTests || skipITs || skip || skipAll) {
            getLog().info("Boot test skipped");
            return;
        }
        BootTestRequest request;
        BootTester tester;
        try {
            // Configuration and host set-up (no QEMU, no OVMF, unknown firmware) are not test failures.
            request = request(Runtime.getRuntime().availableProcessors());
            boolean kernelMedium = request.targets().stream().anyMatch(t -> t.medium() == Medium.KERNEL);
            request = request.withKernel(kernelFor(kernelMedium), initrdFor(kernelMedium));
            tester = new BootTester(host(), getLog()::info);
            tester.check(request);
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        try {
            tester.run(request);
        } catch (BootImageException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    BootTestRequest request(int hostCores) throws BootImageException {
        List<BootTarget> list = new ArrayList<>();
        if (targets == null || targets.isEmpty()) {
            list.addAll(BootTarget.DEFAULTS);
        } else {
            for (Target t : targets) {
                list.add(target(t.getFirmware(), t.getMedium()));
            }
        }
        int threads = parallel != null ? parallel : BootTestRequest.defaultParallelism(hostCores);
        atLeast(memory, 16, "memory", "bootimage.bootTest.memory", " (MiB)");
        atLeast(cpus, 1, "cpus", "bootimage.bootTest.cpus", "");
        atLeast(threads, 1, "parallel", "bootimage.bootTest.parallel", "");
        try {
            return new BootTestRequest(list, path(image), path(kernelFile), path(initrdFile),
                    cmdline == null ? "" : cmdline, memory, cpus, qemuArgs(), script(), reportsDirectory.toPath(),
                    "bootimage.boot-test", threads);
        } catch (IllegalArgumentException e) {
            throw new BootImageException("invalid boot-test configuration: " + e.getMessage(), e);
        }
    }

    private BootScript script() throws BootImageException {
        Duration step = Duration.ofSeconds(stepTimeout);
        if (steps == null || steps.isEmpty()) {
            return BootScript.defaults(Optional.ofNullable(kernelVersion).filter(v -> !v.isBlank()),
                    Duration.ofSeconds(bootTimeout), step);
        }
        List<ExpectStep> script = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            // The first step waits for the boot, so its default timeout is the boot timeout.
            int seconds = s.getTimeout() != null ? s.getTimeout() : i == 0 ? bootTimeout : stepTimeout;
            try {
                script.add(ExpectStep.of(Optional.ofNullable(s.getExpect()), Duration.ofSeconds(seconds),
                        Optional.ofNullable(s.getSend())));
            } catch (IllegalArgumentException e) {
                throw new BootImageException("<steps>, step " + (i + 1) + ": " + e.getMessage()
                        + " (give <expect>, <send> or both; <timeout> in seconds)", e);
            }
        }
        return new BootScript(script, step);
    }
}
