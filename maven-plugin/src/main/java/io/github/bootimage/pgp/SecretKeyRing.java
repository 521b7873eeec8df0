package io.github.bootimage.pgp;

import io.github.bootimage.BootImageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * Armored (or binary) OpenPGP secret keys as {@code gpg --armor --export-secret-keys} writes them, and the
 * choice of the key to sign with. Messages name keys by fingerprint only, never by content.
 */
public final class SecretKeyRing {
    private final PGPSecretKeyRingCollection rings;
    private final String origin;

    private SecretKeyRing(PGPSecretKeyRingCollection rings, String origin) {
        this.rings = rings;
        this.origin = origin;
    }

    /** Parses key material held in memory; {@code origin} names where it came from (never the key itself). */
    public static SecretKeyRing parse(String armored, String origin) throws BootImageException {
        byte[] bytes = armored.strip().getBytes(StandardCharsets.US_ASCII);
        return parse(new ByteArrayInputStream(bytes), origin);
    }

    /** Reads an armored or binary secret key file. */
    public static SecretKeyRing read(Path file) throws BootImageException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BootImageException("The secret key file " + file + " does not exist. Export the key with"
                    + " 'gpg --armor --export-secret-keys FINGERPRINT > FILE'.", e);
        } catch (IOException e) {
            throw new BootImageException("Cannot read the secret key file " + file + ": " + e, e);
        }
    }

    private static SecretKeyRing parse(InputStream raw, String origin) throws BootImageException {
        PGPSecretKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(raw)) {
            rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
        } catch (IOException | PGPException | RuntimeException e) {
            // BC's message names packet classes only; it never quotes the key.
            throw new BootImageException("The key in " + origin + " is not an OpenPGP secret key ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Export it with"
                    + " 'gpg --armor --export-secret-keys FINGERPRINT' (a public key cannot sign).", e);
        }
        if (rings.size() == 0) {
            throw new BootImageException("The key in " + origin + " holds no OpenPGP secret key. Export it with"
                    + " 'gpg --armor --export-secret-keys FINGERPRINT'.");
        }
        return new SecretKeyRing(rings, origin);
    }

    /**
     * Selects and unlocks the signing key.
     *
     * @param fingerprint the full fingerprint (or the 16-hex-digit long key ID) of the primary key or subkey to
     *                    use; {@code null} takes the first key, in file order, that can sign at {@code at}
     * @param passphrase  the passphrase, or {@code null}/empty for an unprotected key; not kept
     * @param at          the build time; the signature time is the later of it and the key's creation time
     * @param policy      whether keys with randomised signatures (DSA, ECDSA, v6) are refused
     */
    public SigningKey unlock(String fingerprint, char[] passphrase, Instant at, RandomizedSignatures policy)
            throws BootImageException {
        if (at.getEpochSecond() < 0 || at.getEpochSecond() > 0xFFFF_FFFFL) {
            // RFC 4880 §3.5: a time field is an unsigned 32-bit count of seconds since 1970.
            throw new BootImageException("The signature time " + at + " is outside the OpenPGP range"
                    + " 1970-01-01T00:00:00Z to 2106-02-07T06:28:15Z.");
        }
        Candidate chosen = fingerprint == null ? firstUsable(at) : byFingerprint(fingerprint, at);
        PGPPublicKey key = chosen.secret.getPublicKey();
        boolean deterministic = KeyCheck.deterministic(key);
        if (!deterministic && policy == RandomizedSignatures.REFUSE) {
            throw new BootImageException("The key " + KeyCheck.fingerprint(key) + " in " + origin + " is "
                    + KeyCheck.algorithm(key) + " (OpenPGP v" + key.getVersion() + "): its signatures contain"
                    + " a random nonce or salt, so a rebuild would not give the same .asc bytes. Use an RSA or"
                    + " Ed25519 (v4) key, or allow them with -Dbootimage.sign.allowRandomizedSignatures"
                    + " (<allowRandomizedSignatures>true</allowRandomizedSignatures>).");
        }
        return SigningKey.unlock(chosen.secret, passphrase, KeyCheck.signatureTime(key, at), origin, deterministic);
    }

    private Candidate byFingerprint(String wanted, Instant at) throws BootImageException {
        String normal = wanted.replace(" ", "").replaceFirst("^0[xX]", "").toUpperCase(Locale.ROOT);
        for (Candidate c : candidates()) {
            String fpr = KeyCheck.fingerprint(c.secret.getPublicKey());
            if (fpr.equals(normal) || (normal.length() >= 16 && fpr.endsWith(normal))) {
                List<String> problems = KeyCheck.problems(c.secret, c.primary, at);
                if (!problems.isEmpty()) {
                    throw new BootImageException("The key " + fpr + " in " + origin + " cannot sign: "
                            + String.join("; ", problems) + ".");
                }
                return c;
            }
        }
        throw new BootImageException("No secret key with fingerprint " + normal + " in " + origin
                + ". The keys there: " + describeAll(at) + ". Fix the fingerprint or export the right key.");
    }

    private Candidate firstUsable(Instant at) throws BootImageException {
        for (Candidate c : candidates()) {
            if (KeyCheck.problems(c.secret, c.primary, at).isEmpty()) {
                return c;
            }
        }
        throw new BootImageException("No key in " + origin + " can sign at " + at + ": " + describeAll(at)
                + ". Use a valid signing key (gpg --list-secret-keys shows the [S] keys).");
    }

    private String describeAll(Instant at) {
        List<String> parts = new ArrayList<>();
        for (Candidate c : candidates()) {
            List<String> problems = KeyCheck.problems(c.secret, c.primary, at);
            PGPPublicKey key = c.secret.getPublicKey();
            parts.add(KeyCheck.fingerprint(key) + " (" + KeyCheck.algorithm(key)
                    + (problems.isEmpty() ? ", usable" : ": " + String.join("; ", problems)) + ")");
        }
        return String.join(", ", parts);
    }

    private List<Candidate> candidates() {
        List<Candidate> all = new ArrayList<>();
        for (Iterator<PGPSecretKeyRing> rs = rings.getKeyRings(); rs.hasNext(); ) {
            PGPSecretKeyRing ring = rs.next();
            for (Iterator<PGPSecretKey> ks = ring.getSecretKeys(); ks.hasNext(); ) {
                all.add(new Candidate(ks.next(), ring.getPublicKey()));
            }
        }
        return all;
    }

    private record Candidate(PGPSecretKey secret, PGPPublicKey primary) {
    }
}
