package io.github.bootimage.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This plugin's own groupId:artifactId:version, from the resource filtered at build time. */
record PluginCoordinates(String groupId, String artifactId, String version) {
    private static final String RESOURCE = "plugin.properties";

    static PluginCoordinates load() {
        Properties properties = new Properties();
        try (InputStream in = PluginCoordinates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The plugin jar lacks " + RESOURCE + " next to "
                        + PluginCoordinates.class.getName() + ": a broken build of bootimage-maven-plugin");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version");
        if (version == null || version.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered: a broken build of bootimage-maven-plugin");
        }
        return new PluginCoordinates(properties.getProperty("groupId"), properties.getProperty("artifactId"),
                version);
    }

    /** {@code groupId:artifactId:version:goal}, the form a lifecycle mapping names a goal in. */
    String goal(String goal) {
        return groupId + ":" + artifactId + ":" + version + ":" + goal;
    }
}
