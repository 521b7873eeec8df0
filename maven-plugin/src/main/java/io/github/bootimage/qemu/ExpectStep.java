package io.github.bootimage.qemu;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of a console script, in the order of Tcl expect's {@code expect ...; send ...}: wait until the console
 * output since the previous match matches {@code expect} within {@code timeout}, then send a line. Either part may
 * be absent. When {@code expectedGroup} is present, the regex's first group must equal it (used to check the
 * kernel release that {@code uname -r} prints).
 */
public record ExpectStep(String description, Optional<Pattern> expect, Duration timeout, Optional<String> send,
                         Optional<String> expectedGroup) {
    public ExpectStep {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(expectedGroup, "expectedGroup");
        if (expect.isEmpty() && send.isEmpty()) {
            throw new IllegalArgumentException("step '" + description + "' neither expects nor sends anything");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of step '" + description + "' must be positive: " + timeout);
        }
    }

    /** Waits for the regex, then sends {@code send} if given. */
    public static ExpectStep of(Optional<String> regex, Duration timeout, Optional<String> send) {
        String what = regex.map(r -> "expect /" + r + "/").orElse("")
                + (regex.isPresent() && send.isPresent() ? ", then " : "") + send.map(s -> "send '" + s + "'").orElse("");
        return new ExpectStep(what, regex.map(Pattern::compile), timeout, send, Optional.empty());
    }

    public static ExpectStep expect(String regex, Duration timeout) {
        return of(Optional.of(regex), timeout, Optional.empty());
    }
}
