package io.github.bootimage.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetachedSignerTest {
    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    static SigningKey key(String name, RandomizedSignatures policy) throws BootImageException {
        return SecretKeyRing.parse(TestKeys.secret(name), "test key " + name)
                .unlock(null, TestKeys.PASSPHRASE.toCharArray(), TIME, policy);
    }

    private Path data(String name) throws Exception {
        Path file = dir.resolve(name);
        byte[] block = new byte[100_000];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31 + i / 256);
        }
        Files.write(file, block);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void gpgVerifiesSignature(String name) throws Exception {
        Path iso = data("image.iso");
        Path asc = new DetachedSigner(key(name, RandomizedSignatures.REFUSE), SignatureHash.SHA512).sign(iso);

        assertThat(asc).hasFileName("image.iso.asc");
        try (Gpg gpg = new Gpg(dir)) {
            assertThat(gpg.importKey(TestKeys.file(name + ".pub.asc", dir)).exit()).isZero();
            Gpg.Result result = gpg.verify(asc, iso);
            assertThat(result.output()).contains("[GNUPG:] VALIDSIG " + TestKeys.fingerprint(name) + " 2026-01-01 "
                    + TIME.getEpochSecond());
            assertThat(result.exit()).isZero();

            Files.write(iso, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
            assertThat(gpg.verify(asc, iso).output()).contains("[GNUPG:] BADSIG");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void signingTwiceGivesIdenticalBytesWithoutVersionHeader(String name) throws Exception {
        Path iso = data("image.iso");
        Path first = dir.resolve("first.asc");
        Path second = dir.resolve("second.asc");
        new DetachedSigner(key(name, RandomizedSignatures.REFUSE), SignatureHash.SHA512).sign(iso, first);
        new DetachedSigner(key(name, RandomizedSignatures.REFUSE), SignatureHash.SHA512).sign(iso, second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        String text = Files.readString(first, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("-----BEGIN PGP SIGNATURE-----\n\n").endsWith("-----END PGP SIGNATURE-----\n")
                .doesNotContain("Version", "\r");
    }

    @Test
    void signatureTimeChangesTheBytes() throws Exception {
        Path iso = data("image.iso");
        SecretKeyRing ring = SecretKeyRing.parse(TestKeys.secret("ed25519"), "test");
        char[] pass = TestKeys.PASSPHRASE.toCharArray();
        Path a = dir.resolve("a.asc");
        Path b = dir.resolve("b.asc");
        new DetachedSigner(ring.unlock(null, pass, TIME, RandomizedSignatures.REFUSE), SignatureHash.SHA512)
                .sign(iso, a);
        new DetachedSigner(ring.unlock(null, pass, TIME.plusSeconds(1), RandomizedSignatures.REFUSE),
                SignatureHash.SHA512).sign(iso, b);
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
    }

    @Test
    void ecdsaIsRefusedByDefault() {
        assertThatThrownBy(() -> key("ecdsa", RandomizedSignatures.REFUSE))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining(TestKeys.fingerprint("ecdsa")).hasMessageContaining("ECDSA")
                .hasMessageContaining("random");
    }

    @Test
    void ecdsaAllowedMakesValidButRandomisedSignatures() throws Exception {
        SigningKey key = key("ecdsa", RandomizedSignatures.ALLOW);
        assertThat(key.deterministic()).isFalse();
        Path iso = data("image.iso");
        Path a = dir.resolve("a.asc");
        new DetachedSigner(key, SignatureHash.SHA256).sign(iso, a);
        Path b = dir.resolve("b.asc");
        new DetachedSigner(key, SignatureHash.SHA256).sign(iso, b);
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
        try (Gpg gpg = new Gpg(dir)) {
            gpg.importKey(TestKeys.file("ecdsa.pub.asc", dir));
            assertThat(gpg.verify(a, iso).exit()).isZero();
        }
    }

    @Test
    void signingSubkeyIsChosenAndVerifies() throws Exception {
        SigningKey key = key("subkey", RandomizedSignatures.REFUSE);
        String sub = TestKeys.text("subkey.sub.fpr").strip();
        assertThat(key.fingerprint()).isEqualTo(sub);
        Path iso = data("image.iso");
        Path asc = new DetachedSigner(key, SignatureHash.SHA512).sign(iso);
        try (Gpg gpg = new Gpg(dir)) {
            gpg.importKey(TestKeys.file("subkey.pub.asc", dir));
            Gpg.Result result = gpg.verify(asc, iso);
            assertThat(result.output()).contains("VALIDSIG " + sub);
            assertThat(result.exit()).isZero();
        }
    }
}
