package io.github.bootimage.pgp;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Makes detached, ASCII-armored binary-document signatures (RFC 4880 §5.2.1 type 0x00), the {@code .asc}
 * files Maven repositories expect. Every subpacket is set explicitly, so Bouncy Castle adds no clock time.
 */
public final class DetachedSigner {
    private static final int BUFFER = 64 * 1024;

    private final SigningKey key;
    private final SignatureHash hash;

    public DetachedSigner(SigningKey key, SignatureHash hash) {
        this.key = key;
        this.hash = hash;
    }

    /** Signs {@code file} into {@code file + ".asc"} and returns that path. */
    public Path sign(Path file) throws BootImageException {
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        sign(file, asc);
        return asc;
    }

    /** Signs {@code file} into {@code signature} (written atomically), streaming the file. */
    public void sign(Path file, Path signature) throws BootImageException {
        try {
            AtomicOutput.writeStream(signature, out -> {
                try (InputStream in = Files.newInputStream(file)) {
                    sign(in, out);
                }
            });
        } catch (IOException e) {
            throw AtomicOutput.failure("the signature", signature, e);
        }
    }

    /** Streams {@code data} and writes its armored signature to {@code out} (which stays open). */
    public void sign(InputStream data, OutputStream out) throws IOException, BootImageException {
        PGPSignatureGenerator generator = generator();
        byte[] buffer = new byte[BUFFER];
        for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
            generator.update(buffer, 0, n);
        }
        PGPSignature signature = generate(generator);
        // No "Version:" header (it names the library version); lines end in LF whatever the OS.
        ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().enableCRC(true)
                .build(new LineFeedOnly(out));
        try (BCPGOutputStream packets = new BCPGOutputStream(armor, PacketFormat.LEGACY)) {
            signature.encode(packets);
        }
        armor.close();
    }

    /** Signs and verifies a fixed message: a wrongly decrypted key (a 1-in-65536 checksum pass) shows here. */
    static void selfTest(SigningKey key, String origin) throws BootImageException {
        byte[] message = "bootimage self-test".getBytes(StandardCharsets.US_ASCII);
        DetachedSigner signer = new DetachedSigner(key, SignatureHash.SHA256);
        PGPSignatureGenerator generator = signer.generator();
        generator.update(message);
        PGPSignature signature = generate(generator);
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key.publicKey());
            signature.update(message);
            if (signature.verify()) {
                return;
            }
        } catch (PGPException | RuntimeException e) {
            throw fail(key, origin, e);
        }
        throw fail(key, origin, null);
    }

    private static BootImageException fail(SigningKey key, String origin, Exception cause) {
        return new BootImageException("The key " + key.fingerprint() + " in " + origin + " does not make valid"
                + " signatures after unlocking: wrong passphrase or a damaged key.", cause);
    }

    private PGPSignatureGenerator generator() throws BootImageException {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), hash.tag()), key.publicKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(key.signatureTime().truncatedTo(ChronoUnit.SECONDS)));
            hashed.setIssuerFingerprint(false, key.publicKey());
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            unhashed.setIssuerKeyID(false, key.publicKey().getKeyID());
            generator.setHashedSubpackets(hashed.generate());
            generator.setUnhashedSubpackets(unhashed.generate());
            generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
            return generator;
        } catch (PGPException | RuntimeException e) {
            throw new BootImageException("Cannot sign with the key " + key.fingerprint() + " ("
                    + key.algorithm() + "): " + e.getMessage() + ". Use an RSA or Ed25519 signing key.", e);
        }
    }

    private static PGPSignature generate(PGPSignatureGenerator generator) throws BootImageException {
        try {
            return generator.generate();
        } catch (PGPException | RuntimeException e) {
            throw new BootImageException("Cannot make the OpenPGP signature: " + e.getMessage(), e);
        }
    }

    /** Drops CR: Bouncy Castle ends armor lines with the platform's line separator. */
    private static final class LineFeedOnly extends FilterOutputStream {
        LineFeedOnly(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b != '\r') {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void close() throws IOException {
            flush(); // the caller's stream stays open
        }
    }
}
