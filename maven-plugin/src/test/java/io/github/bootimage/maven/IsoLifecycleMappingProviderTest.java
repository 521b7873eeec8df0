package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.handler.ArtifactHandler;
import org.apache.maven.lifecycle.mapping.LifecycleMapping;
import org.junit.jupiter.api.Test;

class IsoLifecycleMappingProviderTest {
    /** The version as maven-plugin-plugin wrote it into the descriptor: a source independent of ours. */
    private static String descriptorVersion() throws Exception {
        try (InputStream in = IsoLifecycleMappingProviderTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<artifactId>bootimage-maven-plugin</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(xml);
            assertThat(m.find()).as("plugin.xml names our version").isTrue();
            return m.group(1);
        }
    }

    @Test
    void mapsPhasesToGoalsInLifecycleOrder() throws Exception {
        String self = "io.github.bootimage:bootimage-maven-plugin:" + descriptorVersion() + ":";
        LifecycleMapping mapping = new IsoLifecycleMappingProvider().get();

        assertThat(mapping.getLifecycles()).containsOnlyKeys("default");
        Map<String, String> phases = mapping.getPhases("default");
        assertThat(phases).containsExactly(
                Map.entry("process-resources", "org.apache.maven.plugins:maven-resources-plugin:3.3.1:resources"),
                Map.entry("package", self + "initramfs," + self + "iso"),
                Map.entry("integration-test", self + "boot-test"),
                Map.entry("verify", self + "sign"),
                Map.entry("install", "org.apache.maven.plugins:maven-install-plugin:3.1.4:install"),
                Map.entry("deploy", "org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy"));
        assertThat(mapping.getLifecycles().get("default").getLifecyclePhases().get("package").getMojos())
                .extracting(m -> m.getGoal()).containsExactly(self + "initramfs", self + "iso");
    }

    @Test
    void isoArtifactHandler() {
        ArtifactHandler handler = new IsoArtifactHandlerProvider().get();
        assertThat(handler.getExtension()).isEqualTo("iso");
        assertThat(handler.getPackaging()).isEqualTo("iso");
        assertThat(handler.getLanguage()).isEqualTo("none");
        assertThat(handler.isAddedToClasspath()).isFalse();
        assertThat(handler.isIncludesDependencies()).isFalse();
        assertThat(handler.getClassifier()).isNull();
    }

    @Test
    void m2eMetadataCoversEveryImageGoal() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String goal : new String[] {"initramfs", "iso", "boot-test", "sign"}) {
                assertThat(xml).contains("<goal>" + goal + "</goal>");
            }
        }
    }
}
