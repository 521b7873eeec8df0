package io.github.bootimage.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyRingTest {
    static final Instant TIME = DetachedSignerTest.TIME;
    static final char[] PASS = TestKeys.PASSPHRASE.toCharArray();

    private static AbstractThrowableAssert<?, ? extends Throwable> unlocking(String name, String fpr, char[] pass,
            Instant at) {
        return assertThatThrownBy(() -> SecretKeyRing.parse(TestKeys.secret(name), "test key " + name)
                .unlock(fpr, pass, at, RandomizedSignatures.REFUSE))
                .isInstanceOf(BootImageException.class)
                .hasMessageNotContaining(TestKeys.PASSPHRASE)
                .hasMessageNotContaining("PGP PRIVATE KEY");
    }

    @Test
    void wrongPassphrase() {
        unlocking("rsa", null, "wrong".toCharArray(), TIME).hasMessageContaining("wrong passphrase")
                .hasMessageContaining(TestKeys.fingerprint("rsa")).hasMessageNotContaining("wrong\"");
    }

    @Test
    void missingPassphrase() {
        unlocking("ed25519", null, null, TIME).hasMessageContaining("protected by a passphrase");
    }

    @Test
    void unprotectedKeyNeedsNoPassphrase() throws Exception {
        SigningKey key = SecretKeyRing.parse(TestKeys.secret("unprotected"), "t")
                .unlock(null, null, TIME, RandomizedSignatures.REFUSE);
        assertThat(key.fingerprint()).isEqualTo(TestKeys.fingerprint("unprotected"));
        assertThat(key.algorithm()).isEqualTo("Ed25519");
        assertThat(key.deterministic()).isTrue();
    }

    @Test
    void expiredKey() {
        unlocking("expired", null, PASS, TIME).hasMessageContaining("expired at 2020-12-31")
                .hasMessageContaining(TestKeys.fingerprint("expired"));
    }

    @Test
    void expiredKeyIsFineBeforeItsExpiry() throws Exception {
        SigningKey key = SecretKeyRing.parse(TestKeys.secret("expired"), "t")
                .unlock(null, PASS, Instant.parse("2020-06-01T00:00:00Z"), RandomizedSignatures.REFUSE);
        assertThat(key.fingerprint()).isEqualTo(TestKeys.fingerprint("expired"));
    }

    @Test
    void revokedKeyByFingerprint() {
        unlocking("revoked", TestKeys.fingerprint("revoked"), PASS, TIME).hasMessageContaining("revoked")
                .hasMessageContaining("cannot sign");
    }

    @Test
    void revokedKeyWithoutFingerprint() {
        unlocking("revoked", null, PASS, TIME).hasMessageContaining("No key").hasMessageContaining("revoked");
    }

    @Test
    void aKeyNewerThanTheBuildTimeSignsAtItsCreationTimeAndGpgAcceptsIt(@TempDir Path dir) throws Exception {
        Instant before = Instant.parse("2019-01-01T00:00:00Z");
        SigningKey key = SecretKeyRing.parse(TestKeys.secret("rsa"), "t").unlock(null, PASS, before,
                RandomizedSignatures.REFUSE);
        Instant created = key.publicKey().getCreationTime().toInstant();
        assertThat(created).isAfter(before);
        assertThat(key.signatureTime()).isEqualTo(created);
        Path data = java.nio.file.Files.writeString(dir.resolve("image.iso"), "image");
        Path asc = new DetachedSigner(key, SignatureHash.SHA512).sign(data);
        Path again = dir.resolve("again.asc");
        new DetachedSigner(SecretKeyRing.parse(TestKeys.secret("rsa"), "t").unlock(null, PASS, before,
                RandomizedSignatures.REFUSE), SignatureHash.SHA512).sign(data, again);
        assertThat(again).hasSameBinaryContentAs(asc);
        try (Gpg gpg = new Gpg(dir)) {
            assertThat(gpg.importKey(TestKeys.file("rsa.pub.asc", dir)).exit()).isZero();
            Gpg.Result result = gpg.verify(asc, data);
            assertThat(result.output()).contains("[GNUPG:] VALIDSIG " + TestKeys.fingerprint("rsa") + " ")
                    .contains(" " + created.getEpochSecond() + " ");
            assertThat(result.exit()).isZero();
        }
        // Later build times are used as they are.
        assertThat(SecretKeyRing.parse(TestKeys.secret("rsa"), "t").unlock(null, PASS, TIME,
                RandomizedSignatures.REFUSE).signatureTime()).isEqualTo(TIME);
    }

    @Test
    void ecdsaRefusalNamesTheSwitchThatAllowsIt() {
        unlocking("ecdsa", null, PASS, TIME).hasMessageContaining("ECDSA")
                .hasMessageContaining("-Dbootimage.sign.allowRandomizedSignatures");
    }

    @Test
    void unknownFingerprintListsTheKeys() {
        unlocking("rsa", "0123456789ABCDEF0123456789ABCDEF01234567", PASS, TIME)
                .hasMessageContaining("No secret key with fingerprint")
                .hasMessageContaining(TestKeys.fingerprint("rsa") + " (RSA 2048, usable)");
    }

    @Test
    void selectionByFingerprintAndLongKeyId() throws Exception {
        SecretKeyRing ring = SecretKeyRing.parse(TestKeys.secret("subkey"), "t");
        String sub = TestKeys.text("subkey.sub.fpr").strip();
        assertThat(ring.unlock(sub.toLowerCase(), PASS, TIME, RandomizedSignatures.REFUSE).fingerprint())
                .isEqualTo(sub);
        assertThat(ring.unlock("0x" + sub.substring(24), PASS, TIME, RandomizedSignatures.REFUSE).fingerprint())
                .isEqualTo(sub);
        assertThatThrownBy(() -> ring.unlock(TestKeys.fingerprint("subkey"), PASS, TIME,
                RandomizedSignatures.REFUSE)).hasMessageContaining("not a signing key");
    }

    @Test
    void publicKeyIsNotASecretKey() {
        assertThatThrownBy(() -> SecretKeyRing.parse(TestKeys.text("rsa.pub.asc"), "MAVEN_GPG_KEY"))
                .isInstanceOf(BootImageException.class).hasMessageContaining("MAVEN_GPG_KEY")
                .hasMessageContaining("export-secret-keys");
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> SecretKeyRing.parse("not a key", "MAVEN_GPG_KEY"))
                .isInstanceOf(BootImageException.class).hasMessageContaining("MAVEN_GPG_KEY");
    }

    @Test
    void readsKeyFile(@TempDir Path dir) throws Exception {
        Path file = TestKeys.file("rsa.sec.asc", dir);
        assertThat(SecretKeyRing.read(file).unlock(null, PASS, TIME, RandomizedSignatures.REFUSE).fingerprint())
                .isEqualTo(TestKeys.fingerprint("rsa"));
        assertThatThrownBy(() -> SecretKeyRing.read(dir.resolve("missing.asc")))
                .hasMessageContaining("does not exist");
    }
}
