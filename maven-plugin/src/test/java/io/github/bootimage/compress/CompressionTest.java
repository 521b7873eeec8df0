package io.github.bootimage.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.testing.HostTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTest {
    /** Compressible but not trivial: text-like lines with a counter, 1.5 MB (several gzip/xz blocks). */
    static byte[] sample(int size) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(size);
        long x = 12345;
        for (int i = 0; b.size() < size; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b.writeBytes(("line " + i + " value " + (x >>> 52) + " /usr/lib/modules/kernel/drivers\n").getBytes());
        }
        return java.util.Arrays.copyOf(b.toByteArray(), size);
    }

    static byte[] compress(Compression c, byte[] data, int level, int threads, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = c.encoder(out, level, threads)) {
            for (int off = 0; off < data.length; off += chunk) {
                enc.write(data, off, Math.min(chunk, data.length - off));
            }
        }
        return out.toByteArray();
    }

    /** The level that gives several blocks for the sample (xz: 3 x 256 KiB dictionary at level 0). */
    static int testLevel(Compression c) {
        return c == Compression.XZ ? 0 : c.defaultLevel();
    }

    /** Several blocks for the parallel gzip and xz encoders; less for the slow single-stream ones. */
    static int sampleSize(Compression c) {
        return c == Compression.GZIP || c == Compression.XZ || c == Compression.NONE ? 1_500_000 : 300_000;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void sameBytesForAnyThreadCountAndWriteSize(Compression c) throws IOException {
        byte[] data = sample(sampleSize(c));
        byte[] one = compress(c, data, testLevel(c), 1, 65536);
        assertThat(compress(c, data, testLevel(c), 2, 7777)).isEqualTo(one);
        assertThat(compress(c, data, testLevel(c), 5, 1 << 20)).isEqualTo(one);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void hostToolDecompresses(Compression c, @TempDir Path dir) throws Exception {
        List<String> tool = decompressor(c);
        HostTools.require(tool.get(0));
        byte[] data = sample(sampleSize(c));
        for (int size : new int[] {0, 1, 128 * 1024, data.length}) {
            byte[] part = java.util.Arrays.copyOf(data, size);
            Path file = dir.resolve("x" + size + c.extension());
            Files.write(file, compress(c, part, testLevel(c), 2, 4096));
            Process p = new ProcessBuilder(tool).redirectInput(file.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(tool + " on " + size + " bytes: "
                    + new String(p.getErrorStream().readAllBytes())).isZero();
            assertThat(out).as("decompressed " + size).isEqualTo(part);
        }
    }

    static List<String> decompressor(Compression c) {
        switch (c) {
            case GZIP: return List.of("gzip", "-dc");
            case XZ: return List.of("xz", "-dc", "--format=xz");
            case ZSTD: return List.of("zstd", "-dcq");
            case LZ4: return List.of("lz4", "-dc");
            case LZMA: return List.of("xz", "-dc", "--format=lzma");
            case BZIP2: return List.of("bzip2", "-dc");
            default: return List.of("cat");
        }
    }

    @Test
    void xzHasSeveralBlocksAndCrc32Check(@TempDir Path dir) throws Exception {
        HostTools.require("xz");
        Path file = dir.resolve("a.xz");
        Files.write(file, compress(Compression.XZ, sample(1_500_000), 0, 2, 4096));
        Process p = new ProcessBuilder("xz", "--robot", "-lvv", file.toString()).start();
        String list = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(list).contains("CRC32");
        assertThat(list.lines().filter(l -> l.startsWith("block\t")).count()).isEqualTo(2);
    }

    @Test
    void lz4UsesTheLegacyFrame() throws IOException {
        byte[] out = compress(Compression.LZ4, sample(1000), 0, 1, 100);
        assertThat(java.util.Arrays.copyOf(out, 4)).containsExactly(0x02, 0x21, 0x4C, 0x18);
    }

    /**
     * Golden hash: the gzip bytes must not change with the JDK (run once under Temurin 25 too). Changed on purpose
     * when our own DeflateEncoder replaced jzlib (smaller output); any other change is a reproducibility break.
     */
    @Test
    void gzipBytesDoNotDependOnTheJdk() throws Exception {
        byte[] gz = compress(Compression.GZIP, sample(1_500_000), 9, 2, 65536);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz));
        assertThat(sha).as("gzip of the sample on " + System.getProperty("java.vendor") + " "
                + System.getProperty("java.version")).isEqualTo(GOLDEN_GZIP_SHA256);
        assertThat(java.util.Arrays.copyOf(gz, 10))
                .containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3);
    }

    static final String GOLDEN_GZIP_SHA256 = "0093459efb82a02cb1784e985598de62ede7d9b30e2ed36384644b46e514e729";

    @Test
    void unknownCompressionIsAClearError() {
        assertThatThrownBy(() -> Compression.of("brotli")).isInstanceOf(BootImageException.class)
                .hasMessageContaining("Unknown compression 'brotli'").hasMessageContaining("gzip, xz, zstd, lz4");
    }

    @Test
    void levelsOutsideTheFormatsRangeAreRefused() throws Exception {
        assertThatThrownBy(() -> Compression.ZSTD.level(99)).isInstanceOf(BootImageException.class)
                .hasMessageContaining("level 99 is out of range for zstd: use 1-22")
                .hasMessageContaining("bootimage.compressionLevel");
        assertThatThrownBy(() -> Compression.GZIP.level(0)).hasMessageContaining("use 1-9");
        assertThatThrownBy(() -> Compression.XZ.level(-1)).hasMessageContaining("use 0-9");
        assertThatThrownBy(() -> Compression.BZIP2.level(10)).hasMessageContaining("use 1-9");
        assertThatThrownBy(() -> Compression.LZ4.level(1)).hasMessageContaining("lz4 has no levels");
        assertThat(Compression.ZSTD.level(null)).isEqualTo(19);
        assertThat(Compression.ZSTD.level(22)).isEqualTo(22);
        assertThat(Compression.NONE.level(null)).isZero();
    }
}
