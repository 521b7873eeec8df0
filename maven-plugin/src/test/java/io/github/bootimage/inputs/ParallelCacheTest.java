package io.github.bootimage.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several builds filling one cache at once: separate JVMs (file locks) and threads of one JVM (mvn -T). */
class ParallelCacheTest {
    @TempDir
    Path dir;

    /** Entry point of the second JVM: resolves one URL input into the cache and prints the file. */
    public static void main(String[] args) throws Exception {
        Input input = new Input("busybox", new Source.Url(URI.create(args[1])), args.length > 3 ? args[3] : null, args[2]);
        InputResolver r = new InputResolver(new InputSettings(Path.of(args[0]), false, LockMode.NORMAL,
                Path.of(args[0]).resolveSibling("unused.lock"), null, null, null, InputLog.silent()));
        System.out.println("RESOLVED " + r.resolve(input).file());
    }

    private static byte[] payload() {
        byte[] data = new byte[24 * 1024 * 1024];
        new Random(42).nextBytes(data);
        return data;
    }

    @Test
    void twoProcessesFillTheCacheOnce() throws Exception {
        byte[] data = payload();
        String sha = HexSha.of(data);
        try (TestServer server = new TestServer()) {
            URI uri = server.put("/bb", data);
            Path cache = dir.resolve("cache");
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), ParallelCacheTest.class.getName(),
                        cache.toString(), uri.toString(), sha).redirectErrorStream(true).start());
            }
            List<String> outputs = new ArrayList<>();
            for (Process p : processes) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(out).isZero();
                outputs.add(out.strip());
            }
            Path expected = cache.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
            assertThat(outputs).containsOnly("RESOLVED " + expected);
            assertThat(expected).hasBinaryContent(data);
            assertThat(UrlInputTest.filesIn(cache.resolve("sha256"))).containsExactly(expected);
            assertThat(UrlInputTest.filesIn(cache.resolve("tmp"))).isEmpty();
            assertThat(server.requests.get()).as("the second process waited for the lock, then used the cache").isEqualTo(1);
        }
    }

    @Test
    void threadsOfOneBuildShareTheCache() throws Exception {
        byte[] data = "threads".getBytes(StandardCharsets.UTF_8);
        try (TestServer server = new TestServer()) {
            URI uri = server.put("/bb", data);
            InputResolver r = new InputResolver(new InputSettings(dir.resolve("cache"), false, LockMode.NORMAL,
                    dir.resolve("bootimage.lock"), null, null, null, InputLog.silent()));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<ResolvedInput>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> r.resolve(new Input("busybox", new Source.Url(uri), null, null))));
                }
                for (Future<ResolvedInput> f : results) {
                    assertThat(f.get(60, TimeUnit.SECONDS).file()).hasBinaryContent(data);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.requests.get()).isEqualTo(1);
        }
    }

    /** SHA-256 computed with the JDK alone (independent of Sha256's streaming helper). */
    static final class HexSha {
        static String of(byte[] data) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        }
    }
}
