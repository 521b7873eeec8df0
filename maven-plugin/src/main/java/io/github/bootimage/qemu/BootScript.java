package io.github.bootimage.qemu;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a boot test does on the serial console: the steps in order, then wait up to {@code exitTimeout} for QEMU
 * to exit by itself (the script is expected to power the machine off). An {@code exitTimeout} of zero
 * ({@link #untilLastStep}) does not wait: the boot passes with the last step and QEMU is stopped, for a guest
 * that cannot power off from its console (a boot loader check, a system that ends at a login prompt).
 */
public record BootScript(List<ExpectStep> steps, Duration exitTimeout) {
    /** A shell prompt at the end of the output so far: BusyBox's {@code / # }, or {@code $ } for a user. */
    public static final String PROMPT = "[#$] $";
    /** A kernel release on a line of its own, as {@code uname -r} prints it; group 1 is the release. */
    public static final String KERNEL_RELEASE = "(?m)^(\\d+\\.\\d+\\S*)\\n";
    /**
     * {@code poweroff -f} calls reboot(2) directly, so it also works when PID 1 is a plain shell that would
     * ignore the signal a plain {@code poweroff} sends to init.
     */
    public static final String POWEROFF = "poweroff -f";

    public BootScript {
        steps = List.copyOf(steps);
        Objects.requireNonNull(exitTimeout, "exitTimeout");
        if (exitTimeout.isNegative()) {
            throw new IllegalArgumentException("exit timeout must not be negative: " + exitTimeout);
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a boot script needs at least one step");
        }
    }

    /**
     * The default script: wait for the shell, run {@code uname -r} and check the release (any, or the given one),
     * wait for the prompt again and power off.
     */
    public static BootScript defaults(Optional<String> kernelRelease, Duration bootTimeout, Duration stepTimeout) {
        ExpectStep shell = new ExpectStep("wait for a shell prompt /" + PROMPT + "/, then send 'uname -r'",
                Optional.of(Pattern.compile(PROMPT)), bootTimeout, Optional.of("uname -r"), Optional.empty());
        ExpectStep release = new ExpectStep("expect kernel release " + kernelRelease.orElse("(any)"),
                Optional.of(Pattern.compile(KERNEL_RELEASE)), stepTimeout, Optional.empty(), kernelRelease);
        ExpectStep poweroff = new ExpectStep("wait for the prompt, then send '" + POWEROFF + "'",
                Optional.of(Pattern.compile(PROMPT)), stepTimeout, Optional.of(POWEROFF), Optional.empty());
        return new BootScript(List.of(shell, release, poweroff), stepTimeout);
    }

    /** The steps, then QEMU is stopped without waiting for the guest to power off. */
    public static BootScript untilLastStep(List<ExpectStep> steps) {
        return new BootScript(steps, Duration.ZERO);
    }

    /** Whether QEMU must exit by itself after the last step. */
    public boolean awaitsExit() {
        return !exitTimeout.isZero();
    }
}
