package io.github.bootimage.maven;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The active {@code <proxies>} of settings.xml (already decrypted) as a {@link ProxySelector} and an
 * {@link Authenticator} for java.net.http. Like Maven, a proxy whose protocol matches the URL's scheme wins,
 * else the first active one; {@code nonProxyHosts} ({@code |}- or {@code ,}-separated, {@code *} wildcards)
 * go direct.
 */
final class SettingsProxies extends ProxySelector {
    private final List<org.apache.maven.settings.Proxy> proxies;

    SettingsProxies(List<org.apache.maven.settings.Proxy> activeProxies) {
        this.proxies = List.copyOf(activeProxies);
    }

    boolean isEmpty() {
        return proxies.isEmpty();
    }

    @Override
    public List<Proxy> select(URI uri) {
        org.apache.maven.settings.Proxy p = proxyFor(uri);
        return p == null ? List.of(Proxy.NO_PROXY)
                : List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), p.getPort())));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to fall back to: the error reaches the user through the download.
    }

    private org.apache.maven.settings.Proxy proxyFor(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        org.apache.maven.settings.Proxy chosen = proxies.stream()
                .filter(p -> p.getProtocol() != null && p.getProtocol().equalsIgnoreCase(uri.getScheme()))
                .findFirst().orElse(proxies.isEmpty() ? null : proxies.get(0));
        return chosen == null || bypass(chosen.getNonProxyHosts(), host) ? null : chosen;
    }

    static boolean bypass(String nonProxyHosts, String host) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        for (String pattern : nonProxyHosts.split("[|,]")) {
            String p = pattern.trim().toLowerCase(Locale.ROOT);
            if (!p.isEmpty() && Pattern.matches(Pattern.quote(p).replace("*", "\\E.*\\Q"), host)) {
                return true;
            }
        }
        return false;
    }

    /** Answers the proxy's credentials when a proxy asks (HTTP 407). */
    Authenticator authenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                for (org.apache.maven.settings.Proxy p : proxies) {
                    if (p.getHost().equalsIgnoreCase(getRequestingHost()) && p.getPort() == getRequestingPort()
                            && p.getUsername() != null) {
                        String pw = p.getPassword() == null ? "" : p.getPassword();
                        return new PasswordAuthentication(p.getUsername(), pw.toCharArray());
                    }
                }
                return null;
            }
        };
    }
}
