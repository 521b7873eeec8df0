package io.github.bootimage.qemu;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of a console script: optionally send a line, then wait until the console output since the previous
 * match matches {@code expect}, within {@code timeout}. When {@code expectedGroup} is present, the regex's first
 * group must equal it (used to check the kernel version that {@code uname -r} prints).
 */
public record ExpectStep(String description, Optional<String> send, Pattern expect, Duration timeout,
                         Optional<String> expectedGroup) {
    public ExpectStep {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(expectedGroup, "expectedGroup");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of step '" + description + "' must be positive: " + timeout);
        }
    }

    public static ExpectStep expect(String regex, Duration timeout) {
        return new ExpectStep("expect /" + regex + "/", Optional.empty(), Pattern.compile(regex), timeout,
                Optional.empty());
    }

    public static ExpectStep sendAndExpect(String line, String regex, Duration timeout) {
        return new ExpectStep("send '" + line + "', expect /" + regex + "/", Optional.of(line),
                Pattern.compile(regex), timeout, Optional.empty());
    }
}
