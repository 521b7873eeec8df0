package io.github.bootimage.qemu;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A boot test: the targets to boot, what to boot (image, or kernel + initrd), the machine, the console script,
 * where logs and the JUnit report go, and how many targets may boot at once.
 */
public record BootTestRequest(List<BootTarget> targets, Optional<Path> image, Optional<Path> kernel,
                              Optional<Path> initrd, String cmdline, int memoryMib, int cpus, List<String> extraArgs,
                              BootScript script, Path reportsDir, String suiteName, int parallelism) {
    public BootTestRequest {
        targets = List.copyOf(targets);
        extraArgs = List.copyOf(extraArgs);
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(initrd, "initrd");
        Objects.requireNonNull(cmdline, "cmdline");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(reportsDir, "reportsDir");
        Objects.requireNonNull(suiteName, "suiteName");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no boot targets");
        }
        if (targets.stream().distinct().count() != targets.size()) {
            throw new IllegalArgumentException("a boot target is listed twice: " + targets);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }

    /** The same test with the kernel and initramfs for medium {@code kernel}. */
    public BootTestRequest withKernel(Optional<Path> newKernel, Optional<Path> newInitrd) {
        return new BootTestRequest(targets, image, newKernel, newInitrd, cmdline, memoryMib, cpus, extraArgs, script,
                reportsDir, suiteName, parallelism);
    }

    /** The launch of one target. */
    public QemuLaunch launch(BootTarget target) {
        return new QemuLaunch(target, image, kernel, initrd, cmdline, memoryMib, cpus, extraArgs);
    }

    /**
     * Targets in parallel when cores allow: each emulated machine keeps about one host core busy, so boot at most
     * half as many at once as there are cores (at least one).
     */
    public static int defaultParallelism(int hostCores) {
        return Math.max(1, hostCores / 2);
    }
}
