package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.inputs.ArtifactCoordinates;
import io.github.bootimage.inputs.Input;
import io.github.bootimage.inputs.InputLog;
import io.github.bootimage.inputs.InputResolver;
import io.github.bootimage.inputs.InputSettings;
import io.github.bootimage.inputs.LockMode;
import io.github.bootimage.inputs.ResolvedInput;
import io.github.bootimage.inputs.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.connector.basic.BasicRepositoryConnectorFactory;
import org.eclipse.aether.impl.DefaultServiceLocator;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.RepositoryConnectorFactory;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.transport.file.FileTransporterFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code <artifact>} kind through Maven's real resolver and a file-based remote repository. */
class MavenArtifactFetcherTest {
    @TempDir
    Path dir;
    MavenArtifactFetcher fetcher;

    @BeforeEach
    @SuppressWarnings("deprecation") // the service locator is the documented way to get a resolver outside Maven 3
    void resolver() throws Exception {
        Path remote = dir.resolve("remote");
        write(remote.resolve("com/example/kernel/6.1.0/kernel-6.1.0.deb"), "deb bytes");
        write(remote.resolve("com/example/kernel/6.1.0/kernel-6.1.0-cloud.deb"), "cloud deb");
        write(remote.resolve("com/example/kernel/6.1.0/kernel-6.1.0.pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>com.example</groupId><artifactId>kernel</artifactId><version>6.1.0</version></project>");
        DefaultServiceLocator locator = MavenRepositorySystemUtils.newServiceLocator();
        locator.addService(RepositoryConnectorFactory.class, BasicRepositoryConnectorFactory.class);
        locator.addService(TransporterFactory.class, FileTransporterFactory.class);
        RepositorySystem system = locator.getService(RepositorySystem.class);
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(dir.resolve("local").toFile())));
        RemoteRepository repo = new RemoteRepository.Builder("nexus", "default", remote.toUri().toString()).build();
        fetcher = new MavenArtifactFetcher(system, session, List.of(repo));
    }

    private static void write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void resolvesTypeAndClassifierIntoTheLocalRepository() throws Exception {
        Path plain = fetcher.fetch(ArtifactCoordinates.parse("com.example:kernel:6.1.0:deb"));
        assertThat(plain).hasContent("deb bytes").startsWith(dir.resolve("local"));
        assertThat(fetcher.fetch(ArtifactCoordinates.parse("com.example:kernel:6.1.0:deb:cloud"))).hasContent("cloud deb");
    }

    @Test
    void missingArtifactNamesRepositoryAndCoordinates() {
        assertThatThrownBy(() -> fetcher.fetch(ArtifactCoordinates.parse("com.example:kernel:9.9:deb")))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("cannot resolve Maven artifact com.example:kernel:9.9:deb")
                .hasMessageContaining(dir.resolve("remote").toUri().toString());
    }

    @Test
    void artifactInputIsVerifiedAndLocked() throws Exception {
        InputResolver r = new InputResolver(new InputSettings(dir.resolve("cache"), false, LockMode.NORMAL,
                dir.resolve("bootimage.lock"), null, null, fetcher, InputLog.silent()));
        Source.MavenArtifact kernel = new Source.MavenArtifact(ArtifactCoordinates.parse("com.example:kernel:6.1.0:deb"));
        ResolvedInput first = r.resolve(new Input("kernel", kernel, null, null));
        assertThat(Files.readString(dir.resolve("bootimage.lock")))
                .contains("[artifact com.example:kernel:6.1.0:deb]", "kind = artifact", "sha256 = " + first.sha256());
        String wrong = "0".repeat(64);
        assertThatThrownBy(() -> r.resolve(new Input("kernel", kernel, null, wrong)))
                .hasMessageContaining("kernel: SHA-256 mismatch for com.example:kernel:6.1.0:deb");
    }
}
