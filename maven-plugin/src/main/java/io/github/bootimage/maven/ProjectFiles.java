package io.github.bootimage.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** The files of a project that get published: main artifact, attached artifacts, POM. */
final class ProjectFiles {
    /**
     * One file to sign.
     *
     * @param name the file name it is published under ({@code artifactId-version[-classifier].ext})
     */
    record Target(Path file, String extension, String classifier, String name, boolean pom) {
    }

    private ProjectFiles() {
    }

    /** Main artifact (if built), attached artifacts (not signatures, not our checksums), then the POM. */
    static List<Target> targets(MavenProject project) {
        List<Target> targets = new ArrayList<>();
        String base = project.getArtifactId() + "-" + project.getVersion();
        Artifact main = project.getArtifact();
        // A pom-packaged project's "main artifact" is the POM itself: sign it once, as the POM.
        if (main != null && isFile(main.getFile()) && !main.getFile().equals(project.getFile())
                && !"pom".equals(project.getPackaging())) {
            String ext = main.getArtifactHandler().getExtension();
            targets.add(new Target(main.getFile().toPath(), ext, null, base + "." + ext, false));
        }
        for (Artifact attached : List.copyOf(project.getAttachedArtifacts())) {
            if (isFile(attached.getFile()) && !attached.getType().endsWith(".asc")
                    && !SignMojo.CHECKSUMS_CLASSIFIER.equals(attached.getClassifier())) {
                String ext = attached.getArtifactHandler().getExtension();
                String classifier = attached.getClassifier();
                String suffix = classifier == null || classifier.isEmpty() ? "" : "-" + classifier;
                targets.add(new Target(attached.getFile().toPath(), ext, classifier, base + suffix + "." + ext,
                        false));
            }
        }
        if (isFile(project.getFile())) {
            targets.add(new Target(project.getFile().toPath(), "pom", null, base + ".pom", true));
        }
        return targets;
    }

    private static boolean isFile(File file) {
        return file != null && file.isFile();
    }
}
