package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/** HTTP(S) downloads with java.net.http: status and length checks, progress for large files. */
final class HttpDownloader {
    /** Downloads above this size report progress every 10 %. */
    static final long PROGRESS_THRESHOLD = 4L * 1024 * 1024;

    /** A body that sends nothing for this long fails the download instead of hanging the build. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final Duration stallTimeout;
    private final ProxySelector proxySelector;
    private final Authenticator authenticator;
    private final InputLog log;
    private HttpClient client;

    HttpDownloader(ProxySelector proxySelector, Authenticator authenticator, InputLog log) {
        this(proxySelector, authenticator, log, STALL_TIMEOUT);
    }

    HttpDownloader(ProxySelector proxySelector, Authenticator authenticator, InputLog log, Duration stallTimeout) {
        this.stallTimeout = stallTimeout;
        this.proxySelector = proxySelector;
        this.authenticator = authenticator;
        this.log = log;
    }

    /** Built on the first download: its TLS setup costs about a second, which a cache hit must not pay. */
    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30));
            if (proxySelector != null) {
                b.proxy(proxySelector);
            }
            if (authenticator != null) {
                b.authenticator(authenticator);
            }
            client = b.build();
        }
        return client;
    }

    /** Streams {@code uri} into {@code out}; fails on any status but 200 and on truncated bodies. */
    void download(String inputName, URI uri, OutputStream out) throws BootImageException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new BootImageException(inputName + ": cannot download " + uri + ": " + e
                    + ". Check the URL and your network; behind a proxy, configure it in ~/.m2/settings.xml <proxies>.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException(inputName + ": download of " + uri + " interrupted", e);
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status != 200) {
                throw new BootImageException(inputName + ": " + uri + " answered HTTP " + status
                        + (status == 404 ? " (not found): check the <url>" : "")
                        + (status == 407 ? " (proxy authentication required): check <proxies> in ~/.m2/settings.xml" : ""));
            }
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            long got;
            try (StallWatch watch = new StallWatch(in, stallTimeout)) {
                got = copy(inputName, uri, watch, out, length.orElse(-1));
            }
            if (length.isPresent() && got != length.getAsLong()) {
                throw truncated(inputName, uri, got, length.getAsLong(), null);
            }
        } catch (IOException e) {
            throw new BootImageException(inputName + ": download of " + uri + " failed: " + e, e);
        }
    }

    private long copy(String name, URI uri, StallWatch in, OutputStream out, long length)
            throws BootImageException, IOException {
        byte[] buf = new byte[64 * 1024];
        long got = 0;
        int reported = 0;
        boolean progress = length > PROGRESS_THRESHOLD;
        if (progress) {
            log.info(name + ": downloading " + uri + " (" + length / (1024 * 1024) + " MB)");
        }
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                // The JDK client reports a body shorter than its Content-Length as an IOException.
                throw in.stalled() ? stalled(name, uri, got, length) : truncated(name, uri, got, length, e);
            }
            if (n < 0) {
                if (in.stalled()) {
                    throw stalled(name, uri, got, length);
                }
                return got;
            }
            out.write(buf, 0, n);
            got += n;
            int percent = progress ? (int) (got * 100 / length) : 0;
            if (percent / 10 > reported / 10 && percent < 100) {
                reported = percent;
                log.info(name + ": " + percent + " % of " + uri.getPath());
            }
        }
    }

    private BootImageException stalled(String name, URI uri, long got, long length) {
        return new BootImageException(name + ": download of " + uri + " stalled: no data for "
                + (stallTimeout.toMillis() % 1000 == 0 ? stallTimeout.toSeconds() + " s" : stallTimeout.toMillis() + " ms")
                + " after " + got + " of " + (length < 0 ? "?" : String.valueOf(length))
                + " bytes; nothing was stored. Check the network or the proxy (<proxies> in ~/.m2/settings.xml) "
                + "and try again.");
    }

    private static BootImageException truncated(String name, URI uri, long got, long length, IOException cause) {
        return new BootImageException(name + ": download of " + uri + " was cut off after " + got + " of "
                + (length < 0 ? "?" : String.valueOf(length)) + " bytes"
                + (cause == null ? "" : " (" + cause.getMessage() + ")") + "; nothing was stored. Try again.", cause);
    }
}
