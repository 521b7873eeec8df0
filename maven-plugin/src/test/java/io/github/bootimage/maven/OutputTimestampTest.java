package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputTimestampTest {
    @ParameterizedTest
    @CsvSource({
        "2024-01-01T00:00:00Z,       2024-01-01T00:00:00Z",
        "2024-01-01T02:00:00+02:00,  2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00.999Z,   2024-01-01T00:00:00Z",
        "1704067200,                 2024-01-01T00:00:00Z",
    })
    void parsesLikeMavenArchiver(String value, String expected) throws Exception {
        assertThat(OutputTimestamp.parse(value)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "1"})
    void shortValuesMeanUnset(String value) throws Exception {
        assertThat(OutputTimestamp.parse(value)).isEmpty();
        assertThat(OutputTimestamp.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${git.commit.time}", "2024-01-01", "2024-01-01T00:00:00", "yesterday"})
    void invalidValuesFail(String value) {
        assertThatThrownBy(() -> OutputTimestamp.parse(value)).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Invalid project.build.outputTimestamp value '" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z", "100"})
    void outOfRangeFails(String value) {
        assertThatThrownBy(() -> OutputTimestamp.parse(value)).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("not within the valid range 1980-01-01T00:00:02Z to 2099-12-31T23:59:59Z");
    }

    @Test
    void sourceDateEpochIsTheFallback() throws Exception {
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1704067200");
        assertThat(OutputTimestamp.resolve(null, env::get)).contains(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(OutputTimestamp.resolve("2025-01-01T00:00:00Z", env::get))
                .contains(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(OutputTimestamp.resolve(null, name -> null)).isEqualTo(Optional.empty());
    }

    @Test
    void invalidSourceDateEpochFails() {
        assertThatThrownBy(() -> OutputTimestamp.resolve(null, Map.of("SOURCE_DATE_EPOCH", "1.5e9")::get))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("Invalid SOURCE_DATE_EPOCH value '1.5e9'");
    }
}
