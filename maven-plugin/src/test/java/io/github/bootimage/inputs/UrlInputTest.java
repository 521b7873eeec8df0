package io.github.bootimage.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlInputTest {
    @TempDir
    Path dir;
    final TestServer server = new TestServer();
    final List<String> logged = new ArrayList<>();

    UrlInputTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    InputResolver resolver(boolean offline, LockMode mode) throws BootImageException {
        InputLog log = new InputLog() {
            @Override
            public void info(String message) {
                logged.add(message);
            }

            @Override
            public void warn(String message) {
                logged.add(message);
            }
        };
        return new InputResolver(new InputSettings(dir.resolve("cache"), offline, mode, dir.resolve("bootimage.lock"),
                null, null, null, log));
    }

    static Input url(java.net.URI uri, String sha) {
        return new Input("busybox", new Source.Url(uri), null, sha);
    }

    @Test
    void downloadsVerifiesAndCaches() throws Exception {
        byte[] data = "busybox binary".getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.of("busybox binary");
        var uri = server.put("/bb", data);
        ResolvedInput r = resolver(false, LockMode.NORMAL).resolve(url(uri, sha));
        assertThat(r.file()).hasBinaryContent(data).startsWith(dir.resolve("cache/sha256/" + sha.substring(0, 2)));
        assertThat(r.sha256()).isEqualTo(sha);
        assertThat(r.fileName()).isEqualTo("bb");
        // A fully pinned input writes no lock; the second build is served from the cache, even offline.
        assertThat(dir.resolve("bootimage.lock")).doesNotExist();
        assertThat(resolver(true, LockMode.NORMAL).resolve(url(uri, sha)).file()).isEqualTo(r.file());
        assertThat(server.requests.get()).isEqualTo(1);
    }

    @Test
    void wrongHashFailsAndCachesNothing() throws Exception {
        var uri = server.put("/bb", "tampered".getBytes(StandardCharsets.UTF_8));
        String expected = Sha256.of("original");
        assertThatThrownBy(() -> resolver(false, LockMode.NORMAL).resolve(url(uri, expected)))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("busybox: SHA-256 mismatch for " + uri)
                .hasMessageContaining("expected: " + expected)
                .hasMessageContaining("actual:   " + Sha256.of("tampered"));
        assertThat(filesIn(dir.resolve("cache/sha256"))).isEmpty();
        assertThat(filesIn(dir.resolve("cache/tmp"))).isEmpty();
    }

    @Test
    void notFoundIsAClearError() throws Exception {
        var uri = server.uri("/missing");
        assertThatThrownBy(() -> resolver(false, LockMode.NORMAL).resolve(url(uri, Sha256.of("x"))))
                .hasMessageContaining("busybox: " + uri + " answered HTTP 404 (not found)");
    }

    @Test
    void truncatedDownloadIsDetected() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var uri = TestServer.truncating(socket, 200_000, 50_000);
            assertThatThrownBy(() -> resolver(false, LockMode.NORMAL).resolve(url(uri, null)))
                    .hasMessageContaining("was cut off after").hasMessageContaining("of 200000 bytes");
        }
        assertThat(filesIn(dir.resolve("cache/sha256"))).isEmpty();
        assertThat(dir.resolve("bootimage.lock")).doesNotExist();
    }

    @Test
    void offlineSaysWhatIsMissing() throws Exception {
        var uri = server.put("/bb", new byte[1]);
        String sha = Sha256.of("whatever");
        assertThatThrownBy(() -> resolver(true, LockMode.NORMAL).resolve(url(uri, sha)))
                .hasMessageContaining("busybox: " + uri + " (sha256 " + sha + ") is not in the cache")
                .hasMessageContaining("offline (mvn -o)").hasMessageContaining("without -o");
        assertThat(server.requests.get()).isZero();
    }

    @Test
    void largeDownloadsReportProgress() throws Exception {
        byte[] data = new byte[6 * 1024 * 1024];
        var uri = server.put("/big", data);
        resolver(false, LockMode.NORMAL).resolve(url(uri, null));
        assertThat(logged).anyMatch(m -> m.contains("downloading " + uri + " (6 MB)"))
                .anyMatch(m -> m.contains("50 % of /big"));
        assertThat(logged.stream().filter(m -> m.contains("% of /big"))).hasSizeBetween(5, 10);
    }

    static List<Path> filesIn(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
