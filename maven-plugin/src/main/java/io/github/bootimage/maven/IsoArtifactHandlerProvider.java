package io.github.bootimage.maven;

import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.apache.maven.artifact.handler.ArtifactHandler;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;

/**
 * Type and packaging {@code iso}: files end in {@code .iso}, are no Java code and never go on a classpath, so
 * another project can depend on an image ({@code <type>iso</type>}) or fetch it by coordinates.
 */
@Named(IsoArtifactHandlerProvider.TYPE)
@Singleton
public final class IsoArtifactHandlerProvider implements Provider<ArtifactHandler> {
    public static final String TYPE = "iso";

    private final ArtifactHandler handler;

    public IsoArtifactHandlerProvider() {
        DefaultArtifactHandler iso = new DefaultArtifactHandler(TYPE);
        iso.setExtension("iso");
        iso.setLanguage("none");
        iso.setAddedToClasspath(false);
        iso.setIncludesDependencies(false);
        handler = iso;
    }

    @Override
    public ArtifactHandler get() {
        return handler;
    }
}
