package io.github.bootimage.build;

/**
 * Where a writer reports each step it finished: what it wrote, how many entries and how many bytes. The Maven
 * layer adds how long the step took (below it there is no clock), so a long build shows where the time went.
 */
@FunctionalInterface
public interface StepLog {
    /** Reports nothing. */
    StepLog NONE = (step, entries, bytes) -> {
    };

    void done(String step, long entries, long bytes);
}
