package io.github.bootimage.maven;

import io.github.bootimage.build.StepLog;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** Logs each finished step of a writer with the time since the previous one (or since it was created). */
final class TimedSteps implements StepLog {
    private final Log log;
    private long last = System.nanoTime();

    TimedSteps(Log log) {
        this.log = log;
    }

    @Override
    public void done(String step, long entries, long bytes) {
        long now = System.nanoTime();
        log.info(String.format(Locale.ROOT, "  %s: %,d entries, %,d bytes in %.1f s", step, entries, bytes,
                (now - last) / 1e9));
        last = now;
    }
}
