package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import java.nio.file.Path;

/** Resolves Maven artifacts; implemented by the Maven layer with Maven's own resolver and repositories. */
@FunctionalInterface
public interface ArtifactFetcher {

    /** The local file of the artifact (e.g. in the local repository); throws with a clear message if missing. */
    Path fetch(ArtifactCoordinates coordinates) throws BootImageException;
}
