package io.github.bootimage.maven;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The build's fixed timestamp: {@code project.build.outputTimestamp} parsed like maven-archiver 3.6
 * ({@code MavenArchiver.parseBuildOutputTimestamp}: ISO-8601 date-time with offset, or whole seconds since
 * the epoch; a value shorter than two characters means "not set", so a child POM can switch off an
 * inherited one), else the {@code SOURCE_DATE_EPOCH} environment variable
 * (reproducible-builds.org: decimal seconds since 1970-01-01 UTC).
 */
public final class OutputTimestamp {
    /** The property's name, for messages. */
    public static final String PROPERTY = "project.build.outputTimestamp";
    /** The environment variable consulted when the property is unset. */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    // maven-archiver's bounds: zip can't store earlier times, and later ones are surely a mistake.
    static final Instant MIN = Instant.parse("1980-01-01T00:00:02Z");
    static final Instant MAX = Instant.parse("2099-12-31T23:59:59Z");

    private OutputTimestamp() {
    }

    /**
     * Resolves the timestamp: the property when set, else {@code SOURCE_DATE_EPOCH} from {@code environment},
     * else empty (the build is then not reproducible; the caller decides what to do).
     *
     * @throws MojoExecutionException when a value is set but invalid, naming the value and how to fix it
     */
    public static Optional<Instant> resolve(String outputTimestamp, Function<String, String> environment)
            throws MojoExecutionException {
        Optional<Instant> fromProperty = parse(outputTimestamp);
        if (fromProperty.isPresent()) {
            return fromProperty;
        }
        String epoch = environment.apply(SOURCE_DATE_EPOCH);
        if (epoch == null || epoch.isEmpty()) {
            return Optional.empty();
        }
        if (!epoch.matches("[0-9]{1,19}")) {
            throw new MojoExecutionException("Invalid " + SOURCE_DATE_EPOCH + " value '" + epoch + "': it must be"
                    + " whole seconds since 1970-01-01T00:00:00Z, e.g. $(git log -1 --format=%ct).");
        }
        return Optional.of(checkRange(toInstant(epoch), SOURCE_DATE_EPOCH));
    }

    /** Parses {@code project.build.outputTimestamp} alone; empty when unset (null or shorter than 2 chars). */
    public static Optional<Instant> parse(String value) throws MojoExecutionException {
        if (value == null || value.length() < 2) {
            return Optional.empty();
        }
        if (value.matches("[0-9]{1,19}")) {
            return Optional.of(checkRange(toInstant(value), PROPERTY));
        }
        try {
            Instant instant = OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS).toInstant();
            return Optional.of(checkRange(instant, PROPERTY));
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("Invalid " + PROPERTY + " value '" + value + "': use an ISO-8601"
                    + " date-time with offset such as 2024-01-01T00:00:00Z, or seconds since the epoch"
                    + " (<properties><project.build.outputTimestamp>2024-01-01T00:00:00Z</...> in the POM).", e);
        }
    }

    private static Instant toInstant(String seconds) throws MojoExecutionException {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException | DateTimeException e) {
            throw new MojoExecutionException("The timestamp '" + seconds + "' is too large.", e);
        }
    }

    private static Instant checkRange(Instant instant, String source) throws MojoExecutionException {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new MojoExecutionException("The " + source + " value " + instant + " is not within the valid"
                    + " range " + MIN + " to " + MAX + " (the range maven-archiver accepts).");
        }
        return instant;
    }
}
