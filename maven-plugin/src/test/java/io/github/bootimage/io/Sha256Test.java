package io.github.bootimage.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    /** FIPS 180-4 example "abc" (NIST CSRC examples, SHA256.pdf). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void everyFormGivesTheSameDigest(@TempDir Path dir) throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Sha256.of("abc")).isEqualTo(ABC);
        assertThat(Sha256.of(abc)).isEqualTo(ABC);
        assertThat(Sha256.of(new ByteArrayInputStream(abc))).isEqualTo(ABC);
        assertThat(Sha256.of(Files.write(dir.resolve("abc"), abc))).isEqualTo(ABC);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Sha256.HashingOutputStream out = new Sha256.HashingOutputStream(sink);
        out.write('a');
        out.write(abc, 1, 2);
        assertThat(out.count()).isEqualTo(3);
        assertThat(out.hex()).isEqualTo(ABC);
        assertThat(sink.toByteArray()).isEqualTo(abc);
    }

    @Test
    void countingStreamCountsSingleBytesAndArrays() throws Exception {
        CountingOutputStream out = new CountingOutputStream(new ByteArrayOutputStream());
        out.write(1);
        out.write(new byte[10], 2, 5);
        assertThat(out.count()).isEqualTo(6);
    }
}
