package io.github.bootimage.maven;

import java.time.Instant;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** The one timestamp every image date comes from, as the image goals resolve it. */
final class BuildEpoch {
    /** Used when neither project.build.outputTimestamp nor SOURCE_DATE_EPOCH is set (documented in docs/). */
    static final Instant DEFAULT = Instant.parse("2000-01-01T00:00:00Z");

    private BuildEpoch() {
    }

    static Instant resolve(String outputTimestamp, Log log) throws MojoExecutionException {
        return OutputTimestamp.resolve(outputTimestamp, System::getenv).orElseGet(() -> {
            log.warn("Neither project.build.outputTimestamp nor SOURCE_DATE_EPOCH is set: every date in the image "
                    + "is " + DEFAULT + ". Set <project.build.outputTimestamp> in the POM's <properties> to choose it.");
            return DEFAULT;
        });
    }
}
