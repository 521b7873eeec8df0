package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.inputs.InputLog;
import io.github.bootimage.inputs.InputResolver;
import io.github.bootimage.inputs.InputSettings;
import io.github.bootimage.inputs.LockMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.RepositorySystem;

/**
 * Wires the inputs layer to Maven: cache at {@code <local repository>/../bootimage}, offline from {@code -o},
 * proxies from settings.xml, {@code bootimage.lock} at the project root with {@code -Dbootimage.lock.update} /
 * {@code -Dbootimage.lock.frozen}, {@code <artifact>} through Maven's resolver. Mojos inject it and call
 * {@code inputs.resolver(session, project, getLog()).resolve("kernel", kernel, DEFAULT_KERNEL)}.
 */
@Named
@Singleton
public class MavenInputs {
    static final String LOCK_UPDATE = "bootimage.lock.update";
    static final String LOCK_FROZEN = "bootimage.lock.frozen";
    static final String CACHE_DIRECTORY = "bootimage.cacheDirectory";

    private final RepositorySystem repositorySystem;
    private final SettingsDecrypter decrypter;

    @Inject
    public MavenInputs(RepositorySystem repositorySystem, SettingsDecrypter decrypter) {
        this.repositorySystem = repositorySystem;
        this.decrypter = decrypter;
    }

    public ProjectInputs resolver(MavenSession session, MavenProject project, Log log) throws MojoExecutionException {
        Path localRepo = session.getRepositorySession().getLocalRepository().getBasedir().toPath().toAbsolutePath();
        Path basedir = project.getBasedir().toPath();
        SettingsProxies proxies = new SettingsProxies(activeProxies(session));
        InputSettings settings = new InputSettings(
                cacheDirectory(session, localRepo),
                session.isOffline(),
                lockMode(session),
                basedir.resolve("bootimage.lock"),
                proxies.isEmpty() ? null : proxies,
                proxies.isEmpty() ? null : proxies.authenticator(),
                new MavenArtifactFetcher(repositorySystem, session.getRepositorySession(),
                        project.getRemoteProjectRepositories()),
                new MavenLog(log));
        try {
            return new ProjectInputs(new InputResolver(settings), basedir);
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** {@code -Dbootimage.cacheDirectory} (e.g. a CI cache), else {@code bootimage/} beside the local repository. */
    static Path cacheDirectory(MavenSession session, Path localRepo) {
        String dir = lookup(session.getUserProperties(), CACHE_DIRECTORY);
        if (dir == null) {
            dir = lookup(session.getSystemProperties(), CACHE_DIRECTORY);
        }
        return dir == null || dir.isBlank() ? localRepo.getParent().resolve("bootimage") : Path.of(dir).toAbsolutePath();
    }

    static LockMode lockMode(MavenSession session) throws MojoExecutionException {
        boolean update = flag(session, LOCK_UPDATE);
        boolean frozen = flag(session, LOCK_FROZEN);
        if (update && frozen) {
            throw new MojoExecutionException("-D" + LOCK_UPDATE + " and -D" + LOCK_FROZEN + " contradict each other; "
                    + "use one of them");
        }
        return update ? LockMode.UPDATE : frozen ? LockMode.FROZEN : LockMode.NORMAL;
    }

    /** {@code -Dname} (Maven sets "true"), {@code -Dname=true} or an empty value turn it on. */
    private static boolean flag(MavenSession session, String name) {
        String v = lookup(session.getUserProperties(), name);
        if (v == null) {
            v = lookup(session.getSystemProperties(), name);
        }
        return v != null && !v.trim().equalsIgnoreCase("false");
    }

    private static String lookup(Properties p, String name) {
        return p == null ? null : p.getProperty(name);
    }

    private List<Proxy> activeProxies(MavenSession session) {
        List<Proxy> active = new ArrayList<>();
        for (Proxy p : session.getSettings().getProxies()) {
            if (p.isActive()) {
                SettingsDecryptionResult r = decrypter.decrypt(new DefaultSettingsDecryptionRequest(p));
                active.add(r.getProxy() != null ? r.getProxy() : p);
            }
        }
        return active;
    }

    /** The Mojo's log as the inputs layer's log. */
    record MavenLog(Log log) implements InputLog {
        @Override
        public void info(String message) {
            log.info(message);
        }

        @Override
        public void warn(String message) {
            log.warn(message);
        }
    }
}
