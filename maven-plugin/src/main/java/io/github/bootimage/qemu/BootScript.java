package io.github.bootimage.qemu;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a boot test does on the serial console: the steps in order, then wait up to {@code exitTimeout} for QEMU
 * to exit by itself (the script's last step is expected to power the machine off).
 */
public record BootScript(List<ExpectStep> steps, Duration exitTimeout) {
    /** A shell prompt at the end of the output so far: BusyBox's {@code / # }, or {@code $ } for a user. */
    public static final String PROMPT = "[#$] $";
    /** A kernel release on a line of its own, as {@code uname -r} prints it; group 1 is the release. */
    public static final String KERNEL_RELEASE = "(?m)^(\\d+\\.\\d+\\S*)\\n";

    public BootScript {
        steps = List.copyOf(steps);
        Objects.requireNonNull(exitTimeout, "exitTimeout");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a boot script needs at least one step");
        }
    }

    /**
     * The default script: wait for the shell, run {@code uname -r} and check the release (any, or the given one),
     * then power off. {@code poweroff -f} calls reboot(2) directly, so it also works when PID 1 is a plain shell
     * script that would ignore the signal plain {@code poweroff} sends to init.
     */
    public static BootScript defaults(Optional<String> kernelRelease, Duration bootTimeout, Duration stepTimeout) {
        ExpectStep shell = new ExpectStep("wait for a shell prompt /" + PROMPT + "/", Optional.empty(),
                Pattern.compile(PROMPT), bootTimeout, Optional.empty());
        ExpectStep uname = new ExpectStep("send 'uname -r', expect kernel release "
                + kernelRelease.orElse("(any)"), Optional.of("uname -r"), Pattern.compile(KERNEL_RELEASE),
                stepTimeout, kernelRelease);
        ExpectStep prompt = new ExpectStep("wait for the prompt after uname", Optional.empty(),
                Pattern.compile(PROMPT), stepTimeout, Optional.empty());
        ExpectStep poweroff = new ExpectStep("send 'poweroff -f'", Optional.of("poweroff -f"),
                Pattern.compile("poweroff -f"), stepTimeout, Optional.empty());
        return new BootScript(List.of(shell, uname, prompt, poweroff), stepTimeout);
    }
}
