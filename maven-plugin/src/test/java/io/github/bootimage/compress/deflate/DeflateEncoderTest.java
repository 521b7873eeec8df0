package io.github.bootimage.compress.deflate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.testing.HostTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Also the source of sample inputs for the gzip tests. */
public class DeflateEncoderTest {
    public static byte[] text(int size) {
        StringBuilder b = new StringBuilder();
        long x = 7;
        String[] words = {"the", "kernel", "initramfs", "unpacks", "a", "cpio", "archive", "into", "rootfs", "\n"};
        while (b.length() < size) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b.append(words[(int) ((x >>> 33) % words.length)]).append(' ');
        }
        return Arrays.copyOf(b.toString().getBytes(), size);
    }

    public static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A real ELF binary of the host, when there is one. */
    static byte[] elf() throws IOException {
        return Files.readAllBytes(HostTools.require("bash"));
    }

    /** Inflates raw DEFLATE with the JDK's zlib, an independent reader, checking that the stream ends. */
    static byte[] inflate(byte[] deflated) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Arrays.copyOf(deflated, deflated.length + 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated stream after " + out.size() + " bytes");
                }
                out.write(buf, 0, n);
            }
            assertThat(inflater.getRemaining()).as("bytes after the final block").isEqualTo(1);
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    /** Compresses in pieces like the parallel gzip writer: each piece primed with the one before. */
    static byte[] deflateInPieces(byte[] data, int piece, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeflateEncoder encoder = new DeflateEncoder(level);
        int off = 0;
        do {
            int len = Math.min(piece, data.length - off);
            boolean last = off + len == data.length;
            out.writeBytes(encoder.deflate(data, 0, off, data, off, len, last));
            off += len;
        } while (off < data.length);
        return out.toByteArray();
    }

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("one byte", new byte[] {42}),
                Arguments.of("zeros 3 MB", new byte[3 << 20]),
                Arguments.of("random", random(300_000, 1)),
                Arguments.of("text", text(400_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void roundTripsAtEveryLevel(String name, byte[] data) throws Exception {
        for (int level = 1; level <= 9; level++) {
            byte[] whole = new DeflateEncoder(level).deflate(new byte[0], 0, 0, data, 0, data.length, true);
            assertThat(inflate(whole)).as(name + " level " + level).isEqualTo(data);
            byte[] pieces = deflateInPieces(data, 128 * 1024, level);
            assertThat(inflate(pieces)).as(name + " in pieces, level " + level).isEqualTo(data);
        }
    }

    @Test
    void elfBinaryRoundTrips() throws Exception {
        byte[] data = elf();
        for (int level : new int[] {1, 6, 9}) {
            assertThat(inflate(deflateInPieces(data, 128 * 1024, level))).as("level " + level).isEqualTo(data);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 257, 258, 259, 32767, 32768, 32769, 65535, 65536, 65537, 131071, 131072, 131073})
    void sizesAroundBlockAndWindowBoundaries(int size) throws Exception {
        byte[] mixed = new byte[size];
        byte[] t = text(size);
        byte[] r = random(size, size);
        for (int i = 0; i < size; i++) {
            mixed[i] = (i / 1000) % 3 == 0 ? r[i] : (i / 1000) % 3 == 1 ? t[i] : 0;
        }
        for (byte[] data : new byte[][] {mixed, r, new byte[size]}) {
            assertThat(inflate(deflateInPieces(data, 65536, 9))).isEqualTo(data);
            assertThat(inflate(deflateInPieces(data, 1000, 4))).isEqualTo(data);
        }
    }

    @Test
    void incompressibleDataCostsOnlyStoredBlockHeaders() throws Exception {
        byte[] data = random(1 << 20, 3);
        byte[] deflated = new DeflateEncoder(9).deflate(new byte[0], 0, 0, data, 0, data.length, true);
        assertThat(deflated.length).isLessThanOrEqualTo(data.length + 5 * (data.length / 65535 + 1));
        assertThat(inflate(deflated)).isEqualTo(data);
    }

    @Test
    void dictionaryIsUsed() throws Exception {
        byte[] data = random(20_000, 4);
        byte[] primed = new DeflateEncoder(9).deflate(data, 0, data.length, data, 0, data.length, true);
        assertThat(primed.length).isLessThan(200);
        Inflater inflater = new Inflater(true);
        inflater.setDictionary(data);
        inflater.setInput(primed);
        byte[] out = new byte[data.length];
        assertThat(inflater.inflate(out)).isEqualTo(data.length);
        assertThat(out).isEqualTo(data);
        inflater.end();
    }

    @Test
    void reusedEncoderGivesTheSameBytesAsAFreshOne() {
        byte[] a = text(200_000);
        byte[] b = random(100_000, 5);
        DeflateEncoder reused = new DeflateEncoder(9);
        reused.deflate(b, 0, 0, b, 0, b.length, false);
        byte[] again = reused.deflate(b, 0, 50_000, a, 0, a.length, true);
        assertThat(again).isEqualTo(new DeflateEncoder(9).deflate(b, 0, 50_000, a, 0, a.length, true));
    }

    @Test
    void syncFlushEndsWithAnEmptyStoredBlock() {
        byte[] data = text(1000);
        byte[] flushed = new DeflateEncoder(9).deflate(new byte[0], 0, 0, data, 0, data.length, false);
        assertThat(Arrays.copyOfRange(flushed, flushed.length - 4, flushed.length))
                .containsExactly(0x00, 0x00, 0xFF, 0xFF);
    }

    @Test
    void higherLevelsCompressBetter() {
        byte[] data = text(500_000);
        int one = new DeflateEncoder(1).deflate(new byte[0], 0, 0, data, 0, data.length, true).length;
        int nine = new DeflateEncoder(9).deflate(new byte[0], 0, 0, data, 0, data.length, true).length;
        assertThat(nine).isLessThan(one);
    }
}
