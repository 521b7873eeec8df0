package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.inputs.ArtifactCoordinates;
import io.github.bootimage.inputs.ArtifactFetcher;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/** {@code <artifact>} inputs through Maven's resolver and the project's remote repositories (Nexus etc.). */
final class MavenArtifactFetcher implements ArtifactFetcher {
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    MavenArtifactFetcher(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    @Override
    public Path fetch(ArtifactCoordinates c) throws BootImageException {
        // Our "type" is the file extension (deb, tar.gz, cpio.gz, bin); the few Maven types whose files differ:
        String extension = switch (c.type()) {
            case "test-jar", "maven-plugin", "ejb" -> "jar";
            default -> c.type();
        };
        DefaultArtifact artifact = new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), extension, c.version());
        try {
            ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null));
            return result.getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new BootImageException("cannot resolve Maven artifact " + c + " from " + repositories.stream()
                    .map(RemoteRepository::getUrl).toList() + (session.isOffline() ? " (offline: run once without -o)" : "")
                    + ": " + e.getMessage() + ". Check <artifact> (groupId:artifactId:version[:type[:classifier]]) "
                    + "and the project's <repositories>.", e);
        }
    }
}
