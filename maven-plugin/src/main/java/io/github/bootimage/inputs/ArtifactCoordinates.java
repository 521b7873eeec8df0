package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;

/** Maven coordinates as users write them: {@code groupId:artifactId:version[:type[:classifier]]}. */
public record ArtifactCoordinates(String groupId, String artifactId, String version, String type, String classifier) {

    /** Parses {@code g:a:v[:type[:classifier]]}; type defaults to {@code jar}, classifier to none (""). */
    public static ArtifactCoordinates parse(String text) throws BootImageException {
        String[] p = text.trim().split(":", -1);
        if (p.length < 3 || p.length > 5) {
            throw new BootImageException("Maven coordinates '" + text
                    + "' must be groupId:artifactId:version[:type[:classifier]], e.g. com.example:kernel:6.1.0:deb");
        }
        for (String part : p) {
            if (part.isBlank()) {
                throw new BootImageException("Maven coordinates '" + text + "' have an empty part");
            }
        }
        return new ArtifactCoordinates(p[0], p[1], p[2], p.length > 3 ? p[3] : "jar", p.length > 4 ? p[4] : "");
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + ":" + type + (classifier.isEmpty() ? "" : ":" + classifier);
    }
}
