package io.github.bootimage.inputs;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.nio.file.Path;

/**
 * How inputs are obtained; the Maven layer fills it from the session, settings.xml and the project.
 *
 * @param cacheRoot       root of the shared content-addressed cache (Maven: {@code ~/.m2/bootimage})
 * @param offline         use the cache only, never the network or apt
 * @param lockMode        how {@code lockFile} is used
 * @param lockFile        {@code bootimage.lock} at the project root
 * @param proxySelector   proxies for URL inputs, or null for direct connections
 * @param authenticator   proxy/server credentials for URL inputs, or null
 * @param artifactFetcher resolves {@code <artifact>} inputs, or null where Maven is not available
 * @param log             progress and notes
 */
public record InputSettings(Path cacheRoot, boolean offline, LockMode lockMode, Path lockFile,
                            ProxySelector proxySelector, Authenticator authenticator,
                            ArtifactFetcher artifactFetcher, InputLog log) {
}
