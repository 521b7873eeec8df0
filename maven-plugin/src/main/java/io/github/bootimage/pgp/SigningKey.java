package io.github.bootimage.pgp;

import io.github.bootimage.BootImageException;
import java.time.Instant;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/** An unlocked signing key, checked usable at its signature time. Obtain one from {@link SecretKeyRing}. */
public final class SigningKey {
    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;
    private final Instant signatureTime;
    private final boolean deterministic;

    private SigningKey(PGPPrivateKey privateKey, PGPPublicKey publicKey, Instant signatureTime,
            boolean deterministic) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.signatureTime = signatureTime;
        this.deterministic = deterministic;
    }

    static SigningKey unlock(PGPSecretKey secret, char[] passphrase, Instant at, String origin,
            boolean deterministic) throws BootImageException {
        String fpr = KeyCheck.fingerprint(secret.getPublicKey());
        boolean protectedKey = secret.getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL;
        if (protectedKey && (passphrase == null || passphrase.length == 0)) {
            throw new BootImageException("The key " + fpr + " in " + origin + " is protected by a passphrase,"
                    + " but none was given.");
        }
        PGPPrivateKey privateKey;
        try {
            PBESecretKeyDecryptor decryptor = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(passphrase == null ? new char[0] : passphrase);
            privateKey = secret.extractPrivateKey(decryptor);
        } catch (PGPException | RuntimeException e) {
            // A wrong passphrase shows as a checksum mismatch; the message never contains the passphrase.
            throw new BootImageException("Cannot unlock the key " + fpr + " in " + origin
                    + ": wrong passphrase (or a damaged key).", e);
        }
        SigningKey key = new SigningKey(privateKey, secret.getPublicKey(), at, deterministic);
        DetachedSigner.selfTest(key, origin);
        return key;
    }

    /** The fingerprint of the key that signs (a subkey's own fingerprint if a subkey signs), uppercase hex. */
    public String fingerprint() {
        return KeyCheck.fingerprint(publicKey);
    }

    /** A short name of the algorithm, e.g. {@code RSA 3072} or {@code Ed25519}. */
    public String algorithm() {
        return KeyCheck.algorithm(publicKey);
    }

    /** Whether two signatures of the same data are byte-identical (RSA, EdDSA with v4 keys). */
    public boolean deterministic() {
        return deterministic;
    }

    /** The signature creation time this key was checked for. */
    public Instant signatureTime() {
        return signatureTime;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    PGPPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint() + ", " + algorithm() + "]";
    }
}
