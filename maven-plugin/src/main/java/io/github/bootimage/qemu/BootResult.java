package io.github.bootimage.qemu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The outcome of booting one target: pass or failure, how long it took, and the cleaned console output. */
public record BootResult(BootTarget target, Optional<BootFailure> failure, Duration duration, String console,
                         Path log) {
    public BootResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(log, "log");
    }

    public boolean passed() {
        return failure.isEmpty();
    }
}
