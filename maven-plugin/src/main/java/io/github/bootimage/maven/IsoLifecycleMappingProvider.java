package io.github.bootimage.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.apache.maven.lifecycle.mapping.DefaultLifecycleMapping;
import org.apache.maven.lifecycle.mapping.Lifecycle;
import org.apache.maven.lifecycle.mapping.LifecycleMapping;
import org.apache.maven.lifecycle.mapping.LifecyclePhase;

/**
 * The default lifecycle of {@code <packaging>iso</packaging>} (active when the plugin is declared with
 * {@code <extensions>true</extensions>}): build the initramfs and the ISO at {@code package}, boot it at
 * {@code integration-test}, sign at {@code verify}, then install and deploy like any artifact. Plugin versions
 * are pinned (Maven would otherwise warn and resolve the newest), ours to the version of this very plugin.
 */
@Named("iso")
@Singleton
public final class IsoLifecycleMappingProvider implements Provider<LifecycleMapping> {
    static final String RESOURCES = "org.apache.maven.plugins:maven-resources-plugin:3.3.1:resources";
    static final String INSTALL = "org.apache.maven.plugins:maven-install-plugin:3.1.4:install";
    static final String DEPLOY = "org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy";

    private final LifecycleMapping mapping;

    public IsoLifecycleMappingProvider() {
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.setId("default");
        Map<String, LifecyclePhase> phases = new LinkedHashMap<>();
        phases(PluginCoordinates.load()).forEach((phase, goals) -> phases.put(phase, new LifecyclePhase(goals)));
        lifecycle.setLifecyclePhases(phases);
        mapping = new DefaultLifecycleMapping(List.of(lifecycle));
    }

    /** Phase -> comma-separated goals ({@code g:a:v:goal}), in lifecycle order. */
    static Map<String, String> phases(PluginCoordinates plugin) {
        Map<String, String> phases = new LinkedHashMap<>();
        // Resources are optional: a filtered file under src/main/resources may feed the image goals.
        phases.put("process-resources", RESOURCES);
        phases.put("package", plugin.goal("initramfs") + "," + plugin.goal("iso"));
        phases.put("integration-test", plugin.goal("boot-test"));
        phases.put("verify", plugin.goal("sign"));
        phases.put("install", INSTALL);
        phases.put("deploy", DEPLOY);
        return phases;
    }

    @Override
    public LifecycleMapping get() {
        return mapping;
    }
}
