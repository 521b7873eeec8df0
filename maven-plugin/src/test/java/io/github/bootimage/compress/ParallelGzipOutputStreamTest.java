package io.github.bootimage.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bootimage.compress.deflate.DeflateEncoderTest;
import io.github.bootimage.testing.HostTools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our gzip members against independent readers: the JDK's GZIPInputStream and the host's gzip. */
class ParallelGzipOutputStreamTest {
    private static final int BLOCK = ParallelGzipOutputStream.BLOCK_SIZE;

    static List<byte[]> inputs() throws IOException {
        List<byte[]> inputs = new ArrayList<>(List.of(new byte[0], new byte[] {7}, new byte[2 << 20],
                DeflateEncoderTest.random(400_000, 9), DeflateEncoderTest.text(700_000),
                DeflateEncoderTest.random(BLOCK - 1, 1), DeflateEncoderTest.text(BLOCK),
                DeflateEncoderTest.text(BLOCK + 1), DeflateEncoderTest.text(2 * BLOCK + 3)));
        Path bin = Path.of("/bin/bash");
        if (Files.isRegularFile(bin)) {
            inputs.add(Files.readAllBytes(bin));
        }
        return inputs;
    }

    @Test
    void hostGzipAndTheJdkReadEveryLevel(@TempDir Path dir) throws Exception {
        HostTools.require("gzip");
        List<byte[]> inputs = inputs();
        for (int level = 1; level <= 9; level++) {
            for (int i = 0; i < inputs.size(); i++) {
                byte[] data = inputs.get(i);
                String what = "input " + i + " (" + data.length + " bytes), level " + level;
                byte[] gz = CompressionTest.compress(Compression.GZIP, data, level, 2, 100_000);
                assertThat(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes()).as(what).isEqualTo(data);
                Path file = dir.resolve("x.gz");
                Files.write(file, gz);
                assertThat(run(List.of("gzip", "-t", file.toString()), null)).as("gzip -t, " + what).isEmpty();
                if (level == 1 || level == 6 || level == 9) {
                    assertThat(run(List.of("gzip", "-dc"), file)).as("gzip -dc, " + what).isEqualTo(data);
                }
            }
        }
    }

    @Test
    void sameBytesForOneAndFourThreads() throws IOException {
        for (byte[] data : inputs()) {
            for (int level : new int[] {1, 9}) {
                byte[] one = CompressionTest.compress(Compression.GZIP, data, level, 1, 65536);
                assertThat(CompressionTest.compress(Compression.GZIP, data, level, 4, 12345)).isEqualTo(one);
            }
        }
    }

    @Test
    void levelNineIsSmallerThanLevelOne() throws IOException {
        byte[] data = DeflateEncoderTest.text(1_000_000);
        assertThat(CompressionTest.compress(Compression.GZIP, data, 9, 2, 65536).length)
                .isLessThan(CompressionTest.compress(Compression.GZIP, data, 1, 2, 65536).length);
    }

    /** The bytes must not depend on the JDK's or the host's zlib: no java.util.zip.Deflater in the encoders. */
    @Test
    void encodersDoNotUseTheJdkDeflater() throws IOException {
        Path main = Path.of("src/main/java/io/github/bootimage/compress");
        assumeTrue(Files.isDirectory(main), "sources not found from " + Path.of("").toAbsolutePath());
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                assertThat(src).as(f.toString()).doesNotContain("java.util.zip.Deflater")
                        .doesNotContain("DeflaterOutputStream").doesNotContain("GZIPOutputStream");
            }
        }
    }

    /** Runs a tool; returns its stdout, failing on a non-zero exit. */
    static byte[] run(List<String> command, Path stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(command + ": " + err).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
