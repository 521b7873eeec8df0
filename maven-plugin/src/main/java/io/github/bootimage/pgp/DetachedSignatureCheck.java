package io.github.bootimage.pgp;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Verifies a detached OpenPGP signature (RFC 4880 §5.2, binary or ASCII-armored per §6) over a file with a
 * pinned public key (a transferable public key, §11.1, armored or binary). Only the pinned key is trusted:
 * no key server, no web of trust. Binary-document signatures (type 0x00) are checked over the raw bytes.
 * The counterpart of {@link DetachedSigner}, with the same (lightweight Bc) operators.
 */
public final class DetachedSignatureCheck {
    private DetachedSignatureCheck() {
    }

    /** Throws unless one signature in {@code signature} is a valid signature of {@code data} by {@code publicKey}. */
    public static void verify(Path data, Path signature, Path publicKey) throws BootImageException {
        try {
            PGPPublicKeyRingCollection keys = readKeys(publicKey);
            PGPSignatureList signatures = readSignatures(signature);
            String seen = "";
            for (PGPSignature sig : signatures) {
                PGPPublicKey key = keys.getPublicKey(sig.getKeyID());
                seen = HexFormat.of().withUpperCase().toHexDigits(sig.getKeyID());
                if (key != null && matches(sig, key, data)) {
                    return;
                }
                if (key != null) {
                    throw new BootImageException("The OpenPGP signature " + signature + " does not match " + data
                            + ": the file was changed after signing, or the signature belongs to another file.");
                }
            }
            throw new BootImageException("The OpenPGP signature " + signature + " was made by key " + seen
                    + ", which is not in the pinned public key " + publicKey + ". Pin the upstream signing key.");
        } catch (IOException | PGPException e) {
            throw new BootImageException("Cannot verify the OpenPGP signature " + signature + " of " + data
                    + " with the key " + publicKey + ": " + e.getMessage(), e);
        }
    }

    private static PGPPublicKeyRingCollection readKeys(Path publicKey) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(publicKey))) {
            return new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
        }
    }

    private static PGPSignatureList readSignatures(Path signature) throws IOException, BootImageException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(signature))) {
            Object o = new BcPGPObjectFactory(in).nextObject();
            if (o instanceof PGPSignatureList list && !list.isEmpty()) {
                return list;
            }
            throw new BootImageException(signature + " is not a detached OpenPGP signature (found "
                    + (o == null ? "nothing" : o.getClass().getSimpleName()) + ").");
        }
    }

    private static boolean matches(PGPSignature sig, PGPPublicKey key, Path data) throws IOException, PGPException {
        sig.init(new BcPGPContentVerifierBuilderProvider(), key);
        byte[] buf = new byte[65536];
        try (InputStream in = Files.newInputStream(data)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sig.update(buf, 0, n);
            }
        }
        return sig.verify();
    }
}
