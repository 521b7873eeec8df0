package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.busybox.BusyboxRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

@MojoTest
class BusyboxMojoTest {
    private static final String POM = "classpath:/mojo/busybox/pom.xml";

    @Test
    @InjectMojo(goal = "busybox", pom = POM)
    void mapsEveryParameterIntoTheRequest(BusyboxMojo mojo) throws Exception {
        BusyboxRequest r = mojo.request();

        assertThat(r.tarball()).isEqualTo(Path.of("/downloads/busybox-1.35.0.tar.bz2"));
        assertThat(r.sha256()).isEqualTo("faeeb244c35a348a334f4a59e44626ee870fb07b6884d68c10ae8bc19f83a694");
        assertThat(r.signature()).isEqualTo(Path.of("/downloads/busybox-1.35.0.tar.bz2.sig"));
        assertThat(r.publicKey()).isEqualTo(Path.of("/keys/vda.asc"));
        assertThat(r.baseConfig()).isEqualTo(Path.of("/configs/busybox.config"));
        assertThat(r.fragments()).containsEntry("CONFIG_STATIC", "y").containsEntry("CONFIG_VI", null)
                .containsEntry("CONFIG_TC", "n").containsEntry("CONFIG_BBCONFIG", "y").hasSize(4);
        assertThat(r.jobs()).isEqualTo(3);
        assertThat(r.cacheRoot()).isEqualTo(Path.of("/cache"));
        assertThat(r.epoch()).isEqualTo(Instant.parse("2026-11-24T00:02:03Z"));
        assertThat(mojo.outputDirectory.toString().replace('\\', '/')).endsWith("target/bootimage/busybox");
    }

    @Test
    @InjectMojo(goal = "busybox", pom = POM)
    void skipBuildsNothing(BusyboxMojo mojo) throws Exception {
        mojo.source = new File("/does/not/exist.tar.bz2");
        mojo.skipAll = true;
        mojo.execute();
        mojo.skipAll = false;
        mojo.skip = true;
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "busybox", pom = POM)
    void jobsDefaultToTheProcessorCount(BusyboxMojo mojo) throws Exception {
        mojo.jobs = null;
        assertThat(mojo.request().jobs()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    @InjectMojo(goal = "busybox", pom = POM)
    void aMissingSourceNamesTheParameters(BusyboxMojo mojo) {
        mojo.source = null;
        assertThatThrownBy(mojo::request).isInstanceOf(BootImageException.class)
                .hasMessageContaining("<source>").hasMessageContaining("<sha256>");
    }

    @Test
    void epochFromOutputTimestampThenSourceDateEpoch() throws Exception {
        assertThat(BusyboxMojo.epoch("1700000000", null)).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(BusyboxMojo.epoch("2026-11-24T00:00:00Z", "5")).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(BusyboxMojo.epoch(null, "5")).isEqualTo(Instant.ofEpochSecond(5));
        assertThatThrownBy(() -> BusyboxMojo.epoch("yesterday", null)).isInstanceOf(BootImageException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> BusyboxMojo.epoch(" ", null)).isInstanceOf(BootImageException.class)
                .hasMessageContaining("project.build.outputTimestamp").hasMessageContaining("SOURCE_DATE_EPOCH");
    }
}
