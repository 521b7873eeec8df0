package io.github.bootimage.inputs;

/** How {@code bootimage.lock} is used. */
public enum LockMode {
    /** Use locked entries, resolve and record missing ones. */
    NORMAL,
    /** Re-resolve every input that needs the lock and rewrite its entry ({@code -Dbootimage.lock.update}). */
    UPDATE,
    /** Never write: an input without a matching entry is an error ({@code -Dbootimage.lock.frozen}, for CI). */
    FROZEN
}
