package io.github.bootimage.qemu;

import java.util.Objects;

/**
 * Why a target failed: the kind (also the JUnit failure type), the step that failed, and the full message with
 * the target, the console tail and the log path.
 */
public record BootFailure(Kind kind, String step, String message) {
    public enum Kind {
        /** A step's regex did not match within its timeout. */
        TIMEOUT,
        /** The kernel called panic(). */
        KERNEL_PANIC,
        /** The console printed something, but not what was expected (e.g. another kernel release). */
        WRONG_OUTPUT,
        /** QEMU stopped the VM for good (e.g. a KVM internal error) but did not exit. */
        VM_STOPPED,
        /** QEMU ended too early, with an error code, or not at all. */
        QEMU_EXIT,
        /** QEMU could not be started or the run could not be prepared. */
        ERROR
    }

    public BootFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(message, "message");
    }
}
