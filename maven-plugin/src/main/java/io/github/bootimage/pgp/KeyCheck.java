package io.github.bootimage.pgp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.util.encoders.Hex;

/**
 * Whether a (sub)key may make a data signature at a given time: RFC 4880 §5.2.3.21 key flags (or, without
 * flags, a signing algorithm), §5.2.3.6 expiration of the key and of its primary, revocation, and a creation
 * time not after the signature (gpg rejects a signature older than its key).
 */
final class KeyCheck {
    private KeyCheck() {
    }

    /** Reasons the key cannot sign at {@code at}; empty when it can. Never mentions secret material. */
    static List<String> problems(PGPSecretKey secret, PGPPublicKey primary, Instant at) {
        PGPPublicKey key = secret.getPublicKey();
        List<String> problems = new ArrayList<>();
        if (!canSign(key, primary)) {
            problems.add("it is not a signing key (key flags or algorithm " + algorithm(key) + ")");
        }
        if (secret.isPrivateKeyEmpty()) {
            problems.add("its secret part is missing (a gpg stub: the key lives on a smartcard or the primary"
                    + " key was left out with --export-secret-subkeys)");
        }
        if (key.hasRevocation() || (key != primary && primary.hasRevocation())) {
            problems.add("it is revoked");
        }
        Instant when = signatureTime(key, at);
        addExpiry(problems, "it", key, when);
        if (key != primary) {
            addExpiry(problems, "its primary key", primary, when);
        }
        return problems;
    }

    /**
     * When {@code key} signs for a build at {@code at}: {@code at}, or the key's creation time if that is later.
     * gpg rejects a signature older than its key, and a rotated key (or a fixed timestamp such as the archetype's)
     * is often newer than the build time; the later of the two is still the same on every rebuild.
     */
    static Instant signatureTime(PGPPublicKey key, Instant at) {
        Instant created = key.getCreationTime().toInstant();
        return created.isAfter(at) ? created : at;
    }

    /** RSA and EdDSA version 4 signatures depend only on key and message; everything else draws randomness. */
    static boolean deterministic(PGPPublicKey key) {
        if (key.getVersion() != 4) {
            return false;
        }
        int algorithm = key.getAlgorithm();
        return algorithm == PublicKeyAlgorithmTags.RSA_GENERAL || algorithm == PublicKeyAlgorithmTags.RSA_SIGN
                || algorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY || algorithm == PublicKeyAlgorithmTags.Ed25519
                || algorithm == PublicKeyAlgorithmTags.Ed448;
    }

    static String fingerprint(PGPPublicKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    static String algorithm(PGPPublicKey key) {
        switch (key.getAlgorithm()) {
            case PublicKeyAlgorithmTags.RSA_GENERAL:
            case PublicKeyAlgorithmTags.RSA_SIGN:
                return "RSA " + key.getBitStrength();
            case PublicKeyAlgorithmTags.RSA_ENCRYPT:
                return "RSA (encrypt only)";
            case PublicKeyAlgorithmTags.DSA:
                return "DSA";
            case PublicKeyAlgorithmTags.ECDSA:
                return "ECDSA";
            case PublicKeyAlgorithmTags.EDDSA_LEGACY:
            case PublicKeyAlgorithmTags.Ed25519:
                return "Ed25519";
            case PublicKeyAlgorithmTags.Ed448:
                return "Ed448";
            case PublicKeyAlgorithmTags.ECDH:
            case PublicKeyAlgorithmTags.X25519:
            case PublicKeyAlgorithmTags.X448:
                return "ECDH (encrypt only)";
            default:
                return "algorithm " + key.getAlgorithm();
        }
    }

    private static void addExpiry(List<String> problems, String what, PGPPublicKey key, Instant at) {
        long valid = key.getValidSeconds();
        if (valid > 0) {
            Instant expiry = key.getCreationTime().toInstant().plusSeconds(valid);
            if (!expiry.isAfter(at)) {
                problems.add(what + " expired at " + expiry + ", before the signature time " + at
                        + " (extend it with gpg --quick-set-expire and export it again)");
            }
        }
    }

    private static boolean canSign(PGPPublicKey key, PGPPublicKey primary) {
        Integer flags = key == primary ? latestFlags(key.getSignatures(), key.getKeyID(), true)
                : latestFlags(key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING), primary.getKeyID(), false);
        if (flags != null) {
            return (flags & KeyFlags.SIGN_DATA) != 0;
        }
        int algorithm = key.getAlgorithm();
        return algorithm != PublicKeyAlgorithmTags.RSA_ENCRYPT && algorithm != PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT
                && algorithm != PublicKeyAlgorithmTags.ELGAMAL_GENERAL && algorithm != PublicKeyAlgorithmTags.ECDH
                && algorithm != PublicKeyAlgorithmTags.X25519 && algorithm != PublicKeyAlgorithmTags.X448;
    }

    /** Key flags of the newest self-signature (certification/direct-key for a primary, binding for a subkey). */
    private static Integer latestFlags(Iterator<PGPSignature> signatures, long issuer, boolean selfCertification) {
        Integer flags = null;
        long newest = Long.MIN_VALUE;
        while (signatures.hasNext()) {
            PGPSignature sig = signatures.next();
            PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
            boolean wanted = sig.getKeyID() == issuer && hashed != null && hashed.getKeyFlags() != 0
                    && (!selfCertification || sig.isCertification()
                            || sig.getSignatureType() == PGPSignature.DIRECT_KEY);
            if (wanted && sig.getCreationTime().getTime() >= newest) {
                newest = sig.getCreationTime().getTime();
                flags = hashed.getKeyFlags();
            }
        }
        return flags;
    }
}
