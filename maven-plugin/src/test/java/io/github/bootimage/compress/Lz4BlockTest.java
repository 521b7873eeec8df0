package io.github.bootimage.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.compressors.lz4.BlockLZ4CompressorInputStream;
import org.junit.jupiter.api.Test;

class Lz4BlockTest {
    /** Decodes with Commons Compress's block decoder, an independent reader. */
    static byte[] roundTrip(byte[] data) throws IOException {
        byte[] block = new byte[Lz4Block.maxCompressedLength(data.length)];
        int size = Lz4Block.compress(data, data.length, block, 0);
        try (BlockLZ4CompressorInputStream in = new BlockLZ4CompressorInputStream(
                new ByteArrayInputStream(block, 0, size))) {
            return in.readAllBytes();
        }
    }

    @Test
    void shortInputsAreLiterals() throws IOException {
        for (int n = 0; n <= 40; n++) {
            byte[] data = new byte[n];
            Arrays.fill(data, (byte) 'a');
            assertThat(roundTrip(data)).as("length " + n).isEqualTo(data);
        }
    }

    @Test
    void mixedContentRoundTrips() throws IOException {
        byte[] text = CompressionTest.sample(700_000);
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        byte[] data = new byte[text.length + noise.length + 100_000 + 15];
        System.arraycopy(text, 0, data, 0, text.length);
        System.arraycopy(noise, 0, data, text.length + 100_000, noise.length);
        assertThat(roundTrip(data)).isEqualTo(data);
    }

    /** Long zero runs and repeats, as in a cpio of BusyBox: Commons Compress's encoder took minutes here. */
    @Test
    void eightMibChunkOfRunsIsFast() {
        byte[] data = new byte[Lz4LegacyOutputStream.CHUNK_SIZE];
        byte[] text = CompressionTest.sample(1 << 20);
        for (int off = 0; off + text.length <= data.length; off += 2 * text.length) {
            System.arraycopy(text, 0, data, off, text.length);
        }
        byte[] back = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> roundTrip(data));
        assertThat(back).isEqualTo(data);
    }
}
