package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.handler.manager.ArtifactHandlerManager;
import org.apache.maven.lifecycle.mapping.LifecycleMapping;
import org.junit.jupiter.api.Test;

/** The Sisu index (sisu-maven-plugin) makes Maven's container find our packaging components. */
@MojoTest
class SisuComponentsTest {
    @Inject
    Map<String, LifecycleMapping> mappings;

    @Inject
    ArtifactHandlerManager handlers;

    @Test
    void containerFindsLifecycleMappingAndArtifactHandler() {
        assertThat(mappings).containsKey("iso");
        assertThat(mappings.get("iso").getPhases("default")).containsKeys("package", "verify");
        assertThat(handlers.getArtifactHandler("iso").getExtension()).isEqualTo("iso");
        assertThat(handlers.getArtifactHandler("iso").isAddedToClasspath()).isFalse();
    }
}
