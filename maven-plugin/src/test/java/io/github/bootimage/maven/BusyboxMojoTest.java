package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.busybox.BusyboxRequest;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

@MojoTest
class BusyboxMojoTest {
    private static final String POM = "classpath:/mojo/busybox/pom.xml";
    private static final String SHA256 = "faeeb244c35a348a334f4a59e44626ee870fb07b6884d68c10ae8bc19f83a694";

    @Test
    @InjectMojo(goal = "busybox", pom = POM)
    void mapsEveryParameterIntoTheRequest(BusyboxMojo mojo) throws Exception {
        assertThat(mojo.source.getFile()).isEqualTo("/downloads/busybox-1.35.0.tar.bz2");
        assertThat(mojo.source.getSha256()).isEqualToIgnoringCase(SHA256);
        BusyboxRequest r = mojo.request(Path.of("/cache/tarball"), SHA256);

        assertThat(r.tarball()).isEqualTo(Path.of("/cache/tarball"));
        assertThat(r.signature()).isEqualTo(Path.of("/downloads/busybox-1.35.0.tar.bz2.sig"));
        assertThat(r.publicKey()).isEqualTo(Path.of("/keys/vda.asc"));
        assertThat(r.baseConfig()).isEqualTo(Path.of("/configs/busybox.config"));
        assertThat(r.fragments()).containsEntry("CONFIG_STATIC", "y").containsEntry("CONFIG_VI", null)
                .containsEntry("CONFIG_TC", "n").containsEntry("CONFIG_BBCONFIG", "y").hasSize(4);
        assertThat(r.jobs()).isEqualTo(3);
        assertThat(r.cacheRoot()).isEqualTo(Path.of("/cache/busybox"));
        assertThat(r.epoch()).isEqualTo(Instant.parse("2026-11-24T00:02:03Z"));
        assertThat(mojo.outputDirectory.toString().replace('\\', '/')).endsWith("target/bootimage/busybox");
    }

    @Test
    @InjectMojo(goal = "busybox", pom = POM)
    void skipBuildsNothing(BusyboxMojo mojo) throws Exception {
        mojo.source = InputSpec.ofFile("/does/not/exist.tar.bz2");
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
        assertThat(mojo.request(Path.of("/t"), SHA256).jobs()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    @InjectMojo(goal = "busybox", pom = POM)
    void aMissingSourceNamesTheParameter(BusyboxMojo mojo) {
        mojo.source = null;
        assertThatThrownBy(mojo::execute).hasMessageContaining("<source>").hasMessageContaining("<sha256>");
    }
}
