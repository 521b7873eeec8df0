package io.github.bootimage.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The gpg-made keys in src/test/resources/io/github/bootimage/pgp (see make-keys.sh there). */
public final class TestKeys {
    public static final String PASSPHRASE = "test-passphrase";

    private TestKeys() {
    }

    public static String secret(String name) {
        return text(name + ".sec.asc");
    }

    public static String fingerprint(String name) {
        return text(name + ".fpr").strip();
    }

    /** Copies a resource into {@code dir} and returns the file (for key files and gpg --import). */
    public static Path file(String resource, Path dir) throws IOException {
        Path file = dir.resolve(resource);
        Files.writeString(file, text(resource), StandardCharsets.US_ASCII);
        return file;
    }

    public static String text(String resource) {
        try (InputStream in = TestKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
