package io.github.bootimage.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HttpDownloaderTest {
    private final InputLog log = InputLog.silent();

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the watchdog the read blocks for good
    void aBodyThatStopsSendingFailsAfterTheStallTimeout() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            var uri = TestServer.stalling(socket, 200_000, 50_000);
            var downloader = new HttpDownloader(null, null, log, Duration.ofMillis(500));
            long start = System.nanoTime();
            assertThatThrownBy(() -> downloader.download("kernel", uri, new ByteArrayOutputStream()))
                    .hasMessageContaining("kernel: download of " + uri + " stalled: no data for 500 ms after 50000 of 200000 bytes")
                    .hasMessageContaining("nothing was stored");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aBodyThatArrivesInTimeIsKept() throws Exception {
        try (TestServer server = new TestServer()) {
            var uri = server.put("/ok", new byte[300_000]);
            var out = new ByteArrayOutputStream();
            new HttpDownloader(null, null, log, Duration.ofSeconds(5)).download("kernel", uri, out);
            assertThat(out.size()).isEqualTo(300_000);
        }
    }
}
